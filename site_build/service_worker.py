"""Make the built site usable offline: a service worker that holds exactly one build.

After the build (and after the Pyodide files are copied in), ``write_service_worker(site_dir)`` lists every
file of the site with its sha256 (the manifest), names the build after that list (the version), and writes:
- ``sw.js``: site_build/sw-template.js with the version and manifest filled in. The worker caches every listed
  file, checked against its sha256, under a cache named after the version; so a cache never mixes builds.
- ``build.json``: ``{"version": ...}``, for tests and for anyone asking which build is deployed.

Neither file is in the manifest (sw.js contains the manifest; build.json contains its hash).

Under ``mkdocs serve`` sw.js is instead a worker that removes itself and its caches: a cached build would
hide every edit, and the development server usually shares its address (127.0.0.1:8000) with scripts/serve.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

TEMPLATE = Path(__file__).resolve().parent / "sw-template.js"
PLACEHOLDER = 'const BUILD = { version: "", files: {} };'
SW_NAME = "sw.js"
BUILD_NAME = "build.json"
CACHE_PREFIX = "ssi-field-guide-offline-"

# Served by `mkdocs serve`: removes any offline copy of the site from this address, so edits show up.
UNINSTALL = f"""\
// Development server: this address must not keep an offline copy of the site (it would hide your edits).
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {{
  for (const name of await caches.keys()) if (name.startsWith("{CACHE_PREFIX}")) await caches.delete(name);
  await self.registration.unregister();
}})()));
"""


def manifest(site: Path) -> dict[str, str]:
    """Every file a browser can fetch from the built site, as URL path (relative to the root) -> sha256.

    Left out: hidden files (e.g. ``.nojekyll``: not pages of the site), source maps (only developer tools
    fetch them; 1.3 MB) and sw.js and build.json (they describe the manifest itself).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "a b.html").write_text("x")
    ...     _ = (Path(tmp) / "sw.js").write_text("")
    ...     manifest(Path(tmp))
    {'a%20b.html': '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881'}
    """
    files: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        hidden = any(part.startswith(".") for part in relative.split("/"))
        if not path.is_file() or hidden or relative in (SW_NAME, BUILD_NAME) or relative.endswith(".map"):
            continue
        files[quote(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def version(files: dict[str, str]) -> str:
    """The build's name: a hash of its manifest, so it changes when any file does, and only then.

    >>> version({"index.html": "00"}) == version({"index.html": "00"}) != version({"index.html": "01"})
    True
    """
    canonical = json.dumps(files, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()[:16]


def render(files: dict[str, str], build: str) -> str:
    """The service worker's source for this build."""
    template = TEMPLATE.read_text(encoding="utf-8")
    if template.count(PLACEHOLDER) != 1:
        raise ValueError(f"{TEMPLATE.name} must contain exactly one line starting {PLACEHOLDER!r}")
    data = json.dumps({"version": build, "files": files}, sort_keys=True, indent=None, separators=(",", ":"))
    return template.replace(PLACEHOLDER, f"const BUILD = {data};")


def _write(path: Path, text: str) -> None:
    # Replaced, not rewritten in place: a server never sends half a file, and a hard-linked copy of the
    # site (the browser test makes one) keeps its own.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
        tmp.write(text)
    os.chmod(tmp.name, 0o644)
    os.replace(tmp.name, path)


def serving() -> bool:
    """True when MkDocs' development server runs this build (``mkdocs serve``)."""
    return len(sys.argv) > 1 and sys.argv[1] == "serve"


def write_service_worker(site: Path, development: bool | None = None) -> str:
    """Write sw.js and build.json into the built ``site``; return the build's version ('' for development)."""
    if serving() if development is None else development:
        (site / BUILD_NAME).unlink(missing_ok=True)
        _write(site / SW_NAME, UNINSTALL)
        return ""
    files = manifest(site)
    build = version(files)
    _write(site / SW_NAME, render(files, build))
    _write(site / BUILD_NAME, json.dumps({"version": build}) + "\n")
    return build


if __name__ == "__main__":
    print(write_service_worker(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), development=False))
