"""Fixtures for the tracker's tests: real page text by language and layout (see fixtures/dashboards/README.md)."""

from pathlib import Path

DASHBOARDS = Path(__file__).parents[1] / "fixtures" / "dashboards"


def page(name: str) -> str:
    return (DASHBOARDS / name).read_text(encoding="utf-8")
