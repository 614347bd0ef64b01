"""site_build/hooks.py: what the build puts into a page, and how the build code is imported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build import hooks
from site_build.testing import ROOT

pytestmark = pytest.mark.native


def test_a_calculator_marker_becomes_the_pre_rendered_calculator() -> None:
    page = hooks.calculators("Intro\n<!-- calculator: interpret -->\nOutro", "../../")
    assert page.startswith("Intro\n\n") and page.endswith("\n\nOutro")
    assert '<div class="ssi-calculator" data-calculator="interpret" data-root="../../"' in page
    assert 'data-calculator-result' in page and 'class="ssi-total__value"' in page  # a real result, not a blank


def test_a_marker_inside_a_line_is_left_alone() -> None:
    text = "Write `<!-- calculator: interpret -->` on a line of its own."
    assert hooks.calculators(text, "") == text


def test_an_unknown_calculator_fails_the_build() -> None:
    with pytest.raises(KeyError):
        hooks.calculators("<!-- calculator: no-such-mode -->", "")


def test_the_model_marker_becomes_the_generated_description() -> None:
    page = hooks.model_descriptions("<!-- calculator-model: estimate -->")
    assert "<!--" not in page and len(page) > 200


def test_only_materials_search_worker_is_swapped() -> None:
    config = '{"search": "../../assets/javascripts/workers/search.973d3a69.min.js", "other": "x"}'
    assert hooks.late_search_worker(config) == (
        '{"search": "../../javascripts/search-worker-late.js?material=search.973d3a69.min.js", "other": "x"}')
    assert hooks.late_search_worker('"search": "elsewhere.js"') == '"search": "elsewhere.js"'


def test_no_code_edits_the_import_path() -> None:
    """The repo root is on .venv's path (scripts/_lib.sh) and pytest's (pyproject): no module adds itself."""
    offenders = [
        path.relative_to(ROOT).as_posix()
        for folder in ("calculator", "site_build", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if re.search(r"sys\.path\.(insert|append)", path.read_text(encoding="utf-8"))
        and path != Path(__file__)
    ]
    assert offenders == []

