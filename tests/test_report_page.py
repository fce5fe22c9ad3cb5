"""The report page as HTML: self-contained, data inert and escaped, inline code allowed by hash only."""

from __future__ import annotations

import json
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import COMMITTED_OUTPUT, ROOT, SOURCES
from report_fixtures import TITLE, hostile_output

from pipeline.errors import ReportAssetError
from pipeline.report import REPORT_NAME, build_report, render_report
from pipeline.report.page import csp_hash, embed_json, render_page


class Inventory(HTMLParser):
    """Every tag with its attributes, and the text of each <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict]] = []
        self.blocks: list[tuple[str, dict, str]] = []
        self._open: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))
            self.blocks.append((tag, dict(attrs), ""))

    def handle_data(self, data):
        if self._open:
            tag, attrs, text = self.blocks[-1]
            self.blocks[-1] = (tag, attrs, text + data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self._open = None


def inventory(html: str) -> Inventory:
    parser = Inventory()
    parser.feed(html)
    return parser


def policy(html: str) -> dict[str, list[str]]:
    meta = next(a for t, a in inventory(html).tags
                if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    return {d.split()[0]: d.split()[1:] for d in meta["content"].split("; ")}


@pytest.fixture(scope="module")
def committed_html() -> str:
    return render_report(COMMITTED_OUTPUT, SOURCES)


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> str:
    out, sources = hostile_output(tmp_path_factory.mktemp("hostile"))
    return render_report(out, sources)


def test_policy_allows_nothing_from_anywhere(committed_html):
    csp = policy(committed_html)
    assert csp["default-src"] == ["'none'"]
    for directive in ("img-src", "font-src", "connect-src", "object-src", "base-uri", "form-action"):
        assert csp[directive] == ["'none'"], directive
    assert all(s.startswith("'sha256-") for s in csp["script-src"])
    assert all(s.startswith("'sha256-") for s in csp["style-src-elem"])


def test_every_inline_script_and_style_is_allowed_by_its_hash(committed_html):
    csp = policy(committed_html)
    blocks = inventory(committed_html).blocks
    scripts = [text for tag, attrs, text in blocks if tag == "script" and "type" not in attrs]
    styles = [text for tag, _, text in blocks if tag == "style"]
    assert len(scripts) == 2 and len(styles) == 1  # plotly.js and the view code; the stylesheet
    assert sorted(csp["script-src"]) == sorted(csp_hash(s) for s in scripts)
    assert all(csp_hash(s) in csp["style-src-elem"] for s in styles)


def test_no_external_resource_and_no_inline_handler(committed_html):
    for tag, attrs in inventory(committed_html).tags:
        assert "src" not in attrs and tag not in ("link", "iframe", "img", "object", "embed"), tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not str(attrs.get("href", "")).startswith(("http", "javascript", "//")), attrs


def test_hostile_text_stays_inside_the_json_block(hostile_html):
    """No payload appears as markup: the only scripts are ours, the data parses back to the title."""
    blocks = inventory(hostile_html).blocks
    types = [attrs.get("type") for tag, attrs, _ in blocks if tag == "script"]
    assert types == ["application/json", None, None]
    assert "window.__pwned" not in hostile_html.split('id="report-data">')[0]
    assert [t for t, a in inventory(hostile_html).tags if t in ("img", "a", "b")] == []
    data = next(text for tag, attrs, text in blocks if attrs.get("type") == "application/json")
    assert not re.search("[<>&\u2028\u2029]", data)
    assert json.loads(data)["docs"][0]["title"] == TITLE


def test_embed_json_escapes_what_could_end_the_block():
    text = embed_json({"t": "</script><!-- & \u2028\u2029"})
    assert text == '{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}'
    assert json.loads(text) == {"t": "</script><!-- & \u2028\u2029"}


def test_an_asset_that_would_close_its_own_tag_is_refused():
    with pytest.raises(ReportAssetError):
        render_page({"docs": []}, plotly_js="var s = '</script>';")


def test_build_writes_the_same_bytes_twice(tmp_path):
    first = build_report(COMMITTED_OUTPUT, SOURCES, tmp_path / "a.html").read_bytes()
    second = build_report(COMMITTED_OUTPUT, SOURCES, tmp_path / "b.html").read_bytes()
    assert first == second


def test_default_destination_is_in_the_output_folder(tmp_path):
    out, sources = hostile_output(tmp_path)
    assert build_report(out, sources) == out / REPORT_NAME
    assert not list(out.glob(".*.tmp"))


def test_static_files_are_package_data():
    """An installed (not editable) package must carry the page's template, scripts and styles."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["pipeline.report"]
    static = ROOT / "pipeline" / "report" / "static"
    for path in static.iterdir():
        assert any(Path(path.relative_to(static.parent)).match(p) for p in patterns), path.name
