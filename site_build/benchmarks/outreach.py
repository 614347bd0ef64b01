"""Native timings of the outreach modes: one whole request through the web boundary, per mode.

``run()`` returns (what, value, unit) figures for scripts/bench. Each figure is the median of several
rounds, so one slow moment on a shared machine does not decide it.
"""

from __future__ import annotations

import statistics
import time

from calculator.modes import WebRequest, registry
from calculator.web import handle

ROUNDS = 7
CALLS = 200


def _median_ms(request: WebRequest) -> float:
    handle(request)  # warm up: imports and first-call caches
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(CALLS):
            handle(request)
        samples.append((time.perf_counter() - start) * 1000 / CALLS)
    return statistics.median(samples)


def run() -> list[tuple[str, float, str]]:
    modes = registry()
    figures: list[tuple[str, float, str]] = []
    for name in ("funnel", "pacing", "warmup"):
        request = WebRequest(name, modes[name].defaults(), "../../")
        figures.append((f"outreach {name}: request with the example values (native)", _median_ms(request), "ms"))
    bad = {**modes["funnel"].defaults(), "accepted": "999"}
    figures.append(("outreach funnel: impossible combination, messages (native)",
                    _median_ms(WebRequest("funnel", bad, "../../")), "ms"))
    csv = WebRequest("warmup", {**modes["warmup"].defaults(), "target": "100", "days": "7"}, "../../", action="csv")
    figures.append(("outreach warmup: plan + CSV download (native)", _median_ms(csv), "ms"))
    return figures

