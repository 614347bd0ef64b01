"""Timing helpers shared by the benchmark modules: samples in milliseconds, and native figures with browser
figures added when a browser and a built site are there."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

Figures = list[tuple[str, float, str]]


def samples_ms(work: Callable[[], object], rounds: int, *, warm: bool = True,
               clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """``rounds`` timings of ``work`` in ms; ``warm`` runs it once first (imports and first-call caches)."""
    if warm:
        work()
    samples = []
    for _ in range(rounds):
        start = clock()
        work()
        samples.append((clock() - start) * 1000)
    return samples


def median_ms(work: Callable[[], object], rounds: int, *, warm: bool = True,
              clock: Callable[[], float] = time.perf_counter) -> float:
    return statistics.median(samples_ms(work, rounds, warm=warm, clock=clock))


def with_browser(name: str, native: Callable[[], Figures], browser: Callable[[], Figures]) -> Figures:
    """The native figures, then the browser's; without Chromium or a built site, the native ones alone."""
    figures = native()
    try:
        figures += browser()
    except (SystemExit, Exception) as error:  # noqa: BLE001 - no Chromium or no built site: native figures only
        print(f"{name}: browser figures skipped ({error})")
    return figures
