"""The site's build code: the MkDocs hooks, the Pyodide distribution, the service worker, the static server,
the helpers the browser tests share, and the benchmarks (``python -m site_build.benchmarks``).

The commands a person runs are in ``scripts/``; everything they and the tests import is here. The repo root is
on ``sys.path`` in ``.venv`` (scripts/_lib.sh writes a ``.pth`` file), so ``calculator`` and ``site_build``
import from anywhere without ``sys.path`` edits.
"""
