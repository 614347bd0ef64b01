"""The methodology page's generated tables: every term, persona, profile key and lever, linked to its sources."""

from calculator.estimate.levers import LEVERS
from calculator.estimate.methodology import describe_estimate, describe_plan
from calculator.estimate.profile import PROFILE_NAMES
from calculator.html import esc


def test_the_methodology_tables_list_every_term_persona_and_file_key() -> None:
    page = describe_estimate()
    for name in PROFILE_NAMES:
        assert f"<code>{name}</code>" in page
    for persona in ("A brand-new profile", "A typical member", "LinkedIn&#x27;s sample dashboard"):
        assert persona in page
    assert 'href="../../sources/#li-breakdown-deck"' in page


def test_the_profile_file_keys_wait_closed_under_a_summary_that_counts_them() -> None:
    page = describe_estimate()
    summary = f'<details class="ssi-reference"><summary>Keys of a profile file ({len(PROFILE_NAMES)} keys)</summary>'
    assert summary in page
    assert page.index(summary) < page.index("<caption>Keys of a profile file</caption>")
    assert page.endswith("</table></details>")
    assert "<details open" not in page


def test_the_planner_table_lists_every_lever_and_where_its_limit_comes_from() -> None:
    page = describe_plan()
    assert all(esc(lever.action) in page for lever in LEVERS)
    assert 'href="../../sources/#weekly-100"' in page and "our judgement" in page
