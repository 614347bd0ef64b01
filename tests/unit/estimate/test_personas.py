"""The calibration personas: where the published readings put real people, kept as tests of the model."""

from __future__ import annotations

from calculator.estimate.personas import FREE_WELL, NEW, PERSONAS, POSTER, SAMPLE, SAMPLE_DASHBOARD, TYPICAL, WELL
from calculator.estimate.score import EstimateInputs, estimate
from calculator.pillars import Pillar

# ---- Calibration: the evidence, kept as tests --------------------------------------------------------


def test_an_empty_new_profile_lands_below_20() -> None:
    assert estimate(NEW.inputs).total.high < 20
    assert estimate(EstimateInputs()).total.value == 0


def test_a_typical_member_lands_in_the_high_20s_to_mid_30s() -> None:
    e = estimate(TYPICAL.inputs)
    assert 27 <= e.total.value <= 36


def test_a_typical_member_has_the_pillar_shape_of_real_averages() -> None:
    # 2026 industry averages: 11.78 / 5.38 / 2.09 / 15.16 [reading-2026]
    values = estimate(TYPICAL.inputs).values()
    assert values[Pillar.ENGAGE] < values[Pillar.FIND] < values[Pillar.BRAND] < values[Pillar.RELATE]
    for pillar, average in zip(Pillar, (11.78, 5.38, 2.09, 15.16), strict=True):
        assert abs(values[pillar] - average) < 2.5


def test_the_sample_dashboard_shape_is_reproduced() -> None:
    e = estimate(SAMPLE.inputs)
    values = [pe.value for pe in e.pillars]
    for ours, linkedin in zip(values, SAMPLE_DASHBOARD, strict=True):
        assert abs(ours - linkedin) < 2
    brand, find, engage, relate = values
    assert engage == min(values)
    assert min(brand, relate) > max(find, engage)
    assert abs(e.total.value - sum(SAMPLE_DASHBOARD)) < 3


def test_only_a_persona_doing_everything_well_clears_70() -> None:
    above = {p.key for p in PERSONAS if estimate(p.inputs).total.value > 70}
    assert above == {WELL.key, FREE_WELL.key}
    assert estimate(POSTER.inputs).total.value < 70


def test_a_free_account_doing_everything_well_scores_less_than_with_sales_navigator() -> None:
    assert estimate(FREE_WELL.inputs).total.value < estimate(WELL.inputs).total.value
