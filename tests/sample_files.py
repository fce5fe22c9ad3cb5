"""Small source files in each format analysts save, built in code (a few KB each).

Each holds real sentences of the sample corpus (the Canada-Mexico defence
relationship), plus, for the web page, everything a browser saves around an
article: navigation, scripts, styles, a cookie banner, a sidebar and a
footer, whose words (`BOILERPLATE`) must never reach the records.
"""

from __future__ import annotations

import io
from datetime import datetime

# Words only the boilerplate of the files below holds.
BOILERPLATE = (
    "Acme Analytics", "January 5, 2019", "Government Digital Service", "Department of Redundancy",
    "Federal Bureau of Sidebars", "2015", "Treasury Board Secretariat", "2023", "DOCTYPE", "font-family",
    "UNCLASSIFIED", "Page 1", "CONFIDENTIAL", "Acme Holdings",
)

PAGE_TITLE = "Canada and Mexico hold defence talks"
PAGE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Canada and Mexico hold defence talks - Canada.ca</title>
<meta name="dcterms.issued" content="2021-03-03">
<meta name="dcterms.modified" content="2023-06-01">
<meta property="article:modified_time" content="2023-06-01T10:00:00-05:00">
<style>body { font-family: Arial; } .cookie-banner { position: fixed; }</style>
<script>var stamp = "January 5, 2019"; window.dataLayer = [{"vendor": "Acme Analytics Corporation"}];</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. By continuing
you accept the cookie policy of the Government Digital Service.</p><button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/about">About the Department of Redundancy</a></li></ul></nav></header>
<main>
<article>
<h1>Canada and Mexico hold defence talks</h1>
<p><time datetime="2021-03-03">March 3, 2021</time> - Ottawa, Ontario - National Defence</p>
<p>Today, the Minister of National Defence met with the Secretary of National Defence of Mexico
in Ottawa to review the defence relationship between the two countries.</p>
<p>In May 2011, the Department of National Defence (DND) and SEDENA established Staff Talks. The
Canadian Armed Forces have taken part in exercises in Mexico since 2006.</p>
<p>Last year, the two ministers agreed to hold the talks every year, and Canada hosted the
second trilateral meeting of the North American Defence Ministers.</p>
</article>
</main>
<aside class="sidebar"><h3>Related</h3>
<p>Read about the Federal Bureau of Sidebars and its 2015 review.</p></aside>
<footer><p>Date modified: 2023-06-01</p><p>&copy; Treasury Board Secretariat of Canada 2023.</p></footer>
<script src="analytics.js"></script>
</body>
</html>
"""

REPORT_TITLE = "Canada-Mexico Defence Cooperation"
# (page, lines): each line drawn where a PDF writer put it; blank strings separate paragraphs.
_REPORT_PAGES = (
    ["Canada-Mexico Defence Cooperation",
     "April 26, 2014 - Ottawa, Ontario - National Defence",
     "",
     "In May 2011, the Department of National Defence (DND) and SEDENA estab-",
     "lished Staff Talks. The Canadian Armed Forces joined Exercise Fuerzas Amigas",
     "in 2012, and the Royal Canadian Navy visited Mexico last year."],
    ["The second trilateral meeting was hosted by Mexico on April 24, 2014, in",
     "Mexico City, where the ministers signed a well-known declaration. The well-",
     "known declaration renewed the defence cooperation of the two countries."],
)


def report_pdf(title: str | None = REPORT_TITLE, pages: tuple[list[str], ...] = _REPORT_PAGES) -> bytes:
    """A two-page report: running header, page numbers, a word hyphenated across lines."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    if title is not None:
        pdf.setTitle(title)
    for number, lines in enumerate(pages, 1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(260, 760, "UNCLASSIFIED")
        pdf.drawString(270, 30, f"Page {number} of {len(pages)}")
        y = 700
        for line in lines:
            pdf.setFont("Helvetica-Bold" if y == 700 and number == 1 else "Helvetica", 11)
            if line:
                pdf.drawString(72, y, line)
            y -= 14 if line else 20
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def blank_pdf() -> bytes:
    """A scanned page as a PDF sees it: a drawing, no text."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.rect(72, 72, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


READOUT_TITLE = "Readout of the Minister's meeting with the Secretary of National Defence"


def readout_docx(
    created: datetime | None = datetime(2022, 6, 9, 14, 30), dateline: str | None = None
) -> bytes:
    """A Word readout: a heading, paragraphs, a table, and a page header that is not content."""
    import docx

    document = docx.Document()
    document.core_properties.title = READOUT_TITLE
    if created is not None:
        document.core_properties.created = created
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL - Acme Holdings"
    document.add_heading("Minister meets her Mexican counterpart", level=1)
    if dateline:
        document.add_paragraph(dateline)
    document.add_paragraph("Yesterday, the Minister of National Defence hosted the Secretary of National "
                           "Defence of Mexico in Ottawa.")
    document.add_paragraph("The Department of National Defence (DND) and SEDENA established Staff Talks "
                           "in May 2011.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Exercise", "Year"
    table.cell(1, 0).text, table.cell(1, 1).text = "Fuerzas Amigas", "2012"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


NOTES_TITLE = "Notes on the Montréal talks"
NOTES_TEXT = (
    "Notes on the Montréal talks\n\n"
    "March 3, 2021 - Montréal, Québec - National Defence\n\n"
    "Canada’s Department of National Defence (DND) and SEDENA held the fifth round of “Staff Talks” "
    "in Montréal. Last year, the two departments established a working group on peacekeeping.\n"
)


def notes_cp1252() -> bytes:
    """A note saved by a Windows editor: Windows-1252, with `é` and curly quotes."""
    return NOTES_TEXT.encode("cp1252")


# The first bytes of a PNG image, as a scanned page or a screenshot would start.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
