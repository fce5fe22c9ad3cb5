"""Saved web pages: the article's text, its title and its publication date.

A page saved by a browser is mostly not the article: navigation, scripts,
styles, a cookie banner, headers, sidebars and footers. Read as text, their
words become organizations (`DOCTYPE`) and their dates events' dates.
trafilatura keeps the main text only (its boilerplate rules and its
comparison with jusText are maintained against thousands of real pages);
htmldate reads the publication date from the page's markup (`<time
datetime>`, `dcterms.issued`, `article:published_time`, JSON-LD), preferring
the original date to an update (`original_date=True`).

Two adjustments, each on the parsed tree (lxml), never on the HTML text:

- trafilatura drops `<time>` elements with their words, so `<time>March 3,
  2021</time> - Ottawa` would lose the dateline's date; the tags are
  unwrapped first and their words kept.
- htmldate falls back to the date a page was modified when it finds no other
  (`Date modified: 2023-06-01` in a Canada.ca footer, `dcterms.modified`), and
  an update is not a publication: resolving `last year` against it would be
  wrong, so those markers are removed from the copy it reads. A page with
  no publication date in its markup takes the dateline of its text, like a
  text file.

Paragraphs, headings and list items each become a paragraph of the text,
separated by a blank line, so the cleaned view never joins a heading to the
paragraph under it.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from datetime import date

from pipeline.errors import SourceError

# <meta name="dcterms.modified">, <meta property="article:modified_time">, "og:updated_time"
_MODIFIED_META = re.compile(r"modif|updat|revis", re.I)
# "Date modified: 2023-06-01", "Last updated March 3, 2023": a footer's stamp, not a publication
# (matched on the element's text with its leading blanks stripped)
_MODIFIED_LINE = re.compile(
    r"(?:date\s+modified|last\s+(?:modified|updated|revised)|updated|modified|revised)\b", re.I
)
# An element longer than this is content, even when it starts with "Updated".
_STAMP_CHARS = 120
_META_ATTRIBUTES = ("name", "property", "itemprop", "http-equiv")


@dataclass(frozen=True)
class Page:
    """What a web page gives: its main text, and the title and date its markup states."""

    text: str
    title: str | None
    published: date | None


def _without_modified(node: object) -> object:
    """A JSON-LD value without its `dateModified` keys (at any depth)."""
    if isinstance(node, dict):
        return {k: _without_modified(v) for k, v in node.items() if k != "dateModified"}
    if isinstance(node, list):
        return [_without_modified(v) for v in node]
    return node


def _remove_modification_dates(tree) -> None:
    """Remove from `tree` every marker of when the page was modified (see the module docstring)."""
    doomed = [
        el for el in tree.iter("meta")
        if any(_MODIFIED_META.search(el.get(a) or "") for a in _META_ATTRIBUTES)
    ]
    doomed += tree.xpath('//*[@itemprop="dateModified"]')
    doomed += [
        el for el in tree.iter()
        if isinstance(el.tag, str) and el.text and _MODIFIED_LINE.match(el.text.lstrip())
        and len(el.text_content()) <= _STAMP_CHARS
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            script.text = json.dumps(_without_modified(json.loads(script.text or "")))
        except ValueError:
            continue


def publication_date(tree) -> date | None:
    """The date the page was first published, from its markup (None when it states none)."""
    from htmldate import find_date

    pruned = copy.deepcopy(tree)
    _remove_modification_dates(pruned)
    found = find_date(pruned, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _paragraphs(text: str) -> str:
    """trafilatura's one block a line as paragraphs separated by blank lines."""
    blocks = [line.strip() for line in text.splitlines()]
    return "\n\n".join(b for b in blocks if b) + "\n"


def read_html(markup: str, name: str) -> Page:
    """The main text, title and publication date of a web page; SourceError when it has no main text."""
    import trafilatura
    from lxml import etree

    tree = trafilatura.load_html(markup)
    if tree is None:
        raise SourceError(name, "not a readable HTML page")
    published = publication_date(tree)
    etree.strip_tags(tree, "time")  # keep the words of <time>March 3, 2021</time>
    found = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        include_links=False, deduplicate=False,
    )
    text = found.text if found is not None else None
    if not text or not text.strip():
        raise SourceError(name, "no main text found in the page (only navigation, scripts or boilerplate)")
    title = " ".join((found.title or "").split()) or None
    return Page(_paragraphs(text), title, published)
