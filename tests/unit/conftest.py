"""Unit tests run twice: natively, and inside Pyodide (tests/pyodide/run.mjs) on the wheel the site serves."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
