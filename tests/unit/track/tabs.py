"""Tabs of one browser, as calculator.js drives the tracker: the same request and write steps, in Python.

Each request reads the stored text and sends back the page's pending saves; an answer's text is written only
if the stored text is still the one the request read (else the page asks again), and an answer made for the
other outcome of a write is not shown but asked again. ``storage`` is shared by every tab of a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculator.modes import Response, WebRequest
from calculator.track.mode import STORAGE_KEY, handle

TODAY = date(2026, 5, 20)
FORM = {"date": "", "brand": "20", "find": "6.4", "engage": "10.25", "relate": "15", "industry_rank": "",
        "network_rank": "", "industry_average": "", "network_average": "", "note": "", "paste": "", "shown": "20"}


@dataclass
class Browser:
    storage: dict[str, str] = field(default_factory=dict)
    refuse: str = ""  # set: every write is refused with this reason (storage full)
    clock: float = 1_000_000.0

    def stored(self) -> str | None:
        return self.storage.get(STORAGE_KEY)


@dataclass
class Sent:
    request: WebRequest
    answer: Response


@dataclass
class Tab:
    browser: Browser
    values: dict[str, str] = field(default_factory=lambda: dict(FORM))
    pending: str | None = None
    store_problem: str = ""
    shown: Response | None = None
    requests: int = 0

    def send(self, action: str = "", **extra: Any) -> Sent:
        """One request as the page makes it, answered (nothing written yet)."""
        request = WebRequest("track", dict(self.values), "", action, stored=self.browser.stored(),
                             pending=self.pending, store_problem=self.store_problem, **extra)
        self.requests += 1
        return Sent(request, handle(request, TODAY, self.browser.clock))

    def deliver(self, sent: Sent, check: bool = True) -> dict[str, Any] | None:
        """The page's handling of an answer: store its text, then show it, or return the request to make
        instead. ``check=False`` writes without comparing, as a tab does that has not yet seen another's write."""
        answer = sent.answer
        self.pending = answer.get("pending")
        if "store" in answer:
            if check and answer.get("merge") and self.browser.stored() != sent.request.stored:
                return {}
            problem = self.browser.refuse
            if not problem:
                self.browser.storage[STORAGE_KEY] = answer["store"]
            assumed, self.store_problem = self.store_problem, problem
            if bool(problem) != bool(assumed):
                return {}
        self.shown = answer
        return None

    def act(self, action: str = "", **extra: Any) -> Response:
        """A request and every request the page makes after it, until an answer is shown."""
        again = self.deliver(self.send(action, **extra))
        while again is not None:
            again = self.deliver(self.send(**again))
        assert self.shown is not None
        return self.shown

    def add(self, day: str, brand: str = "20") -> Response:
        self.values.update(date=day, brand=brand)
        return self.act("add")
