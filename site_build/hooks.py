"""MkDocs hooks (``hooks: [site_build/hooks.py]`` in mkdocs.yml). Each hook calls one-job functions:

- ``<!-- calculator: NAME -->`` in a page becomes that calculator, pre-rendered (site_build/widgets.py);
- ``<!-- calculator-model: NAME -->`` becomes the mode's model description, generated from the code;
- every page gets its "last updated" date from git;
- Material's search worker is started through ``javascripts/search-worker-late.js``, which fetches the
  guide's text (site_build/search_index.py moves it out of the index the page fetches) and builds the index
  once the page has settled (the reasons are in that file);
- after the build, ``site/pyodide/`` receives the runtime, the calculator wheel and its lockfile; every page and
  script is stamped with the build's id (site_build/build_id.py), every page gets its Content-Security-Policy
  (site_build/csp.py: it hashes the inline scripts as stamped), and then the service worker is written
  (site_build/service_worker.py), last, since it lists every file of the site. One hook calls them, because
  their order matters.

MkDocs loads this file by its path; ``site_build`` and ``calculator`` import because the repo root is on
``.venv``'s path (scripts/_lib.sh).
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from datetime import date
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from site_build import build_id, content_checks, csp, pyodide_dist, search_index, service_worker
from site_build.widgets import model_description, widget

ROOT = Path(__file__).resolve().parent.parent
# Material's search worker in its page configuration: "search": "<up to the root>assets/javascripts/workers/<name>".
_SEARCH_WORKER = re.compile(r'"search": "([^"]*?)assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)"')
_WIDGET = re.compile(r"^<!-- calculator: ([a-z-]+) -->$", re.MULTILINE)
_MODEL = re.compile(r"^<!-- calculator-model: ([a-z-]+) -->$", re.MULTILINE)
# pymdownx.snippets' include line: --8<-- "PATH" (paths are relative to the project root, where mkdocs runs).
_SNIPPET = re.compile(r'^-{1,}8<-{1,}\s+"([^"]+)"\s*$', re.MULTILINE)
DEFAULT_REPOSITORY = "https://github.com/ssi-field-guide/ssi-field-guide"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Not repo_url: with it Material would call api.github.com from every page.
    config.extra["repository"] = repository_url(os.environ.get("SITE_REPOSITORY", ""))
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    stamp_dates(markdown, page)
    markdown = content_checks.on_page_markdown(markdown, page)  # sources, citations, figure placeholders
    markdown = calculators(markdown, page_root(page.url))
    markdown = model_descriptions(markdown)
    return markdown


def on_page_context(context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    updated = last_updated(page.file.abs_src_path)
    if updated:
        page.meta.setdefault("updated", updated)
    return context


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return late_search_worker(output)


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:  # 404.html
    return late_search_worker(output_content)


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    search_index.split(site)
    copy_runtime(site)
    build_id.stamp(site)  # before the policy: it changes inline scripts, and so their hashes
    csp.apply(site)
    service_worker.write_service_worker(site)  # last: it lists every file of the site


def repository_url(value: str) -> str:
    """The repository's web address (for "Report a problem"), without a trailing slash; the project's own by default.

    >>> repository_url("https://github.com/someone/ssi-field-guide/")
    'https://github.com/someone/ssi-field-guide'
    >>> repository_url("")
    'https://github.com/ssi-field-guide/ssi-field-guide'
    """
    value = value.strip().rstrip("/")
    if value and not value.startswith("https://"):
        raise ValueError(f"SITE_REPOSITORY must be an https:// address, not {value!r}")
    return value or DEFAULT_REPOSITORY


def stamp_dates(markdown: str, page: Page) -> None:
    """Give the page its "last updated" date (the latest of the page and the files it includes) and make the
    sitemap's ``<lastmod>`` the same date. Done while the Markdown is read: MkDocs renders sitemap.xml before
    the pages' own templates.
    """
    sources = [page.file.abs_src_path, *(str(ROOT / path) for path in _SNIPPET.findall(markdown))]
    dates = [d for d in map(last_updated, sources) if d]
    if dates:
        page.meta.setdefault("updated", max(dates))
    if page.meta.get("updated"):
        page.update_date = str(page.meta["updated"])


def page_root(url: str) -> str:
    """The relative path from a page's URL to the site root.

    >>> page_root(""), page_root("faq/"), page_root("calculator/track/"), page_root("404.html")
    ('', '../', '../../', '')
    """
    depth = posixpath.normpath(url).count("/") + 1 if url not in ("", ".", "./") else 0
    if url.endswith(".html"):
        depth -= 1
    return "../" * depth


def calculators(markdown: str, root: str) -> str:
    """Each ``<!-- calculator: NAME -->`` line replaced by that calculator, pre-rendered."""
    return _WIDGET.sub(lambda m: "\n" + widget(m.group(1), root) + "\n", markdown)


def model_descriptions(markdown: str) -> str:
    """Each ``<!-- calculator-model: NAME -->`` line replaced by the mode's model description."""
    return _MODEL.sub(lambda m: "\n" + model_description(m.group(1)) + "\n", markdown)


def late_search_worker(output: str) -> str:
    """The page with Material's search worker started through javascripts/search-worker-late.js.

    >>> late_search_worker('"search": "../assets/javascripts/workers/search.0a1b.min.js"')
    '"search": "../javascripts/search-worker-late.js?material=search.0a1b.min.js"'
    """
    return _SEARCH_WORKER.sub(
        lambda m: f'"search": "{m.group(1)}javascripts/search-worker-late.js?material={m.group(2)}"', output, count=1)


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


def copy_runtime(site: Path) -> None:
    """Put the Pyodide runtime, the calculator wheel and its lockfile into ``site/pyodide/``."""
    dist = pyodide_dist.build()
    target = site / "pyodide"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(dist, target, ignore=shutil.ignore_patterns(".fingerprint"))
