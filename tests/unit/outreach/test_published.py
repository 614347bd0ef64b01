"""The published figures: the caps pacing and warm-up use come from the vendor figures they cite."""

from calculator.evidence import SOURCES
from calculator.outreach.published import (
    DAILY_DEFAULT,
    DAILY_VENDOR_MAX,
    NEW_DAILY_CAUTIOUS,
    NEW_DAILY_HIGH,
    PENDING_ELEVATED,
    PENDING_HIGH,
    VENDOR_LIMITS,
)


def test_the_caps_are_the_vendor_figures() -> None:
    assert (NEW_DAILY_CAUTIOUS, NEW_DAILY_HIGH, DAILY_DEFAULT, DAILY_VENDOR_MAX) == (5, 8, 15, 20)
    assert all(v.source_id in SOURCES for v in VENDOR_LIMITS)


def test_our_pending_rules_of_thumb_rise() -> None:
    assert 0 < PENDING_ELEVATED < PENDING_HIGH
