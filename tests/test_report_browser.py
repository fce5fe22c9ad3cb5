"""The report in a real browser: headless Debian chromium driven by Playwright (never `playwright install`).

Skipped when chromium is absent locally; `.ci/run` installs it, so these run in CI.
Each page is watched for console errors, uncaught exceptions, CSP violations,
dialogs and any request other than the report file itself.
"""

from __future__ import annotations

import base64
import gzip
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import COMMITTED_OUTPUT, ROOT, SOURCES
from report_fixtures import ORG, SCRIPT, TITLE, hostile_output

from pipeline.report import ReportSettings, build_report
from pipeline.report.data import build_model
from pipeline.report.inputs import read_output, read_texts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "build" / "test-artifacts"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium); .ci/run installs it"
)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (the test extra)")

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@dataclass
class Watched:
    page: object
    url: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations")

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.csp_violations() == []
        assert self.dialogs == []
        assert [r for r in self.requests if r != self.url] == []


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_report(browser, path: Path) -> Watched:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    watched = Watched(page, path.as_uri())
    page.add_init_script(WATCH_CSP)
    page.on("console", lambda m: m.type == "error" and watched.errors.append(m.text))
    page.on("pageerror", lambda e: watched.errors.append(str(e)))
    page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: watched.requests.append(r.url))
    page.goto(watched.url)
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    return watched


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> tuple[Path, dict]:
    """The committed output's report with every timeline row on one page, and its model."""
    settings = ReportSettings(rows_per_page=100)
    dest = tmp_path_factory.mktemp("report") / "report.html"
    path = build_report(COMMITTED_OUTPUT, SOURCES, dest, settings)
    records = read_output(COMMITTED_OUTPUT)
    return path, build_model(records, read_texts(records, COMMITTED_OUTPUT, SOURCES), settings)


def blob(doc: dict) -> dict:
    """A document's compressed part of the model, as the page inflates it."""
    return json.loads(gzip.decompress(base64.b64decode(doc["z"])))


def count(page, selector: str) -> int:
    return page.evaluate(f"document.querySelectorAll({selector!r}).length")


