"""Before Python is ready (calculator.js): what a person does is kept, and done once it is; never dropped.

Python's start is held back by holding the worker's request for the snapshot's description until the test lets
it go, so "before it is ready" lasts exactly as long as the test needs.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, Route, expect

from site_build.widgets import PENDING_NOTE, STATUS

from .conftest import SITE_URL, Guard, wait_ready

TRACK = "calculator/track/"
ESTIMATE = "calculator/estimate/"
READINGS = "ssi-field-guide:readings"


class HeldStart:
    """Holds the worker's first requests for Python's files until ``release()``."""

    def __init__(self, page: Page) -> None:
        self.held: list[Route] = []
        self.released = False
        page.context.route("**/pyodide/snapshot.json", self._hold)
        page.context.route("**/pyodide/pyodide-lock.json", self._hold)

    def _hold(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.held:
            route.continue_()


@pytest.fixture
def held(guarded_page: Page) -> HeldStart:
    return HeldStart(guarded_page)


def status(page: Page) -> str:
    return str(page.locator("[data-calculator-status]").first.text_content())


def stored_dates(page: Page) -> list[str]:
    text = page.evaluate(f"localStorage.getItem('{READINGS}')")
    return [r["date"] for r in json.loads(text)["readings"]] if text else []


def test_the_pre_rendered_buttons_say_the_calculator_is_still_loading(guarded_page: Page, held: HeldStart) -> None:
    guarded_page.goto(SITE_URL + TRACK)
    button = guarded_page.locator("[data-calculator-result] [data-action='add']")
    expect(button).to_contain_text("Save this reading" + PENDING_NOTE)
    expect(guarded_page.locator("[data-calculator-status]")).to_have_text(STATUS["snapshot"])
    held.release()
    wait_ready(guarded_page)
    expect(button).to_have_text("Save this reading")  # the live answer has no note


def test_a_reading_saved_and_a_file_chosen_before_python_is_ready_are_both_kept(
        guarded_page: Page, held: HeldStart) -> None:
    page = guarded_page
    page.goto(SITE_URL + TRACK)
    page.fill("#track-date", "2026-05-19")
    for field, value in (("brand", "20.5"), ("find", "6.4"), ("engage", "10.25"), ("relate", "15")):
        page.fill(f"#track-{field}", value)
    page.click("[data-action='add']")
    expect(page.locator("[data-calculator-status]")).to_have_text(STATUS["queued"])
    page.fill("#track-brand", "3")  # typed after pressing Save: the reading saved is the one pressed for
    csv = "date,brand,find,engage,relate\n2026-05-12,18,6,10,15\n"
    page.set_input_files("#track-import", files=[
        {"name": "readings.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    assert stored_dates(page) == []
    held.release()
    page.wait_for_function(f"(JSON.parse(localStorage.getItem('{READINGS}') || '{{}}').readings || []).length === 2",
                           timeout=60_000)
    readings = json.loads(page.evaluate(f"localStorage.getItem('{READINGS}')"))["readings"]
    assert {r["date"]: r["brand"] for r in readings} == {"2026-05-12": "18", "2026-05-19": "20.5"}
    expect(page.locator(".ssi-history-import")).to_contain_text("1 new reading added")
    expect(page.locator("[data-calculator-status]")).to_have_text(STATUS["ready"])


def test_a_starting_point_saved_before_python_is_ready_is_kept(guarded_page: Page, held: HeldStart) -> None:
    page = guarded_page
    page.goto(SITE_URL + ESTIMATE)
    page.evaluate("localStorage.clear()")
    page.get_by_role("button", name="Save as my starting point").click()
    expect(page.locator("[data-calculator-status]")).to_have_text(STATUS["queued"])
    held.release()
    expect(page.locator(".ssi-delta__value")).to_have_text("±0", timeout=60_000)
    assert page.evaluate("localStorage.getItem('ssi-field-guide:estimate-start')")


def test_an_action_when_python_cannot_load_is_refused_with_a_message(page: Page, guard: Guard) -> None:
    page.context.route("**/pyodide/**", lambda route: route.abort())  # Pyodide never arrives
    page.on("pageerror", lambda e: guard.page_errors.append(str(e)))
    page.goto(SITE_URL + TRACK)
    page.click("[data-action='add']")  # pressed while it still tries
    status_line = page.locator("[data-calculator-status]")
    expect(status_line).to_contain_text("so what you asked for was not done and nothing was saved", timeout=30_000)
    assert stored_dates(page) == []
    page.click("[data-action='add']")  # and pressed again once it is known that it cannot load
    expect(status_line).to_contain_text("was not done")
    guard.check()


def test_python_starts_once_the_page_itself_has_loaded(guarded_page: Page) -> None:
    """Issue 18: the worker's start no longer competes with the page laying itself out (a phone's main thread)."""
    guarded_page.goto(SITE_URL + "calculator/interpret/")
    wait_ready(guarded_page)
    started, loaded = guarded_page.evaluate(
        "[performance.getEntriesByName('ssi:worker-start')[0].startTime,"
        " performance.getEntriesByType('navigation')[0].loadEventEnd]")
    assert started >= loaded > 0


def test_python_leaves_the_result_the_page_already_shows_in_place(guarded_page: Page, held: HeldStart) -> None:
    """The build's result for the example values is Python's answer: it is not drawn again when Python starts."""
    guarded_page.goto(SITE_URL + "calculator/interpret/")
    first = guarded_page.locator("[data-calculator-result] > *").first.element_handle()
    held.release()
    wait_ready(guarded_page)
    assert first.evaluate("element => element.isConnected")  # the same element: nothing was replaced
    guarded_page.fill("#interpret-find", "20")
    expect(guarded_page.locator("[data-calculator-result]")).not_to_contain_text("add up to 52.648")  # answered
    assert not first.evaluate("element => element.isConnected")


def test_python_only_takes_the_still_loading_notes_out_of_the_builds_result(guarded_page: Page,
                                                                          held: HeldStart) -> None:
    guarded_page.goto(SITE_URL + "calculator/plan/")
    first = guarded_page.locator("[data-calculator-result] > *").first.element_handle()
    expect(guarded_page.locator("[data-calculator-result] .ssi-pending-note").first).to_be_attached()
    held.release()
    wait_ready(guarded_page)
    expect(guarded_page.locator("[data-calculator-result] .ssi-pending-note")).to_have_count(0)
    assert first.evaluate("element => element.isConnected")  # the rest of the result stayed as it was
