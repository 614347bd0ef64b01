"""The plain Material "twin": our own Markdown built with Material 9.8.1 and nothing of ours.

No custom templates, stylesheets, scripts, hooks, theme features or abbreviation list: what the same text
costs a visitor on a stock Material site, the yardstick for the Lighthouse benchmark (benchmarks.lighthouse).
Fonts are off as on our site (``font: false``): a font host is a third-party request, and unreachable here.

Its navigation and search hold only the home page and the FAQ (the twin issue 18 defines), yet every page of
ours is built, at the same path: a longer page is compared with its own text on plain Material as well as
with the twin's two pages. The pages outside the navigation are left out of the search text, so the home
page and the FAQ are exactly the two-page twin's.

    build_twin(Path("/tmp/twin")) -> Path("/tmp/twin/site")
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = {"index.md": "Home", "faq.md": "FAQ"}
# The Markdown extensions that our pages' text needs to render as it does on our site (notes, footnotes,
# tables, heading anchors, the included trust labels); without the auto-appended abbreviation list, emoji or
# anything else.
EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", {"toc": {"permalink": True}},
              "pymdownx.details", "pymdownx.superfences", {"pymdownx.snippets": {"base_path": [str(ROOT)]}}]
_CALCULATOR = re.compile(r"^<!-- calculator(-model)?: [a-z-]+ -->$", re.MULTILINE)
_OUT_OF_SEARCH = "search:\n  exclude: true\n"


def config() -> dict[str, object]:
    """The twin's mkdocs.yml (JSON is YAML)."""
    return {
        "site_name": "SSI Field Guide",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "language": "en"},
        "plugins": ["search"],
        "markdown_extensions": EXTENSIONS,
        "nav": [{title: name} for name, title in PAGES.items()],
    }


def twin_markdown(text: str, *, in_nav: bool) -> str:
    """A page's Markdown for the twin: its calculators left out, and out of the search text unless in the nav.

    >>> twin_markdown("---\\ndescription: x\\n---\\n# T\\n<!-- calculator: funnel -->\\n", in_nav=False)
    '---\\nsearch:\\n  exclude: true\\ndescription: x\\n---\\n# T\\n\\n'
    >>> twin_markdown("# T\\n", in_nav=True)
    '# T\\n'
    """
    text = _CALCULATOR.sub("", text)
    if in_nav:
        return text
    if text.startswith("---\n"):
        return "---\n" + _OUT_OF_SEARCH + text[len("---\n"):]
    return "---\n" + _OUT_OF_SEARCH + "---\n" + text


def build_twin(workdir: Path) -> Path:
    """Build the twin into ``workdir/site`` (``workdir`` is emptied first) and return that folder."""
    shutil.rmtree(workdir, ignore_errors=True)
    docs = workdir / "docs"
    shutil.copytree(DOCS / "assets", docs / "assets")  # the pages' own images, as on our site
    for source in sorted(DOCS.rglob("*.md")):
        name = source.relative_to(DOCS).as_posix()
        if name.startswith("includes/"):
            continue
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(twin_markdown(source.read_text(encoding="utf-8"), in_nav=name in PAGES), encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(json.dumps(config(), indent=1), encoding="utf-8")
    # Not strict: the figures ([[fig:…]]) and other marks our hooks fill in stay as written.
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(workdir / "mkdocs.yml"),
                    "-d", str(workdir / "site")], check=True, capture_output=True, text=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=ROOT)
    return workdir / "site"
