"""The pillars: one table of names, the dashboard's rounding, the four values of a reading, the quick wins."""

from __future__ import annotations

from decimal import Decimal as D

from calculator.pillars import QUICK_WINS, Pillar, Scores, shown_total


def test_the_pillars_come_in_the_dashboards_order_with_their_names() -> None:
    assert [p.value for p in Pillar] == ["brand", "find", "engage", "relate"]
    assert [p.short for p in Pillar] == ["Brand", "Find people", "Engage", "Relationships"]
    assert Pillar.RELATE.title == "Build relationships"
    assert all(p.guide.startswith("pillars/") and p.guide.endswith("/") for p in Pillar)


def test_the_total_rounds_half_up_as_the_dashboard_does() -> None:
    assert [shown_total(D(x)) for x in ("52.5", "52.499", "0", "100")] == [53, 52, 0, 100]


def test_scores_total_exactly_and_list_in_pillar_order() -> None:
    s = Scores(D("20.998"), D("6.4"), D("10.25"), D("15"))
    assert s.total == D("52.648")
    assert list(s.values()) == list(Pillar)


def test_every_pillar_has_two_or_three_quick_wins() -> None:
    assert set(QUICK_WINS) == set(Pillar)
    assert all(2 <= len(steps) <= 3 and all(s.endswith(".") for s in steps) for steps in QUICK_WINS.values())
