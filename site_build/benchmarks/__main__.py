"""Run the benchmark modules and print their figures as a table.

    python -m site_build.benchmarks [module ...] [--option value ...]

An option is handed to the modules as an environment variable: ``--pages home,faq`` becomes
``SSI_BENCH_PAGES=home,faq`` (each module's docstring says which it reads).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time

from site_build import benchmarks

SKIP = {"browser", "timing", "twin", "__main__"}  # helpers, not benchmarks


def main(args: list[str]) -> int:
    names: list[str] = []
    while args:
        arg = args.pop(0)
        if arg.startswith("--") and args:
            os.environ["SSI_BENCH_" + arg[2:].upper().replace("-", "_")] = args.pop(0)
        else:
            names.append(arg)
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
