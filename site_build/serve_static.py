"""Serve the built site the way GitHub Pages does: static files, real MIME types, the custom 404 page, and
text and WebAssembly compressed with gzip for browsers that accept it.

    python -m site_build.serve_static [--dir site] [--port 8000] [--host 127.0.0.1] [--base /repo/]

``--base`` mounts the site under a sub-path, as a GitHub Pages project site is; requests outside it get 404.
Used by ``scripts/serve``, the browser tests and the benchmark.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import http.server
import io
import mimetypes
import os
import sys
import threading
import time
from pathlib import Path
from typing import BinaryIO

mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


# What GitHub Pages compresses on the fly: text and WebAssembly (not zip, gzip or images). The benchmark's
# bytes and throttled timings are then those of a real visitor.
COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "application/wasm", "application/xml", "text/xml", "text/plain", "image/svg+xml"}


@functools.lru_cache(maxsize=256)
def gzipped(path: str, mtime_ns: int) -> bytes:
    """``path`` compressed (kept per modification time: the 9.6 MB runtime takes a moment)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def compressible(path: str) -> bool:
    kind = mimetypes.guess_type(path)[0] or ""
    return kind in COMPRESSIBLE


def precompress(directory: Path, at_least: int = 200_000) -> None:
    """Compress the large files ahead, so that no first request (a timed one) waits for it."""
    for path in directory.rglob("*"):
        if path.is_file() and compressible(str(path)) and path.stat().st_size >= at_least:
            gzipped(str(path), path.stat().st_mtime_ns)


class Throttle:
    """One shared link: every response's bytes draw from the same budget, as on a real connection.

    ``only``: throttle just the paths containing it (a test's slow snapshot), the rest at full speed.
    """

    def __init__(self, mbit_per_s: float, latency_ms: float, only: str = "") -> None:
        self.rate = mbit_per_s * 1e6 / 8  # bytes per second
        self.latency = latency_ms / 1000
        self.only = only
        self.lock = threading.Lock()
        self.next_free = 0.0

    def send(self, source: BinaryIO, out: BinaryIO) -> None:
        time.sleep(self.latency)
        while chunk := source.read(16384):
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_free)
                self.next_free = start + len(chunk) / self.rate
            time.sleep(max(0.0, self.next_free - time.monotonic()))
            out.write(chunk)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    base = "/"
    cache_control = "max-age=600"  # what GitHub Pages sends
    throttle: Throttle | None = None

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        if self.throttle is None or self.throttle.only not in self.path:
            super().copyfile(source, outputfile)
        else:
            self.throttle.send(source, outputfile)

    def send_head(self) -> BinaryIO | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        conditional = "If-Modified-Since" in self.headers or "If-None-Match" in self.headers
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if conditional or not wanted or not os.path.isfile(path) or not compressible(path):
            return super().send_head()  # including 304s and 404s
        stat = os.stat(path)
        body = gzipped(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.base):
            return str(Path(self.directory) / "__outside_the_base_path__" / "none")  # answered with the 404 page
        return super().translate_path("/" + clean[len(self.base):])

    def list_directory(self, path: str) -> None:  # type: ignore[override]
        self.send_error(404)  # GitHub Pages never lists a folder
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        # The service worker is always revalidated, so a new build is noticed on the next page load.
        sw = self.path.split("?", 1)[0] == self.base + "sw.js"
        self.send_header("Cache-Control", "no-cache" if sw else self.cache_control)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server_quiet:  # type: ignore[attr-defined]
            return
        super().log_message(format, *args)


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exception(), ConnectionError):  # a browser closing a connection early is normal
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 0, base: str = "/",
                quiet: bool = True, throttle: Throttle | None = None) -> http.server.ThreadingHTTPServer:
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    handler = type("Handler", (SiteHandler,), {"base": base, "server_quiet": quiet, "throttle": throttle})
    server = QuietServer((host, port), functools.partial(handler, directory=str(directory)))
    return server


def serve_in_thread(directory: Path, base: str = "/", port: int = 0,
                    throttle: Throttle | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start a server in a background thread; return it and the site's URL."""
    precompress(directory)
    server = make_server(directory, port=port, base=base, throttle=throttle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = str(server.server_address[0]), server.server_address[1]
    return server, f"http://{host}:{port}{'/' + base.strip('/') + '/' if base.strip('/') else '/'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="site", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    parser.add_argument("--base", default="/")
    args = parser.parse_args()
    server = make_server(args.dir, args.host, args.port, args.base, quiet=False)
    base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
    print(f"Serving {args.dir}/ at http://{args.host}:{args.port}{base}  (Ctrl+C stops)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
