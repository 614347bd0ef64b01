"""Data safety (issue 14), natively: crafted JSON read in linear time, a cut-off saved text salvaged, a file's
encoding found, and a save merged into what another tab stored. Figures only, no assertions.

The crafted shapes are the ones that made the old string-stripping pass quadratic (an unterminated string full
of escaped quotes: 64 KB took 58 s in the browser); its old pattern is timed on 16 KB for comparison.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from calculator.track import csvio, decode, jsontext, storage, sync
from calculator.track.readings import Reading

from .timing import median_ms

MB = 1_000_000
ROUNDS = 5
_OLD_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')  # the pattern the depth check used before


def _median_ms(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    return median_ms(work, rounds, warm=False)  # the first call counts: caches are part of what is measured


def _readings(n: int, first: date = date(2017, 1, 1)) -> list[Reading]:
    return [Reading(first + timedelta(days=i), Decimal(i % 25), Decimal("6.4"), Decimal("10.25"), Decimal(15),
                    note="café" if i % 7 == 0 else "") for i in range(n)]


def run() -> list[tuple[str, float, str]]:
    figures: list[tuple[str, float, str]] = []
    crafted: dict[str, Callable[[int], str]] = {
        "escaped quotes in an unterminated string": lambda n: '["x' + '\\"' * (n // 2),
        "quotes": lambda n: '"' * n,
        "arrays opened": lambda n: "[" * n,
        "objects opened": lambda n: '{"a":' * (n // 5),
    }
    small = crafted["escaped quotes in an unterminated string"](16_000)
    figures.append(("old depth check, 16 KB of escaped quotes (quadratic)",
                    _median_ms(lambda: _OLD_STRINGS.sub("", small), 1), "ms"))
    for name, make in crafted.items():
        for size in (64_000, MB):
            text = make(size)
            figures.append((f"saved text, {size // 1000:,} KB of {name}",
                            _median_ms(partial(storage._load, text)), "ms"))
        text = make(MB)
        figures.append((f"imported file, 1,000 KB of {name}",
                        _median_ms(partial(csvio.read_file, "crafted.json", text, len(text))), "ms"))
    whole = storage.dump(_readings(3000))
    cut = whole[:int(len(whole) * 0.9)]
    figures.append(("salvage of 3,000 readings cut at 90 %", _median_ms(lambda: jsontext.salvage(cut)), "ms"))
    figures.append(("  readings recovered", float(len(storage._load(cut).readings)), "readings"))
    ansi = csvio.to_csv(tuple(_readings(40_000))).encode("cp1252")
    figures.append((f"decode a {len(ansi) / MB:.1f} MB Windows-1252 CSV",
                    _median_ms(lambda: decode.decode(ansi)), "ms"))
    stored = tuple(_readings(3000))
    imported = tuple(_readings(4000, date(2005, 1, 1)))
    change = sync.Change("x", 0.0, sync.diff((), imported))
    figures.append(("merge a 4,000-row import into 3,000 readings another tab stored",
                    _median_ms(lambda: sync.reapply(stored, (), [change])), "ms"))
    pending = sync.dump_pending([change])
    figures.append(("  its pending text", len(pending) / 1000, "KB"))
    figures.append(("read that pending text back (ids only)", _median_ms(lambda: sync.read_pending(pending)), "ms"))
    other = storage.dump(_readings(3001))
    storage._READ.clear()
    figures.append(("load 3,001 readings, none read before", _median_ms(lambda: storage._load(other), 1), "ms"))
    figures.append(("load 3,001 readings after another tab added one", _median_ms(lambda: storage._load(other)), "ms"))
    return figures

