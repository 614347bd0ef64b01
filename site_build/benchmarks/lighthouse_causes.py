"""What makes a guide page heavier than plain Material (issue 18): Lighthouse on variants of our own built pages.

Each variant is the built site with one thing taken out of the measured pages' HTML (a theme feature, our
scripts, our styles, the abbreviation tooltips…), served under /ssi-field-guide/ with gzip like the real site.
Variants and the plain Material twin (benchmarks.twin) are run in turn, round after round, so a busy moment of
the shared machine falls on all of them; printed: each variant's medians and its difference from "as built"
and from the twin, here the page's own content on plain Material (benchmarks.twin). A variant that closes the
gap names a cause; one that changes nothing clears a suspect.

Options (scripts/bench lighthouse_causes --pages faq --runs 3):
  --pages     pages to measure (as for benchmarks.lighthouse; default "faq")
  --runs      rounds (default 3)
  --presets   mobile and/or desktop (default mobile)
  --variants  comma-separated variant names (default all; see VARIANTS)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from site_build import search_index
from site_build.serve_static import serve_in_thread
from site_build.testing import BASE, SITE

from .lighthouse import Sample, choose, lighthouse, pages
from .twin import build_twin

Edit = Callable[[str], str]
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def _features(change: Callable[[list[str]], list[str]]) -> Edit:
    """Material's features (from the page's __config), changed by ``change``."""
    def edit(html: str) -> str:
        def replace(match: re.Match[str]) -> str:
            config = json.loads(match.group(2))
            config["features"] = change(config["features"])
            return match.group(1) + json.dumps(config) + match.group(3)
        return _CONFIG.sub(replace, html)
    return edit


def without_features(*names: str) -> Edit:
    """Material's features minus ``names``; a name ending in "." drops a family."""
    return _features(lambda features: [f for f in features
                                       if not any(f == n or (n.endswith(".") and f.startswith(n)) for n in names)])


def with_features(*names: str) -> Edit:
    """Material's features plus ``names``: what turning a feature back on costs."""
    return _features(lambda features: features + [n for n in names if n not in features])


def without(pattern: str) -> Edit:
    """The page with every match of ``pattern`` removed."""
    compiled = re.compile(pattern, re.DOTALL)
    return lambda html: compiled.sub("", html)


def unwrap_abbreviations(html: str) -> str:
    return re.sub(r"<abbr\b[^>]*>(.*?)</abbr>", r"\1", html, flags=re.DOTALL)


