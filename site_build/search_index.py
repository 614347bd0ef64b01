"""The search index in two parts, so that a page's own thread never downloads or parses the guide's text.

Material's page fetches ``search/search_index.json`` as it loads, on its own thread, and copies it into the
search worker (~320 KB of text here, against ~15 KB for the plain Material twin: scripts/bench lighthouse).
After the build, ``split(site)`` leaves Material that file with its configuration and no pages, and writes the
whole index to ``search/search_index.full.json``, which javascripts/search-worker-late.js fetches and parses in
the worker when search starts, and puts into Material's setup message. Search itself is unchanged.

    split(Path("site"))  # -> Path("site/search/search_index.full.json")
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"
FULL_INDEX = "search/search_index.full.json"


def page_index(index: dict[str, object]) -> dict[str, object]:
    """What the page fetches: the index's configuration, with no pages.

    >>> page_index({"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "Home", "text": "..."}]})
    {'config': {'lang': ['en']}, 'docs': []}
    """
    return {**index, "docs": []}


def split(site: Path) -> Path:
    """Move the pages out of the site's search index into ``FULL_INDEX``; returns that file's path.

    Run once per build, after Material's search plugin has written the index (a second run would find no pages
    left to move and raises rather than empty the full index).
    """
    index_path, full_path = site / INDEX, site / FULL_INDEX
    index = json.loads(index_path.read_text(encoding="utf-8"))
    if not index.get("docs"):
        raise ValueError(f"{index_path} lists no pages: is the index already split?")
    full_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    index_path.write_text(json.dumps(page_index(index), separators=(",", ":")), encoding="utf-8")
    return full_path
