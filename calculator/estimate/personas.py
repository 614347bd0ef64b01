"""The calibration personas: habits we describe, and where the evidence says such a person should land.

The tests check every persona against its expectation, and the methodology page prints them with the
model's current output, so a change of weights that breaks the calibration fails the build's tests.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .score import EstimateInputs


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    habits: str  # a one-line summary for the methodology page
    expectation: str  # what the evidence says, in words
    source_id: str  # where the expectation comes from
    inputs: EstimateInputs


NEW = Persona(
    "new", "A brand-new profile",
    "Photo and one job, 15 connections, logs in one day a week, nothing else yet.",
    "Below 20: LinkedIn counts roughly half of sales professionals in 0–20 (2015; a share read from a chart).",
    "li-science-2015",
    EstimateInputs(photo=True, experience=True, skills=2, connections=15, followers=15, days_active=1,
                   acceptance_rate=60),
)

TYPICAL = Persona(
    "typical", "A typical member",
    "A mostly finished profile, about 450 connections, on LinkedIn 2 days a week, reacts more than it posts.",
    "High 20s to mid 30s: average 28.2 in 2015; industry and network averages of 34–36 in 2026 readings.",
    "reading-2026",
    EstimateInputs(
        photo=True, headline=True, about=True, experience=True, skills=10, endorsements=12, posts_per_month=0.5,
        followers=480, searches_per_week=2, views_made_per_week=4, views_received_per_week=8, days_active=2,
        comments_per_week=0.5, shares_per_week=0.2, reactions_per_week=3, response_rate=15,
        connections=450, senior_share=8, colleagues=15, acceptance_rate=45,
    ),
)

SAMPLE = Persona(
    "sample", "LinkedIn's sample dashboard",
    "A finished profile and a monthly post, regular searching, few comments, a large senior network.",
    "About 17.5 / 9.7 / 5.0 / 18.9 (total 51.1): brand and relationships high, engage lowest.",
    "li-sample-dashboard",
    EstimateInputs(
        photo=True, headline=True, about=True, experience=True, skills=15, featured=True, endorsements=60,
        posts_per_month=1, followers=900, searches_per_week=4, views_made_per_week=8, views_received_per_week=18,
        days_active=4, comments_per_week=1, shares_per_week=0.5, reactions_per_week=5, response_rate=35,
        group_posts_per_month=0, connections=900, senior_share=15, colleagues=40, acceptance_rate=55,
    ),
)

WELL = Persona(
    "well", "Doing everything well (Sales Navigator)",
    "A complete profile, 6 posts a month, daily searching and saving leads, 8 comments a week, 3,000 connections.",
    "Above 70: LinkedIn's leader line; 1.4% of sales professionals scored 70+ in 2015.",
    "li-science-2015",
    EstimateInputs(
        photo=True, banner=True, headline=True, about=True, experience=True, skills=30, featured=True,
        endorsements=150, posts_per_month=6, followers=5000, searches_per_week=20, views_made_per_week=40,
        views_received_per_week=80, days_active=7, sn_searches_per_week=10, lead_saves_per_week=15,
        account="sales_navigator", comments_per_week=8, shares_per_week=3, reactions_per_week=30,
        response_rate=60, group_posts_per_month=4, account_saves_per_week=5, research_views_per_week=30,
        connections=3000, senior_share=25, colleagues=100,
        acceptance_rate=70,
    ),
)

POSTER = Persona(
    "poster", "Posts a lot, does little else",
    "A complete profile and 12 posts a month, but rarely comments, searches or connects.",
    "Below 70: each pillar stops at 25, so one strong pillar cannot make a leader (our arithmetic).",
    "li-help-ssi",
    EstimateInputs(
        photo=True, banner=True, headline=True, about=True, experience=True, skills=20, featured=True,
        endorsements=40, posts_per_month=12, followers=3000, searches_per_week=1, views_made_per_week=2,
        views_received_per_week=30, days_active=3, reactions_per_week=2, connections=500, senior_share=8,
        colleagues=10, acceptance_rate=40,
    ),
)

FREE_WELL = Persona(
    "free-well", "Doing everything well on a free account",
    "As the persona above, without Sales Navigator: no lead saves, Sales Navigator searches, saved accounts or"
    " account research.",
    "Can still clear 70, but with less room on find: free members can raise all four pillars.",
    "seed-connectsafely",
    replace(WELL.inputs, account="free", sn_searches_per_week=0, lead_saves_per_week=0, account_saves_per_week=0,
            research_views_per_week=0),
)

PERSONAS: tuple[Persona, ...] = (NEW, TYPICAL, SAMPLE, POSTER, FREE_WELL, WELL)

# LinkedIn's sample dashboard, pillar by pillar [li-sample-dashboard].
SAMPLE_DASHBOARD = (17.5, 9.7, 5.0, 18.9)
