"""The plain Material "twin": our own Markdown built with Material 9.8.1 and none of our theme, scripts or styles.

No custom templates, stylesheets, scripts, theme features or abbreviation list: what the same content
costs a visitor on a stock Material site, the yardstick for the Lighthouse benchmark (benchmarks.lighthouse).
Fonts are off as on our site (``font: false``): a font host is a third-party request, and unreachable here.

The twin issue 18 defines is our home page and FAQ, their calculator marks left out. A longer page differs
from those two by its length as well as by what we add, so any other page of ours can be built too, as the
third page of the twin's navigation (its own table of contents in the menu, as on our site), and is then served
at its own address: there a page is compared with its own content on plain Material. That page keeps what our
build generates into it (a calculator's form and its example result, a model's tables), written by the same
functions as on our site, since those are part of what the page is for; only what makes them work is left out
(our scripts and styles). The home page and the FAQ are always the two-page build's.

    build_twin(Path("/tmp/twin")) -> Path("/tmp/twin/site")
    build_twin(Path("/tmp/twin"), also=["basics/what-is-ssi/"])   # and that page, at the same path
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from site_build.hooks import calculators, model_descriptions, page_root

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = {"index.md": "Home", "faq.md": "FAQ"}
# The Markdown extensions that our pages' text needs to render as it does on our site (notes, footnotes,
# tables, heading anchors, the included trust labels); without the auto-appended abbreviation list, emoji or
# anything else.
EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", {"toc": {"permalink": True}},
              "pymdownx.details", "pymdownx.superfences", {"pymdownx.snippets": {"base_path": [str(ROOT)]}}]
_CALCULATOR = re.compile(r"^<!-- calculator(-model)?: [a-z-]+ -->$", re.MULTILINE)


def config(extra: str | None = None) -> dict[str, object]:
    """The twin's mkdocs.yml (JSON is YAML); ``extra``, a Markdown file, is the third page of its navigation."""
    nav: list[object] = [{title: name} for name, title in PAGES.items()]
    return {
        "site_name": "SSI Field Guide",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "language": "en"},
        "plugins": ["search"],
        "markdown_extensions": EXTENSIONS,
        "nav": nav + ([extra] if extra else []),
    }


def source_of(path: str) -> str:
    """The Markdown file (relative to ``docs``) of a page's path under the base.

    >>> source_of(""), source_of("faq/"), source_of("basics/"), source_of("basics/what-is-ssi/")
    ('index.md', 'faq.md', 'basics/index.md', 'basics/what-is-ssi.md')
    """
    stem = path.strip("/")
    if not stem:
        return "index.md"
    page = f"{stem}.md"
    return page if (DOCS / page).is_file() else f"{stem}/index.md"


def own_content(source: str) -> str:
    """A page's Markdown with what our build generates into it (forms, example results, model tables)."""
    path = source.removesuffix(".md").removesuffix("index").rstrip("/")
    root = page_root(f"{path}/" if path else "")
    return model_descriptions(calculators((DOCS / source).read_text(encoding="utf-8"), root))


def _build(workdir: Path, sources: list[str], extra: str | None = None) -> Path:
    docs = workdir / "docs"
    shutil.copytree(DOCS / "assets", docs / "assets")  # the pages' own images, as on our site
    for name in sources:
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = own_content(name) if name == extra else _CALCULATOR.sub("", (DOCS / name).read_text(encoding="utf-8"))
        target.write_text(text, encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(json.dumps(config(extra), indent=1), encoding="utf-8")
    # Not strict: the pages link to the rest of our guide, which the twin does not have, and the figures
    # ([[fig:…]]) and other marks our hooks fill in stay as written.
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(workdir / "mkdocs.yml"),
                    "-d", str(workdir / "site")], check=True, capture_output=True, text=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=ROOT)
    return workdir / "site"


def build_twin(workdir: Path, also: Iterable[str] = ()) -> Path:
    """Build the twin into ``workdir/site`` (``workdir`` is emptied first) and return that folder.

    ``also``: paths of other pages of ours ("basics/what-is-ssi/"), each built as the twin's third page and
    put at the same path in the twin.
    """
    shutil.rmtree(workdir, ignore_errors=True)
    site = workdir / "site"
    shutil.copytree(_build(workdir / "two-pages", list(PAGES)), site)
    extra = sorted({p for p in also if source_of(p) not in PAGES})

    def one(numbered: tuple[int, str]) -> None:
        number, path = numbered
        source = source_of(path)
        built = _build(workdir / f"page-{number}", [*PAGES, source], source)
        (site / path).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built / path / "index.html", site / path / "index.html")

    with ThreadPoolExecutor(max_workers=2) as pool:  # each build is its own process
        list(pool.map(one, enumerate(extra)))
    return site
