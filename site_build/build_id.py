"""One build's pages run one build's scripts, with or without the offline copy (D5).

GitHub Pages lets browsers keep a file for ten minutes, and Material's instant navigation keeps the first
page's scripts running while it swaps in the HTML of the next. So after a deployment a page could be new HTML
run by an old ``calculator.js`` and an old worker. After the build, ``stamp(site)``:

- names the build after the site's own scripts, styles and the Pyodide lockfile (``build_id``: the same
  sources give the same id, so an unchanged build changes no file);
- adds ``?v=ID`` to every reference to them, in pages and in scripts (``import "./boot.mjs?v=ID"``), so the
  browser's cache never answers one build's reference with another build's file;
- writes the id into ``calculator.js`` and ``calculator-worker.mjs`` (``const BUILD_ID``) and onto every
  calculator (``data-build``): a script meeting a calculator of another build reloads the page once
  (instant navigation) and otherwise says so rather than run; a worker of another build than the page
  asked for does not start.

A static host ignores queries, and so does the service worker (sw-template.js), which serves its own build.
Stamping is idempotent: the id is computed from the files with their stamps taken out.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

OWN = ("javascripts", "stylesheets")  # the site's own files, under the site root
LOCKFILE = "pyodide/pyodide-lock.json"  # names the calculator wheel by its sha256
_HEX = "[0-9a-f]{16}"
# A reference to one of our files in a page: a quoted URL ending in javascripts/NAME or stylesheets/NAME,
# with any query. Material's files (assets/javascripts/…) carry a hash of their own and are left alone.
_PAGE_REF = re.compile(
    r'(?<=["\'])([^"\'\s<>]*?)((?:javascripts|stylesheets)/[\w.-]+\.(?:js|mjs|css))(\?[^"\'\s<>]*)?(?=["\'])')
# A module of ours named in a script: "./boot.mjs", "calculator-worker.mjs", with or without its stamp.
_SCRIPT_REF = re.compile(rf'(["\'])(\./)?([\w-]+\.mjs)(\?v={_HEX})?\1')
_CONSTANT = re.compile(rf'(const BUILD_ID = ")(?:{_HEX})?(";)')
_ON_CALCULATOR = re.compile(rf'(?: data-build="(?:{_HEX})?")?( data-calculator=")')


def with_version(query: str, build: str) -> str:
    """A URL's query (``?…`` or "") with ``v=build`` first, or without ``v`` for build "".

    >>> with_version("", "0123456789abcdef"), with_version("?material=s.js", "0123456789abcdef")
    ('?v=0123456789abcdef', '?v=0123456789abcdef&material=s.js')
    >>> with_version("?v=0123456789abcdef&material=s.js", "")
    '?material=s.js'
    """
    pairs = [(k, v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True) if k != "v"]
    if build:
        pairs.insert(0, ("v", build))
    return "?" + urlencode(pairs, safe="/") if pairs else ""


def stamp_page(html: str, build: str, own: frozenset[str]) -> str:
    """A page with each reference to a file in ``own`` (paths like ``javascripts/calculator.js``) carrying the
    build, and each calculator marked with it. Build "" takes the stamps out.

    >>> own = frozenset({"javascripts/calculator.js"})
    >>> stamp_page('<script src="../javascripts/calculator.js"></script>', "0123456789abcdef", own)
    '<script src="../javascripts/calculator.js?v=0123456789abcdef"></script>'
    >>> stamp_page('<div data-calculator="x"> "../assets/javascripts/calculator.js"', "0123456789abcdef", own)
    '<div data-build="0123456789abcdef" data-calculator="x"> "../assets/javascripts/calculator.js"'
    """
    def reference(match: re.Match[str]) -> str:
        prefix, path, query = match.group(1), match.group(2), match.group(3) or ""
        if path not in own or prefix.endswith("assets/"):
            return match.group(0)
        return prefix + path + with_version(query, build)

    html = _PAGE_REF.sub(reference, html)
    return _ON_CALCULATOR.sub(lambda m: (f' data-build="{build}"' if build else "") + m.group(1), html)


def stamp_script(text: str, build: str, modules: frozenset[str]) -> str:
    """A script with each of our ``modules`` it names carrying the build, and its BUILD_ID set.

    >>> stamp_script('import { boot } from "./boot.mjs";\\nconst BUILD_ID = "";', "0123456789abcdef",
    ...              frozenset({"boot.mjs"}))
    'import { boot } from "./boot.mjs?v=0123456789abcdef";\\nconst BUILD_ID = "0123456789abcdef";'
    """
    def reference(match: re.Match[str]) -> str:
        quote, dot, name = match.group(1), match.group(2) or "", match.group(3)
        if name not in modules:
            return match.group(0)
        return f"{quote}{dot}{name}{'?v=' + build if build else ''}{quote}"

    text = _SCRIPT_REF.sub(reference, text)
    return _CONSTANT.sub(lambda m: m.group(1) + build + m.group(2), text)


def own_files(site: Path) -> list[Path]:
    return sorted(p for folder in OWN for p in (site / folder).rglob("*") if p.is_file())


def build_id(site: Path) -> str:
    """The build's id: a hash of the site's own scripts and styles (stamps taken out) and the lockfile.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (Path(tmp) / "javascripts").mkdir()
    ...     _ = (Path(tmp) / "javascripts" / "a.js").write_text('const BUILD_ID = "";')
    ...     first = build_id(Path(tmp))
    ...     stamp(Path(tmp)) == first == build_id(Path(tmp))
    True
    """
    modules = _modules(site)
    digest = hashlib.sha256()
    for path in own_files(site):
        text = path.read_bytes()
        if path.suffix in (".js", ".mjs"):
            text = stamp_script(text.decode("utf-8"), "", modules).encode("utf-8")
        digest.update(path.relative_to(site).as_posix().encode() + b"\0" + text + b"\0")
    lock = site / LOCKFILE
    if lock.exists():
        digest.update(lock.read_bytes())
    return digest.hexdigest()[:16]


def _modules(site: Path) -> frozenset[str]:
    return frozenset(p.name for p in (site / "javascripts").glob("*.mjs"))


def _rewrite(path: Path, change: str) -> None:
    if path.read_text(encoding="utf-8") != change:
        path.unlink()  # never write through a hard link into another copy of the site (the tests make some)
        path.write_text(change, encoding="utf-8")


def stamp(site: Path) -> str:
    """Stamp the built ``site`` with its build id (see the module's docstring); return the id."""
    build = build_id(site)
    modules = _modules(site)
    own = frozenset(p.relative_to(site).as_posix() for p in own_files(site))
    for path in own_files(site):
        if path.suffix in (".js", ".mjs"):
            _rewrite(path, stamp_script(path.read_text(encoding="utf-8"), build, modules))
    for path in site.rglob("*.html"):
        _rewrite(path, stamp_page(path.read_text(encoding="utf-8"), build, own))
    return build
