"""Outreach health: the invitation funnel, pacing and account risk, and the warm-up plan.

The published figures these compare against live in :mod:`.published`; each calculator is a ``*_mode`` module.
"""

GROUP = "outreach"  # on the command line: ``python -m calculator outreach funnel ...``
PAGE = "calculator/outreach/"
