"""Estimate my score and Plan my next weeks: native timings, and input-to-result latency in the browser.

Issue targets in brackets: estimate and plan each under 5 ms natively; input → result p95 under 16 ms in the
browser. Browser edits start once the worker has warmed up (calculator-worker.mjs) and come at a fast typist's
pace, 100 ms apart; edits back to back (each as soon as the last answer is in the page, before it is even
painted) are printed too, as a harsher figure.
Native figures time whole requests through the web boundary (validation, model, HTML), plus the
model alone, as median and p95 over many single calls.
"""

from __future__ import annotations

from collections.abc import Callable

from calculator.estimate.levers import Goal
from calculator.estimate.personas import NEW, TYPICAL
from calculator.estimate.planner import make_plan
from calculator.estimate.score import estimate
from calculator.modes import WebRequest, registry
from calculator.web import handle
from site_build.testing import wait_for_mark

from .browser import chromium_site, edit_latencies, median, p95, wait_warm
from .timing import samples_ms

CALLS = 400
EDITS = 80



def _times(call: Callable[[], object]) -> list[float]:
    return samples_ms(call, CALLS)


def native() -> list[tuple[str, float, str]]:
    modes = registry()
    plan_defaults = modes["plan"].defaults()
    cases: list[tuple[str, Callable[[], object]]] = [
        ("estimate: model only, typical member", lambda: estimate(TYPICAL.inputs)),
        ("estimate: whole request with the example values", lambda: handle(
            WebRequest("estimate", modes["estimate"].defaults(), "../../"))),
        ("plan: model only, typical member to 70", lambda: make_plan(TYPICAL.inputs, Goal(target=70))),
        ("plan: model only, new profile to 95 (out of reach: 3 searches)",
         lambda: make_plan(NEW.inputs, Goal(target=95))),
        ("plan: whole request with the example values", lambda: handle(WebRequest("plan", plan_defaults, "../../"))),
        ("plan: whole request, target 99 with a 60-minute budget", lambda: handle(
            WebRequest("plan", {**plan_defaults, "target": "99", "budget": "60"}, "../../"))),
    ]
    figures: list[tuple[str, float, str]] = []
    for what, call in cases:
        samples = _times(call)
        figures.append((f"{what}, median (native)", median(samples), "ms"))
        figures.append((f"{what}, p95 (native) [target < 5]", p95(samples), "ms"))
    return figures


def browser() -> list[tuple[str, float, str]]:
    figures: list[tuple[str, float, str]] = []
    with chromium_site() as (chrome, url):
        for mode, field in (("estimate", "connections"), ("plan", "connections")):
            context = chrome.new_context()
            page = context.new_page()
            page.goto(f"{url}calculator/{mode}/")
            wait_for_mark(page, "ssi:first-result", 120_000)
            wait_warm(page)
            values = [str(100 + (i % 20) * 37) for i in range(EDITS)]
            times = edit_latencies(page, mode, field, values)
            burst = edit_latencies(page, mode, field, values, pause_ms=0)
            context.close()
            figures.append((f"{mode}: input → result, typing, median ({EDITS} edits)", median(times), "ms"))
            figures.append((f"{mode}: input → result, typing, p95 [target < 16]", p95(times), "ms"))
            figures.append((f"{mode}: input → result, edits back to back (no pause), median", median(burst), "ms"))
            figures.append((f"{mode}: input → result, edits back to back (no pause), p95", p95(burst), "ms"))
    return figures


def run() -> list[tuple[str, float, str]]:
    return native() + browser()
