"""Shared by the unit tests, which run twice: natively, and inside Pyodide (tests/pyodide/run.mjs) on the wheel
the site serves. Test modules mirror the package: ``tests/unit/track/test_storage.py`` tests
``calculator/track/storage.py``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from calculator.modes import Response, WebRequest, get_mode
from calculator.web import handle

FIXTURES = Path(__file__).parent / "fixtures"
PASTES = FIXTURES / "paste"

# Markup that would run script if any text reached the page unescaped.
HOSTILE = "<img src=x onerror=alert(1)>"

# What people (and mischief) type into fields: none of it may make a calculator raise.
HOSTILE_TEXTS: tuple[str, ...] = (
    "", " ", "abc", "-1", "-0", "1e5", "nan", "inf", "0x10", "1,200", "1.200", "1 200", "1\u00a0200",
    "6,4", "1,2,3", "Top 9%", "%", "9" * 40, "1" + "0" * 30, "<script>alert(1)</script>", HOSTILE,
    "\x00", "\u202e25", "٣", "１２", "2026-02-30", "😀", "None", "[]", "{}", "'; DROP TABLE x;--",
)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def ask(mode: str, changes: Mapping[str, object] | None = None, action: str = "", root: str = "../../",
        **request: object) -> Response:
    """The answer to one request of ``mode``: its default values with ``changes``; ``request`` sets the rest
    (``stored``, ``file_name``, ``file_text``, ``file_size``)."""
    found = get_mode(mode)
    values = {**(found.defaults() if found else {}), **(changes or {})}
    return handle(WebRequest(mode, values, root, action, **request))  # type: ignore[arg-type]
