"""The plain Material "twin": our own home and FAQ Markdown built with Material 9.8.1 and nothing of ours.

No custom templates, stylesheets, scripts, hooks, theme features or abbreviation list: what the same text
costs a visitor on a stock Material site, the yardstick for the Lighthouse benchmark (benchmarks.lighthouse).
Fonts are off as on our site (``font: false``): a font host is a third-party request, and unreachable here.

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
PAGES = {"index.md": "Home", "faq.md": "FAQ"}
# The Markdown extensions that our pages' text needs to render as it does on our site (notes, footnotes,
# tables, heading anchors); without the auto-appended abbreviation list, emoji or anything else.
EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", {"toc": {"permalink": True}},
              "pymdownx.details", "pymdownx.superfences"]
_CALCULATOR = re.compile(r"^<!-- calculator(-model)?: [a-z-]+ -->$", re.MULTILINE)


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


def build_twin(workdir: Path) -> Path:
    """Build the twin into ``workdir/site`` (``workdir`` is emptied first) and return that folder."""
    shutil.rmtree(workdir, ignore_errors=True)
    docs = workdir / "docs"
    docs.mkdir(parents=True)
    for name in PAGES:
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        (docs / name).write_text(_CALCULATOR.sub("", text), encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(json.dumps(config(), indent=1), encoding="utf-8")
    # Not strict: the pages link to the rest of our guide, which the twin does not have.
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(workdir / "mkdocs.yml"),
                    "-d", str(workdir / "site")], check=True, capture_output=True, text=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return workdir / "site"
