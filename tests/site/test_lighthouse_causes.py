"""The benchmark's variants (site_build/benchmarks/lighthouse_causes.py) each change the pages they claim to.

A variant whose pattern no longer matches the built pages (a template or a script's name changed) would measure
"as built" under another name and clear a suspect it never tested.
"""

from __future__ import annotations

from functools import cache

import pytest

from site_build.benchmarks.lighthouse_causes import SITE_EDITS, VARIANTS
from site_build.testing import SITE


@cache
def pages() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SITE.rglob("index.html")))


PAGE_VARIANTS = sorted(n for n in VARIANTS if n != "as built" and n not in SITE_EDITS)


@pytest.mark.parametrize("name", PAGE_VARIANTS)
def test_every_variant_changes_some_built_page(name: str) -> None:
    edit = VARIANTS[name]
    assert any(edit(html) != html for html in pages()), f"{name!r} leaves every page as built"


def test_as_built_is_the_page_itself() -> None:
    assert all(VARIANTS["as built"](html) == html for html in pages())
