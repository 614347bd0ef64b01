"""MkDocs hooks: put the calculators into their pages and the Pyodide runtime into the site.

- ``<!-- calculator: NAME -->`` in a page becomes that mode's form plus its result for the default values,
  rendered now by the same Python code the browser runs later (readers see a real result before Pyodide
  loads, and without JavaScript).
- ``<!-- calculator-model: NAME -->`` becomes the mode's model description, generated from the code.
- After the build, ``site/pyodide/`` receives the runtime, the calculator wheel and its lockfile.
- Every page gets its "last updated" date from git.
- Material's search worker is started through ``javascripts/search-worker-late.js``, which builds the index
  once the page has settled (the reasons are in that file).
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks run from MkDocs' own entry point; the calculator lives beside it
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import offline  # noqa: E402
import pyodide_dist  # noqa: E402

from calculator.forms import render_form  # noqa: E402
from calculator.html import esc  # noqa: E402
from calculator.modes import ALIASES, WebRequest, registry  # noqa: E402
from calculator.web import handle  # noqa: E402

# Material's search worker in its page configuration: "search": "<up to the root>assets/javascripts/workers/<name>".
_SEARCH_WORKER = re.compile(r'"search": "([^"]*?)assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)"')
_WIDGET = re.compile(r"^<!-- calculator: ([a-z-]+) -->$", re.MULTILINE)
_MODEL = re.compile(r"^<!-- calculator-model: ([a-z-]+) -->$", re.MULTILINE)


def page_root(url: str) -> str:
    """The relative path from a page's URL to the site root: '' for the home page, '../../' two levels in."""
    depth = posixpath.normpath(url).count("/") + 1 if url not in ("", ".", "./") else 0
    if url.endswith(".html"):
        depth -= 1
    return "../" * depth


def widget(name: str, root: str) -> str:
    mode = registry()[ALIASES.get(name, name)]  # a page may still name a mode by its old name
    name = mode.name
    response = handle(WebRequest(name, mode.defaults(), root))
    if not response["ok"]:
        raise ValueError(f"the {name} calculator's default values do not validate: {response['errors']}")
    return (
        f'<div class="ssi-calculator" data-calculator="{esc(name)}" data-root="{esc(root)}"'
        + (f' data-storage-key="{esc(mode.storage_key)}"' if mode.storage_key else "")
        + (" data-url-state" if mode.url_state else "")
        + ">\n"
        f"{render_form(name, mode.fields, mode.legends, mode.defaults())}"
        '<p class="ssi-status" data-calculator-status role="status">'
        "This result was worked out for the example values when the page was built."
        "<noscript> Turn on JavaScript to calculate your own.</noscript></p>"
        f'<section class="ssi-result" data-calculator-result aria-label="Result: {esc(mode.title)}" aria-live="polite">'
        f"{response['html']}</section>\n</div>"
    )


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    root = page_root(page.url)
    markdown = _WIDGET.sub(lambda m: "\n" + widget(m.group(1), root) + "\n", markdown)
    markdown = _MODEL.sub(lambda m: "\n" + registry()[ALIASES.get(m.group(1), m.group(1))].describe() + "\n", markdown)
    if "data-calculator=" in markdown:
        page.meta["calculator"] = True
    return markdown


def on_post_page(output: str, **_: Any) -> str:
    return _SEARCH_WORKER.sub(
        lambda m: f'"search": "{m.group(1)}javascripts/search-worker-late.js?material={m.group(2)}"', output, count=1)


def on_post_template(output: str, **_: Any) -> str:  # 404.html
    return on_post_page(output)


def on_page_context(context: dict[str, Any], page: Any, **_: Any) -> dict[str, Any]:
    updated = last_updated(page.file.abs_src_path)
    if updated:
        page.meta.setdefault("updated", updated)
    return context


@cache
def last_updated(path: str | None) -> str | None:
    """The date of the last commit that touched ``path`` (today for a file not yet committed)."""
    if not path:
        return None
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT,
                             capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        out = ""
    return out or date.today().isoformat()


def on_post_build(config: Any, **_: Any) -> None:
    dist = pyodide_dist.build()
    target = Path(config["site_dir"]) / "pyodide"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(dist, target, ignore=shutil.ignore_patterns(".fingerprint"))
    offline.write_service_worker(Path(config["site_dir"]))  # last: it lists every file of the site
