"""A Content-Security-Policy on every page (issue 13), as a ``<meta>`` tag: GitHub Pages sends no headers.

The policy lets a page run only the site's own script files and the inline scripts the build put there, named
by their sha256 (Material's ``__md_scope``/palette/tab scripts, whose text depends on the page's depth, and our
colour toggle's), and connect to nothing but the site.

Every page lists the hashes of the inline scripts of EVERY page: Material's instant navigation keeps the first
page's document, and so its policy, and runs the inline scripts of each page it swaps in.

A meta policy covers the page only: the workers (the calculator's, the search's, the service worker) are
fetched by URL and take their policy from their own response headers, of which Pages sends none. So Pyodide's
WebAssembly, compiled in a worker, needs no 'wasm-unsafe-eval' here.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

# Each directive, and why the pages need it. Anything not named falls back to default-src.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src 'self'", "fonts, manifests, frames, media: only the site's own, if ever"),
    ("script-src 'self'", "the site's own script files; inline scripts only by the hashes added below"),
    ("style-src 'self' 'unsafe-inline'", "Material and our widgets set style attributes (bars, icons)"),
    ("img-src 'self' data:", "Material's stylesheet draws its icons from data: URLs"),
    ("connect-src 'self'", "instant navigation fetches pages and the sitemap; nothing leaves the site"),
    ("worker-src 'self'", "the calculator's worker, the search worker and the service worker"),
    ("object-src 'none'", "no plugins"),
    ("base-uri 'self'", "no injected <base> can point relative URLs at another host"),
    ("form-action 'self'", "our forms are never sent, and never anywhere else"),
)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# Types a browser runs; anything else (application/json: Material's page configuration) is data.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script of a page that a browser would run.

    >>> inline_scripts('<script>a()</script><script src="b.js"></script><script type="application/json">{}</script>')
    ['a()']
    """
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.group(1), match.group(2)
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind.group(1).lower() if kind else "") not in _EXECUTABLE:
            continue
        found.append(text)
    return found


def source_hash(script: str) -> str:
    """A script's CSP source expression: its sha256, base64.

    >>> source_hash("a()")
    "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
    """
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy(hashes: Iterable[str]) -> str:
    """The policy, with inline scripts of these hashes allowed."""
    allowed = " ".join(sorted(set(hashes)))
    return "; ".join(f"{d} {allowed}".rstrip() if d.startswith("script-src") else d for d, _ in DIRECTIVES)


def with_policy(html: str, text: str) -> str:
    """The page with the policy as its first ``<meta>`` after the character set, before any script.
    Replaces a policy put there before.

    >>> print(with_policy('<meta charset="utf-8"><script>x()</script>', "object-src 'none'"))
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="object-src 'none'"><script>x()</script>
    """
    html = _META.sub("", html, count=1)
    charset = _CHARSET.search(html)
    if charset is None:
        raise ValueError("a page without <meta charset>: nowhere to put its Content-Security-Policy")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{text}">'
    return html[: charset.end()] + meta + html[charset.end():]


def apply(site: Path) -> str:
    """Put the policy into every page of the built ``site``; return it."""
    pages = sorted(site.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    text = policy(source_hash(script) for html in texts.values() for script in inline_scripts(html))
    for path, html in texts.items():
        changed = with_policy(html, text)
        if changed != html:
            path.unlink()  # never write through a hard link into another copy of the site (the tests make some)
            path.write_text(changed, encoding="utf-8")
    return text
