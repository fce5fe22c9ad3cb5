"""The report's HTML: one self-contained page, its data embedded inert, its code allowed by hash.

Source texts, titles and names are untrusted, so none of them is written into the
HTML itself: the page is a fixed template (`static/page.html`) plus the model as JSON
in a `<script type="application/json">` block, with `<`, `>`, `&`, U+2028 and U+2029
escaped so no string can close the block or open a comment. The page's own code
builds the DOM from it with textContent only (see `static/model.js`).

The Content-Security-Policy allows nothing from the network and only the exact
scripts and style elements inlined here, by their sha256 computed at build time:
an injected `<script>`, an `onerror=` or a `javascript:` URL would not run even if
some text did reach the markup. What Plotly needs, found by loading it under a
strict policy in headless Chromium:

- inline `style` attributes (d3's `.attr("style")`, its `<tspan style>`): so
  `style-src-attr 'unsafe-inline'`; attributes cannot run script;
- `<style>` elements it creates empty and fills through CSSOM (the hash of the
  empty string) and one it fills with maplibre's CSS at load (hashed here, read
  from the bundle);
- nothing else: no eval on the code paths used, no fonts, images or connections.

`style-src 'unsafe-inline'` is only the fallback of browsers that predate
`style-src-elem`/`style-src-attr` (they would otherwise drop Plotly's styles).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources

from pipeline.errors import ReportAssetError

STATIC = resources.files("pipeline.report") / "static"
APP_SCRIPTS = ("model.js", "timeline.js", "network.js", "docview.js", "main.js")

# Plotly's bundle injects maplibre's stylesheet at load: document.createElement("style");
# e.id="9f21...",e.textContent='.maplibregl-map{...}'
_INJECTED_STYLE = re.compile(
    r"createElement\(\"style\"\);(\w)\.id=\"[^\"]+\",\1\.textContent='([^'\\]*)'"
)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")


def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def _as_parsed(text: str) -> str:
    """The text as the HTML parser hands it to the CSP check: line breaks normalized to LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def csp_hash(text: str) -> str:
    """A CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def embed_json(model: object) -> str:
    """JSON safe inside a <script> block: no `</script>`, `<!--` or line separator can appear."""
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _inlinable(name: str, text: str, closing: str) -> str:
    text = _as_parsed(text)
    lowered = text.lower()
    if f"</{closing}" in lowered or "<!--" in lowered:
        raise ReportAssetError(f"{name} contains </{closing} or <!-- and cannot be inlined")
    return text


def plotly_bundle() -> str:
    """plotly.js as shipped inside the plotly package: no CDN, the same file offline."""
    from plotly.offline import get_plotlyjs  # imported here: a 4.8 MB string, only the report needs it

    return get_plotlyjs()


def injected_style_hashes(bundle: str) -> list[str]:
    """Hashes of the style elements a bundle creates with fixed content (see module docstring)."""
    return [csp_hash(m.group(2)) for m in _INJECTED_STYLE.finditer(bundle)]


def app_script() -> str:
    """The view code: the static files in order, in one strict-mode closure (no globals)."""
    body = "\n".join(_read(name) for name in APP_SCRIPTS)
    return f'(function () {{\n"use strict";\n{body}\n}})();\n'


def content_security_policy(scripts: list[str], styles: list[str], extra_styles: list[str]) -> str:
    """The page's policy: nothing from anywhere, except these exact inline scripts and styles."""
    script_src = " ".join(csp_hash(s) for s in scripts)
    style_elem = " ".join([*(csp_hash(s) for s in styles), csp_hash(""), *extra_styles])
    return "; ".join([
        "default-src 'none'",
        f"script-src {script_src}",
        "style-src 'unsafe-inline'",
        f"style-src-elem {style_elem}",
        "style-src-attr 'unsafe-inline'",
        "img-src 'none'",
        "font-src 'none'",
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def render_page(model: dict, *, plotly_js: str | None = None) -> str:
    """The whole HTML page for a model made by `data.build_model`."""
    bundle = _inlinable("plotly.min.js", plotly_js if plotly_js is not None else plotly_bundle(), "script")
    app = _inlinable("report scripts", app_script(), "script")
    style = _inlinable("report.css", _read("report.css"), "style")
    parts = {
        "CSP": content_security_policy([bundle, app], [style], injected_style_hashes(bundle)),
        "STYLE": style,
        "DATA": embed_json(model),
        "PLOTLY": bundle,
        "APP": app,
    }
    # one pass over the template only: text inserted for one placeholder is never scanned again
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _read("page.html"))
