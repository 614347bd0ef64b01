"""Team view (issue 17): 200 members, each with five years of weekly readings (261), loaded and drawn at once.

Native figures time the Python alone, in CPU time (``time.process_time``): on this shared machine wall time
swings with whatever else runs, CPU time much less. Browser figures time the whole round trip in Chromium, from the file
input's change event (200 files read by the page, sent to the worker in one request) to the result painted.

Budget: loading and drawing the whole team within 3 s in the browser, and any later request (a name saved, the
table with names shown or sorted) within 0.5 s. Loading is done once, when a manager opens the files, and a
wait of a few seconds for 52,200 readings with the page saying so is acceptable; what follows is browsing the
result and must feel immediate. The page's own HTML for that team is also measured (it is put into the page on
every answer). Figures only, no assertions.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from calculator.html import Context
from calculator.modes import SentFile, WebRequest
from calculator.team import report, store, view
from calculator.team.load import read_team_file
from calculator.team.mode import Session, handle
from calculator.team.model import Team, add_file
from calculator.team.stats import summarise
from calculator.track.csvio import to_csv
from calculator.track.readings import Reading
from site_build.testing import wait_for_mark

from .timing import Figures, median_ms, with_browser

MEMBERS = 200
WEEKS = 261
TODAY = date(2026, 5, 20)
PAGE = "calculator/team/"
ROUNDS = 3


def member(i: int) -> tuple[Reading, ...]:
    """Weekly readings that wander like real ones: each member climbs at their own pace, with a wobble."""
    start = TODAY - timedelta(weeks=WEEKS - 1)
    out = []
    for w in range(WEEKS):
        wobble = Decimal((w * 7 + i * 13) % 11) / 10
        climb = Decimal(w * (1 + i % 5)) / 400
        out.append(Reading(start + timedelta(weeks=w),
                           min(Decimal(6 + i % 9) + climb + wobble, Decimal(25)).quantize(Decimal("0.001")),
                           (Decimal(2 + i % 6) + wobble).quantize(Decimal("0.01")),
                           (Decimal(i % 4) + climb / 2).quantize(Decimal("0.01")),
                           min(Decimal(9 + i % 7) + climb, Decimal(25)).quantize(Decimal("0.01"))))
    return tuple(out)


def files() -> tuple[SentFile, ...]:
    out = []
    for i in range(MEMBERS):
        text = to_csv(member(i))
        out.append(SentFile(f"member-{i:03}-ssi-readings.csv", text, len(text.encode())))
    return tuple(out)


def _median_ms(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    return median_ms(work, rounds, clock=time.process_time)  # CPU time: the machine is shared


def native() -> list[tuple[str, float, str]]:
    sent = files()

    def read_all() -> Team:
        team = Team()
        for f in sent:
            team = add_file(team, read_team_file(f.name, f.text, f.size, TODAY)).team
        return team

    team = read_all()
    summary = summarise(team, TODAY)
    assert summary is not None
    page = view.Page(team, summary, named=True)
    html = view.render(page, Context("../../"))
    saved = store.dump(team)

    def load_request() -> object:
        return handle(WebRequest("team", {}, "../../", action="files", files=sent), Session(), TODAY)

    loaded = Session()
    handle(WebRequest("team", {}, "../../", action="files", files=sent), loaded, TODAY)
    return [
        ("team: files, total size", sum(f.size for f in sent) / 2**20, "MB"),
        ("team: read 200 files of 261 weekly readings (native, CPU)", _median_ms(read_all), "ms"),
        ("team: statistics for 52,200 readings (native, CPU)", _median_ms(lambda: summarise(team, TODAY)), "ms"),
        ("team: render the page, table with names shown (native, CPU)",
         _median_ms(lambda: view.render(page, Context("../../"))), "ms"),
        ("team: the page's HTML, table with names shown", len(html) / 1024, "KB"),
        ("team: whole load request, 200 files (native, CPU)", _median_ms(load_request), "ms"),
        ("team: a later request, team in memory, table with names (native, CPU)",
         _median_ms(lambda: handle(WebRequest("team", {"named": "on"}, "../../", action="sort:-total"), loaded,
                                   TODAY)), "ms"),
        ("team: report CSV (native, CPU)", _median_ms(lambda: report.to_csv(summary, True)), "ms"),
        ("team: kept text, size", len(saved) / 1e6, "million chars [limit 4]"),
        ("team: read the kept text back (native, CPU)", _median_ms(lambda: store._load(saved)), "ms"),
    ]


_TIMED_LOAD = """async (texts) => {
  const input = document.querySelector('#team-files');
  const widget = document.querySelector('[data-calculator="team"]');
  const done = new Promise(resolve => widget.addEventListener('ssi:result', resolve, { once: true }));
  const transfer = new DataTransfer();
  texts.forEach((text, i) => transfer.items.add(new File([text], `member-${i}.csv`, { type: 'text/csv' })));
  const start = performance.now();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await done;
  await new Promise(requestAnimationFrame);  // until the charts are laid out and painted
  return performance.now() - start;
}"""

_FORGET = """async () => {
  const widget = document.querySelector('[data-calculator="team"]');
  const done = new Promise(resolve => widget.addEventListener('ssi:result', resolve, { once: true }));
  document.querySelector("[data-action='forget']").click();
  await done;
}"""

_TIMED_CHOICE = """async (value) => {
  const widget = document.querySelector('[data-calculator="team"]');
  const done = new Promise(resolve => widget.addEventListener('ssi:result', resolve, { once: true }));
  const start = performance.now();
  const box = document.querySelector('#team-named');
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await done;
  await new Promise(requestAnimationFrame);
  return performance.now() - start;
}"""


def browser() -> list[tuple[str, float, str]]:
    from .browser import chromium_site, wait_warm
    from .browser import median as med

    texts = [f.text for f in files()]
    figures: list[tuple[str, float, str]] = []
    with chromium_site() as (chromium, url):
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url + PAGE)
        wait_for_mark(page, "ssi:first-result", 180_000)
        wait_warm(page)
        loads = []
        for _ in range(ROUNDS):
            if page.locator("[data-action='forget']").count():  # start each round from an empty page
                page.evaluate(_FORGET)
            loads.append(float(page.evaluate(_TIMED_LOAD, texts)))
        figures.append((f"team: load + draw 200 members x 261 weeks (browser, median of {ROUNDS})", med(loads),
                        "ms [budget 3000]"))
        shown = [float(page.evaluate(_TIMED_CHOICE, value)) for value in ("on", "off", "on", "off", "on")]
        figures.append(("team: show or hide the table with names, page updated (browser, median of 5)", med(shown),
                        "ms [budget 500]"))
        context.close()
    return figures


def run() -> Figures:
    return with_browser("team", native, browser)