def primary_navigation_pruned(html: str) -> str:
    """The main navigation's lists emptied: what a page costs without its site menu (no feature does this)."""
    start = html.find('<nav class="md-nav md-nav--primary')
    if start < 0:
        return html
    depth, i = 0, start
    for match in re.finditer(r"<(/?)nav\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            i = start + match.start()
            break
    end = html.find(">", i) + 1
    return html[:start] + '<nav class="md-nav md-nav--primary" aria-label="Navigation"></nav>' + html[end:]


def tables_left_to_material(html: str) -> str:
    """The build's tables without their ``ssi-table`` class (site_build/page_weight.py), so that Material's start-up
    moves each into a scrolling wrapper of its own, as before: what leaving them in place saves."""
    return html.replace('<table class="ssi-table">', "<table>")


def styled(css: str) -> Edit:
    """The page with ``css`` added at the end of its head."""
    return lambda html: html.replace("</head>", f"<style>{css}</style></head>", 1)


def python_on_input(html: str) -> str:
    """Every calculator started only once the visitor types in it, as the home page's is: what Python's start,
    competing for the cores while the page opens, costs the page's own thread."""
    return re.sub(r'(<div class="ssi-calculator"[^>]*?) data-calculator="',
                  r'\1 data-start="on-input" data-calculator="', html)


def result_emptied(html: str) -> str:
    """Every calculator without its pre-rendered result (the section stays, empty)."""
    return re.sub(r"(data-calculator-result[^>]*>).*?(</section>)", r"\1\2", html, flags=re.DOTALL)


def references_open(html: str) -> str:
    """Every reference table the calculator's HTML keeps closed (calculator.html.reference) open on arrival: what
    keeping them closed saves a phone while the page starts."""
    return html.replace('<details class="ssi-reference">', '<details class="ssi-reference" open>')


def whole_search_index(site: Path) -> None:
    """The search index as Material wrote it, the guide's text in, fetched by the page (as before
    site_build/search_index.py split it)."""
    index = site / search_index.INDEX
    index.unlink()  # a hard link: never write into the original
    shutil.copyfile(site / search_index.FULL_INDEX, index)


def scripts(names: str) -> str:
    """The script tags of our ``javascripts/<name>.js`` files; ``names`` is a regex alternation ("a|b")."""
    return rf'<script src="[^"]*javascripts/(?:{names})\.js[^"]*"></script>'


OUR_SCRIPTS = scripts("calculator|offline|search-start|site-data|tooltips")
# overrides/main.html: the head's addresses made absolute before the body exists, instead of by Material's start.
EARLY_ABSOLUTE_HEAD = r'<script>for\(const e of document\.querySelectorAll\("link\[href\]"\)\)e\.href=e\.href</script>'
OUR_STYLES = r'<link rel="stylesheet" href="[^"]*stylesheets/(?:site|team)\.css[^"]*">'
PALETTE = r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">'


def our_scripts_marked(attribute: str) -> Edit:
    """Our script tags with ``attribute`` ("defer", "async"): what they cost by holding up the theme's start."""
    compiled = re.compile(OUR_SCRIPTS)
    return lambda html: compiled.sub(lambda m: m.group(0).replace("<script ", f"<script {attribute} ", 1), html)


def _all(*edits: Edit) -> Edit:
    def edit(html: str) -> str:
        for one in edits:
            html = one(html)
        return html
    return edit


VARIANTS: dict[str, Edit] = {
    "as built": lambda html: html,
    "no toc.follow": without_features("toc.follow"),
    "no navigation tabs/sections": without_features("navigation.tabs", "navigation.sections"),
    "no instant navigation": without_features("navigation.instant"),
    "no navigation.* / toc.follow": without_features("navigation.", "toc.follow"),
    "no search features": without_features("search."),
    "no site scripts": without(OUR_SCRIPTS),
    "no tooltips.js": without(scripts("tooltips")),
    "our scripts deferred": our_scripts_marked("defer"),
    "no calculator.js": without(scripts("calculator")),
    "no search-start.js": without(scripts("search-start")),
    "no offline.js / site-data.js": without(scripts("offline|site-data")),
    "no site styles": without(OUR_STYLES),
    "no palette stylesheet": without(PALETTE),
    "no <abbr> at all": unwrap_abbreviations,
    "no main navigation": primary_navigation_pruned,
    "Python only once typed in": python_on_input,
    "no calculator form": without(r'<form class="ssi-form".*?</form>'),
    "no pre-rendered result": result_emptied,
}
VARIANTS["all of the above"] = _all(*(e for n, e in VARIANTS.items() if n != "as built"))
# Not part of "all of the above": variants that add work back, to measure what a change of ours saves, and one
# that takes out what a change of ours left in.
VARIANTS["reference tables open on arrival"] = references_open
VARIANTS["tables wrapped by Material"] = tables_left_to_material
# What the closed tables still cost while closed: they are parsed and in the page all the same.
VARIANTS["closed reference tables left out"] = without(r'<details class="ssi-reference">.*?</details>')
VARIANTS["head's addresses left to Material"] = without(EARLY_ABSOLUTE_HEAD)
# The way the site was, to measure what tooltips.js saves.
VARIANTS["Material's tooltips instead of tooltips.js"] = _all(
    without(scripts("tooltips")), with_features("content.tooltips", "content.footnote.tooltips"))
# Tried and left out of the site: each block laid out and painted only once near the screen (content-visibility).
# Less style and layout work, but mostly before the first paint, which blocking time does not count; and
# Lighthouse's accessibility check (axe-core #2768) reads text in a block that stands in shorter than it is as
# lying over the dark footer, so the page would lose its accessibility score.
VARIANTS["blocks rendered only near the screen"] = styled(
    ".md-content .md-typeset>*:not(.ssi-calculator,.highlight,dl,.footnote),.md-content .footnote>ol"
    "{content-visibility:auto;contain-intrinsic-size:auto 6em}")
# Variants that change a file of the site besides the pages (also not part of "all of the above").
SITE_EDITS: dict[str, Callable[[Path], None]] = {"the whole search index on the page": whole_search_index}
VARIANTS.update({name: lambda html: html for name in SITE_EDITS})


def variant_site(workdir: Path, name: str, edit: Edit, paths: list[str]) -> Path:
    """The built site, hard-linked into ``workdir``, with the measured pages edited."""
    site = workdir / re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    shutil.copytree(SITE, site, copy_function=os.link)
    for path in paths:
        page = site / path / "index.html"
        html = page.read_text(encoding="utf-8")
        page.unlink()  # a hard link: never write into the original
        page.write_text(edit(html), encoding="utf-8")
    if name in SITE_EDITS:
        SITE_EDITS[name](site)
    return site


@contextmanager
def served(chosen: dict[str, str], variants: dict[str, Edit]) -> Iterator[dict[str, str]]:
    """Every variant and the twin, each on its own server; yields their URLs by name ("twin" for the twin)."""
    with tempfile.TemporaryDirectory(prefix="ssi-causes-") as tmp, ExitStack() as stack:
        urls: dict[str, str] = {}
        sites = {name: variant_site(Path(tmp), name, edit, list(chosen.values())) for name, edit in variants.items()}
        sites["twin"] = build_twin(Path(tmp) / "twin-build", also=list(chosen.values()))
        for name, site in sites.items():
            server, url = serve_in_thread(site, base=BASE)
            stack.callback(server.shutdown)
            urls[name] = url
        yield urls


def run() -> list[tuple[str, float, str]]:
    chosen = choose(pages(), os.environ.get("SSI_BENCH_PAGES", "faq"))
    runs = int(os.environ.get("SSI_BENCH_RUNS", "3"))
    presets = [p.strip() for p in os.environ.get("SSI_BENCH_PRESETS", "mobile").split(",") if p.strip()]
    wanted = [v.strip() for v in os.environ.get("SSI_BENCH_VARIANTS", "").split(",") if v.strip()]
    variants = {n: e for n, e in VARIANTS.items() if not wanted or n in wanted or n == "as built"}
    figures: list[tuple[str, float, str]] = []
    with served(chosen, variants) as urls:
        for preset in presets:
            for page, path in chosen.items():
                samples = {name: Sample() for name in [*variants, "twin"]}
                for _ in range(runs):
                    for name in samples:
                        result = lighthouse(urls[name] + path, urls[name], preset, ("performance",))
                        if result is not None:
                            samples[name].runs.append(result)
                figures += report(preset, page, samples)
    return figures


def report(preset: str, page: str, samples: dict[str, Sample]) -> list[tuple[str, float, str]]:
    print(f"\n### {page}, {preset}: medians; Δ from as built and from the twin (performance points, TBT ms)")
    print(f"{'variant':<34} {'perf':>5} {'Δbuilt':>7} {'Δtwin':>6} {'TBT':>6} {'Δbuilt':>7} {'FCP s':>6} {'main ms':>8}"
          f" {'script ms':>9} {'style/layout ms':>15}")
    built, twin = samples["as built"], samples["twin"]
    figures: list[tuple[str, float, str]] = []
    for name, s in samples.items():
        if not s.runs or not built.runs or not twin.runs:
            print(f"{name:<34} (no successful run)")
            continue
        perf, tbt = s.med("performance"), s.med("tbt")
        layout = statistics.median(r.breakdown.get("Style & Layout", 0) for r in s.runs)
        script = statistics.median(r.breakdown.get("Script Evaluation", 0) for r in s.runs)
        print(f"{name:<34} {perf:5.0f} {perf - built.med('performance'):+7.0f} {perf - twin.med('performance'):+6.0f}"
              f" {tbt:6.0f} {tbt - built.med('tbt'):+7.0f} {s.med('fcp') / 1000:6.2f} {s.med('mainthread'):8.0f}"
              f" {script:9.0f} {layout:15.0f}")
        figures += [(f"[{preset}] {page} {name}: performance − twin", perf - twin.med("performance"), "pts"),
                    (f"[{preset}] {page} {name}: TBT − as built", tbt - built.med("tbt"), "ms")]
    return figures
