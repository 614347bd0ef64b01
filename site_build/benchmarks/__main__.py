"""Run the benchmark modules and print their figures as a table: ``python -m site_build.benchmarks [name ...]``."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

from site_build import benchmarks

SKIP = {"browser", "__main__"}


def main(names: list[str]) -> int:
    available = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name not in SKIP)
    chosen = names or available
    unknown = set(chosen) - set(available)
    if unknown:
        print(f"unknown benchmark(s): {', '.join(sorted(unknown))}; available: {', '.join(available)}")
        return 2
    for name in chosen:
        module = importlib.import_module(f"site_build.benchmarks.{name}")
        started = time.perf_counter()
        figures = module.run()
        print(f"\n## {name}  ({time.perf_counter() - started:.1f} s)")
        for what, value, unit in figures:
            print(f"  {what:<72} {value:>10.3f} {unit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
