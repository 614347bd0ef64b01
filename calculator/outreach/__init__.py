"""Outreach health: the invitation funnel, pacing and account risk, and the warm-up plan.

The published figures these compare against live in :mod:`.published`; each calculator is a ``*_mode`` module.
"""

GROUP = "outreach"  # on the command line: ``python -m calculator outreach funnel ...``
# Each calculator has a page of its own; calculator/outreach/ is the overview that links to the three.
PACING_PAGE = "calculator/pacing/"
WARMUP_PAGE = "calculator/warmup/"