def wait_until(page, expression: str, timeout_ms: int = 10_000) -> None:
    """Poll a JavaScript expression until it is true. Playwright's `wait_for_function` evaluates
    its predicate with `eval` inside the page, which the report's CSP (rightly) refuses;
    `page.evaluate` goes through the DevTools protocol, which the page's CSP does not govern."""
    for _ in range(timeout_ms // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


def data(page, selector: str, key: str) -> str:
    return page.locator(selector).get_attribute(f"data-{key}")


def test_loads_without_errors_and_saves_a_screenshot(browser, committed):
    watched = open_report(browser, committed[0])
    watched.assert_clean()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_timeline_has_one_mark_per_dated_event_on_each_of_its_rows(browser, committed):
    path, model = committed
    dated = [e for e in model["events"] if e["a"]]
    page = open_report(browser, path).page
    # an event has a mark on the row of each participant, or one on the "no participant" row
    marks = sum(max(1, len(e["r"])) for e in dated)
    assert count(page, "#timeline .scatterlayer .trace .points path") == marks
    assert data(page, "#timeline", "marks") == str(marks)
    assert data(page, "#timeline", "events") == str(len(dated))
    assert data(page, "#timeline", "mode") == "events"


def test_hover_shows_the_evidence(browser, committed):
    page = open_report(browser, committed[0]).page
    page.locator("#timeline .scatterlayer .trace .points path").first.hover(force=True)
    hover = page.locator("#timeline .hoverlayer .hovertext").first.text_content()
    assert "Participants:" in hover and "Place:" in hover and "Document:" in hover


def test_a_filter_changes_every_count(browser, committed):
    path, model = committed
    watched = open_report(browser, path)
    page = watched.page
    total = len(model["events"])
    assert data(page, "#counts", "events") == str(total)
    nodes_before = data(page, "#network", "nodes")
    page.select_option("#f-country", "MEX")
    mexico = [e for e in model["events"] if "MEX" in e["cs"]]
    assert data(page, "#counts", "events") == str(len(mexico)) != str(total)
    assert data(page, "#timeline", "events") == str(sum(1 for e in mexico if e["a"]))
    assert data(page, "#network", "nodes") != nodes_before
    page.locator("#f-types input[value='MEET']").uncheck()
    assert data(page, "#counts", "events") == str(sum(1 for e in mexico if e["t"] != "MEET"))
    page.fill("#f-from", "2012-01-01")
    page.fill("#f-to", "2012-12-31")
    in_2012 = [e for e in mexico
               if e["t"] != "MEET" and e["a"] and e["a"] <= "2012-12-31" and e["b"] >= "2012-01-01"]
    assert data(page, "#counts", "events") == str(len(in_2012))
    page.click("#f-reset")
    assert data(page, "#counts", "events") == str(total)
    watched.assert_clean()


def test_document_view_highlights_known_spans(browser, committed):
    page = open_report(browser, committed[0]).page
    assert data(page, "#doc-text", "doc") == "canada-mexico-defence-relationship"
    marks = page.evaluate("""[...document.querySelectorAll('#doc-text mark')]
        .map((m) => [m.className, m.textContent])""")
    assert ["k-org", "Department of National Defence"] in marks
    assert ["k-date", "April 24, 2014"] in marks
    assert ["k-event", "established"] in marks
    page.locator("#doc-records button.record", has_text="Department of National Defence").click()
    assert count(page, "#doc-text mark.flash") == 4  # its four mentions: the name and three DNDs


def test_clicking_a_mark_opens_its_document(browser, committed):
    path, model = committed
    page = open_report(browser, path).page
    last = page.locator("#timeline .scatterlayer .trace .points path").last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    event = page.evaluate("""(() => { const gd = document.getElementById('timeline');
        const traces = gd.data.filter((t) => t.mode === 'markers');
        const t = traces[traces.length - 1]; return t.customdata[t.customdata.length - 1]; })()""")
    wait_until(page, f"document.getElementById('doc-text').dataset.doc === "
                     f"{model['docs'][model['events'][event]['d']]['id']!r}")
    evidence = blob(model["docs"][model["events"][event]["d"]])["events"][str(event)][1]
    assert count(page, "#doc-text mark.k-evidence") >= len(evidence) > 0
    assert page.locator("#doc-records button.record.current").count() == 1


def test_many_marks_become_one_per_type_and_year(browser, tmp_path):
    path = build_report(COMMITTED_OUTPUT, SOURCES, tmp_path / "r.html", ReportSettings(max_marks=5))
    watched = open_report(browser, path)
    page = watched.page
    assert data(page, "#timeline", "mode") == "years"
    mark = page.locator("#timeline .scatterlayer .trace .points path").first
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_until(page, "document.getElementById('f-from').value !== ''")
    year = page.input_value("#f-from")[:4]
    assert page.input_value("#f-to") == f"{year}-12-31"
    watched.assert_clean()


def test_hostile_text_runs_nothing(browser, tmp_path):
    out, sources = hostile_output(tmp_path)
    watched = open_report(browser, build_report(out, sources))
    page = watched.page
    page.locator("#timeline .scatterlayer .trace .points path").first.hover(force=True)
    assert "<b onmouseover" in page.locator("#timeline .hoverlayer").text_content()
    assert "<img src=x" in page.locator("#timeline .yaxislayer-above").text_content()
    page.locator("#doc-list button.doc").first.click()
    page.get_by_text("click me").first.click()
    page.locator("#doc-text mark.k-org").first.hover()
    page.locator("#network .scatterlayer .trace .points path").first.hover(force=True)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.text_content("#doc-title") == TITLE
    assert SCRIPT in page.text_content("#doc-text") and ORG in page.text_content("#doc-text")
    assert count(page, "img, iframe, object, embed, a[href^='javascript']") == 0
    watched.assert_clean()
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
