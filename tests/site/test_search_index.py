"""The search index in two parts (site_build/search_index.py): the page fetches no text, the worker all of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_build.search_index import FULL_INDEX, INDEX, split
from site_build.testing import SITE


def read(name: str) -> dict[str, object]:
    return json.loads((SITE / name).read_text(encoding="utf-8"))


def test_the_index_the_page_fetches_has_the_configuration_and_no_pages() -> None:
    page, full = read(INDEX), read(FULL_INDEX)
    assert page["docs"] == []
    assert page["config"] == full["config"]
    assert (SITE / INDEX).stat().st_size < 1000


def test_the_full_index_has_every_page_of_the_guide() -> None:
    docs = read(FULL_INDEX)["docs"]
    assert isinstance(docs, list)
    locations = {doc["location"] for doc in docs}
    assert {"", "faq/", "sources/", "calculator/interpret/"} <= locations
    assert any("pillar" in doc["text"].lower() for doc in docs)


def test_splitting_twice_refuses_rather_than_empty_the_full_index(tmp_path: Path) -> None:
    site = tmp_path
    (site / "search").mkdir()
    (site / INDEX).write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [{"location": "", "text": "x"}]}))
    split(site)
    with pytest.raises(ValueError, match="already split"):
        split(site)
    assert json.loads((site / FULL_INDEX).read_text())["docs"] == [{"location": "", "text": "x"}]
