"""Lighthouse (issue 18): every page as a visitor on a mid-range phone (Lighthouse's mobile preset: 4× slower
CPU, slow 4G, simulated) and on a desktop, beside the plain Material twin (benchmarks.twin) in the same run.

Both sites are served under /ssi-field-guide/ with gzip, as GitHub Pages serves them (scripts/serve_static.py).
Each Lighthouse run is a first visit in a fresh Chromium. The twin's runs are interleaved with ours, so
that a busy moment of the shared machine falls on both. Printed per page: medians of the runs (performance
score, total blocking time, paints, main-thread work, DOM size, bytes), the differences from the twin (our
home against its home, our FAQ against its FAQ, every other page against the twin's two pages pooled), the
median run's longest main-thread tasks with the script Lighthouse attributes them to, and the scripts with
the most main-thread time. Accessibility, best practices and SEO are scored in the first round only.

Options (scripts/bench lighthouse --pages home,faq --runs 3):
  --pages    comma-separated pages: "home", a path ("calculator/funnel") or a path's unique last part
             ("faq", "interpret"); default every page
  --runs     runs per page and preset (default 3)
  --presets  mobile,desktop (default both)
  --twin-every  one twin run after every N of our runs (default 1 for up to four pages, else 3)
  --same-text   yes/no: also run each page's own content on plain Material (benchmarks.twin), right after ours
                (default yes for up to eight pages). A page longer than the twin's two differs from them by
                its length too; against its own content (its text, and the forms and tables our build writes
                into it), only what our theme features, scripts and styles add shows.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_build.serve_static import serve_in_thread
from site_build.testing import BASE, CHROMIUM_FLAGS, ROOT, SITE

from .browser import chromium
from .twin import build_twin

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SKIP_DIRS = {"pyodide", "_bench", "assets", "search", "javascripts", "stylesheets"}


@dataclass
class Run:
    """One Lighthouse report, reduced to what the table prints."""

    scores: dict[str, float]
    metrics: dict[str, float]
    long_tasks: list[tuple[str, float]]
    scripts: dict[str, float]  # main-thread time (scripting) per script URL
    breakdown: dict[str, float]  # main-thread time per kind of work


@dataclass
class Sample:
    runs: list[Run] = field(default_factory=list)

    def med(self, metric: str) -> float:
        return statistics.median(r.metrics[metric] for r in self.runs)

    def score(self, category: str) -> float | None:
        values = [r.scores[category] for r in self.runs if category in r.scores]
        return statistics.median(values) if values else None

    def median_run(self) -> Run:
        ordered = sorted(self.runs, key=lambda r: (r.metrics["performance"], -r.metrics["tbt"]))
        return ordered[(len(ordered) - 1) // 2]


METRICS = {  # our name: Lighthouse audit id
    "fcp": "first-contentful-paint", "lcp": "largest-contentful-paint", "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift", "si": "speed-index", "mainthread": "mainthread-work-breakdown",
    "scripting": "bootup-time", "dom": "dom-size", "bytes": "total-byte-weight",
}


def pages(site: Path = SITE) -> dict[str, str]:
    """Every page of the built site: name ("home", "faq", "calculator/funnel") -> its path under the base."""
    found: dict[str, str] = {}
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site)
        if rel.parts and rel.parts[0] in SKIP_DIRS:
            continue
        found["home" if not rel.parts else rel.as_posix()] = "" if not rel.parts else rel.as_posix() + "/"
    return found


def choose(available: dict[str, str], wanted: str) -> dict[str, str]:
    if not wanted:
        return available
    chosen: dict[str, str] = {}
    for name in (w.strip().strip("/") for w in wanted.split(",") if w.strip()):
        matches = [n for n in available if n == name] or [n for n in available if n.endswith("/" + name)]
        if len(matches) != 1:
            raise SystemExit(f"--pages: {name!r} matches {matches or 'no page'}; pages: {', '.join(available)}")
        chosen[matches[0]] = available[matches[0]]
    return chosen


def reduce(report: dict[str, Any], base_url: str) -> Run:
    audits = report["audits"]

    def short(url: str) -> str:
        return url.replace(base_url, "") or "(page)" if url.startswith(base_url) else url

    scores = {c: 100 * report["categories"][c]["score"] for c in report["categories"]
              if report["categories"][c]["score"] is not None}
    metrics = {name: float(audits[audit].get("numericValue") or 0) for name, audit in METRICS.items()}
    metrics["performance"] = scores.get("performance", 0)

    def items(audit: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = audits[audit].get("details", {}).get("items", [])
        return found

    tasks = [(short(t["url"]), float(t["duration"])) for t in items("long-tasks")]
    scripts = {short(i["url"]): float(i["scripting"]) for i in items("bootup-time")}
    breakdown = {i["groupLabel"]: float(i["duration"]) for i in items("mainthread-work-breakdown")}
    return Run(scores, metrics, sorted(tasks, key=lambda t: -t[1]), scripts, breakdown)


def lighthouse(url: str, base_url: str, preset: str, categories: tuple[str, ...]) -> Run | None:
    with tempfile.TemporaryDirectory(prefix="ssi-lh-") as tmp:
        out = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, f"--chrome-path={chromium()}",
                   "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile"]),
                   "--output=json", f"--output-path={out}", "--quiet",
                   "--only-categories=" + ",".join(categories)]
        if preset == "desktop":
            command.append("--preset=desktop")
        # Its own process group: if the benchmark is stopped, its Chromium goes too (not left running).
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        stderr = "timed out after 300 s"
        try:
            _, stderr = process.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            pass
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process.returncode != 0 or not out.exists():
            print(f"  lighthouse failed on {url} ({preset}): {stderr.strip()[-300:]}", flush=True)
            return None
        report = json.loads(out.read_text())
        if report.get("runtimeError"):
            print(f"  lighthouse: {report['runtimeError'].get('message')} on {url} ({preset})", flush=True)
            return None
        return reduce(report, base_url)


@contextmanager
def servers(also: list[str]) -> Iterator[tuple[str, str]]:
    """Our site and the twin (with the pages ``also``), each served under the same base path; yields their URLs."""
    with tempfile.TemporaryDirectory(prefix="ssi-twin-") as tmp:
        twin_site = build_twin(Path(tmp), also=also)
        ours, our_url = serve_in_thread(SITE, base=BASE)
        twin, twin_url = serve_in_thread(twin_site, base=BASE)
        try:
            yield our_url, twin_url
        finally:
            ours.shutdown()
            twin.shutdown()


def schedule(ours: list[str], twin: list[str], every: int, same_text: bool = False) -> list[tuple[str, str]]:
    """One round: each of our pages (then, with ``same_text``, its own content on the twin: "same"), with a twin
    page (in turn) after every ``every`` of ours; each twin page at least once.

    >>> schedule(["home", "faq", "sources"], ["home", "faq"], 3, same_text=True)
    [('ours', 'home'), ('ours', 'faq'), ('ours', 'sources'), ('same', 'sources'), ('twin', 'home'), ('twin', 'faq')]
    """
    order: list[tuple[str, str]] = []
    twins = 0
    for i, name in enumerate(ours):
        order.append(("ours", name))
        if same_text and name not in twin:
            order.append(("same", name))
        if (i + 1) % every == 0 or i == len(ours) - 1:
            order.append(("twin", twin[twins % len(twin)]))
            twins += 1
    while twins < len(twin):
        order.append(("twin", twin[twins]))
        twins += 1
    return order


def twin_for(name: str, twin: dict[str, Sample]) -> Sample:
    if name in twin:
        return twin[name]
    return Sample([r for s in twin.values() for r in s.runs])


def run() -> list[tuple[str, float, str]]:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run scripts/bench (it installs node_modules) or npm ci")
    chosen = choose(pages(), os.environ.get("SSI_BENCH_PAGES", ""))
    runs = int(os.environ.get("SSI_BENCH_RUNS", "3"))
    presets = [p.strip() for p in os.environ.get("SSI_BENCH_PRESETS", "mobile,desktop").split(",") if p.strip()]
    every = int(os.environ.get("SSI_BENCH_TWIN_EVERY", "0")) or (1 if len(chosen) <= 4 else 3)
    same_text = os.environ.get("SSI_BENCH_SAME_TEXT", "yes" if len(chosen) <= 8 else "no").lower() in {"yes", "1"}
    twin_pages = {"home": "", "faq": "faq/"}
    calculators = {n for n, path in chosen.items()
                   if "data-calculator=" in (SITE / path / "index.html").read_text(encoding="utf-8")}
    figures: list[tuple[str, float, str]] = []
    with servers(list(chosen.values()) if same_text else []) as (our_url, twin_url):
        for preset in presets:
            samples: dict[str, dict[str, Sample]] = {"ours": {n: Sample() for n in chosen},
                                                      "twin": {n: Sample() for n in twin_pages}, "same": {}}
            for round_ in range(runs):
                categories = CATEGORIES if round_ == 0 else ("performance",)
                for site, name in schedule(list(chosen), list(twin_pages), every, same_text):
                    base = our_url if site == "ours" else twin_url
                    path = twin_pages[name] if site == "twin" else chosen[name]
                    result = lighthouse(base + path, base, preset, categories)
                    if result is not None:
                        samples[site].setdefault(name, Sample()).runs.append(result)
            figures += report(preset, samples["ours"], samples["twin"], calculators, runs, samples["same"])
    return figures


def report(preset: str, ours: dict[str, Sample], twin: dict[str, Sample], calculators: set[str],
           runs: int, same: dict[str, Sample] | None = None) -> list[tuple[str, float, str]]:
    """Print the preset's table and return its figures. ``same``: each page's own content on plain Material."""
    same = same or {}
    print(f"\n### Lighthouse, {preset} preset: medians of {runs} runs; Δ and × against the plain Material twin"
          " (home, FAQ)" + ("; own Δ, × against the page's own content on plain Material" if same else ""))
    head = (f"{'page':<36} {'perf':>5} {'Δ':>6} {'TBT ms':>7} {'×':>5} {'FCP s':>6} {'LCP s':>6} {'SI s':>5}"
            f" {'main ms':>8} {'×':>5} {'DOM':>5} {'kB':>5}  a11y/bp/seo" + ("  own Δ    ×" if same else ""))
    print(head)
    figures: list[tuple[str, float, str]] = []

    def row(label: str, s: Sample, t: Sample | None, own: Sample | None = None) -> None:
        if not s.runs:
            print(f"{label:<36} (no successful run)")
            return
        perf, tbt, main = s.med("performance"), s.med("tbt"), s.med("mainthread")
        dperf = f"{perf - t.med('performance'):+6.0f}" if t and t.runs else f"{'':>6}"
        xtbt = f"{tbt / max(t.med('tbt'), 1):5.2f}" if t and t.runs else f"{'':>5}"
        xmain = f"{main / max(t.med('mainthread'), 1):5.2f}" if t and t.runs else f"{'':>5}"
        other = "/".join(f"{v:.0f}" if (v := s.score(c)) is not None else "–" for c in CATEGORIES[1:])
        paints = f"{s.med('fcp') / 1000:6.2f} {s.med('lcp') / 1000:6.2f} {s.med('si') / 1000:5.2f}"
        versus_own = (f"  {perf - own.med('performance'):+5.0f} {tbt / max(own.med('tbt'), 1):4.2f}"
                      if own and own.runs else "")
        print(f"{label:<36} {perf:5.0f} {dperf} {tbt:7.0f} {xtbt} {paints} {main:8.0f} {xmain}"
              f" {s.med('dom'):5.0f} {s.med('bytes') / 1000:5.0f}  {other:<11}{versus_own}")

    for name, sample in twin.items():
        row(f"twin: {name}", sample, None)
    for name, sample in ours.items():
        kind = " (calculator)" if name in calculators else ""
        t = twin_for(name, twin)
        own = same.get(name)
        row(name + kind, sample, t, own)
        if own is not None:
            row("  plain Material, same content", own, None)
        if own is not None and own.runs and sample.runs:
            figures += [
                (f"[{preset}] {name}: performance − its own content on plain Material",
                 sample.med("performance") - own.med("performance"), "pts"),
                (f"[{preset}] {name}: total blocking time ÷ its own content on plain Material",
                 sample.med("tbt") / max(own.med("tbt"), 1), "×"),
            ]
        if not sample.runs or not t.runs:
            continue
        worst = min(sample.score(c) or 100 for c in CATEGORIES[1:])
        figures += [
            (f"[{preset}] {name}: performance (median)", sample.med("performance"), "pts"),
            (f"[{preset}] {name}: performance − twin", sample.med("performance") - t.med("performance"), "pts"),
            (f"[{preset}] {name}: total blocking time (median)", sample.med("tbt"), "ms"),
            (f"[{preset}] {name}: total blocking time ÷ twin", sample.med("tbt") / max(t.med("tbt"), 1), "×"),
            (f"[{preset}] {name}: lowest of accessibility, best practices, SEO", worst, "pts"),
        ]
    for name, sample in twin.items():
        if sample.runs:
            figures += [(f"[{preset}] twin {name}: performance (median)", sample.med("performance"), "pts"),
                        (f"[{preset}] twin {name}: total blocking time (median)", sample.med("tbt"), "ms")]
    print(f"\n  Longest main-thread tasks of the median run ({preset}; ms, attributed by Lighthouse),"
          " then the scripts with most main-thread time (median ms):")
    for label, sample in [*((f"twin: {n}", s) for n, s in twin.items()), *ours.items(),
                          *((f"plain Material, same content: {n}", s) for n, s in same.items())]:
        if not sample.runs:
            continue
        tasks = ", ".join(f"{url} {ms:.0f}" for url, ms in sample.median_run().long_tasks[:5]) or "none"
        by_script: dict[str, list[float]] = {}
        for r in sample.runs:
            for url, ms in r.scripts.items():
                by_script.setdefault(url, []).append(ms)
        top = sorted(((statistics.median(v), u) for u, v in by_script.items()), reverse=True)[:4]
        kinds = sorted(sample.median_run().breakdown.items(), key=lambda kv: -kv[1])[:4]
        print(f"  {label}: tasks: {tasks}")
        print(f"  {'':<{len(label)}}  scripts: " + ", ".join(f"{u} {ms:.0f}" for ms, u in top))
        print(f"  {'':<{len(label)}}  work: " + ", ".join(f"{k} {ms:.0f}" for k, ms in kinds))
    return figures
