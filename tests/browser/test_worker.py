"""A calculator never freezes (calculator.js and calculator-worker.mjs): every request gets an answer or a
timeout, a worker that dies or hangs is replaced and sent the latest values, and the status line never says
"ready" while nothing answers.

The worker is broken from the test: terminated when a request reaches it, made to loop for ever, or handed a
request that makes it throw. The time a request may take is lowered (data-answer-within-ms) so the tests wait
seconds, not half a minute.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from site_build.widgets import STATUS

from .conftest import result_after

PAGE = "calculator/interpret/"
WITHIN_MS = 4000

# Makes the next request (or every request, with `always`) break the worker that receives it.
BREAK_NEXT = """([how, always]) => {
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (!message || message.type !== "run") return post.call(this, message, ...rest);
    if (!always) Worker.prototype.postMessage = post;
    if (how === "terminate") return this.terminate();
    if (how === "bigint") {  // JSON.stringify throws on it, inside the worker
      const values = { ...message.request.values, brand: 10n };
      message = { ...message, request: { ...message.request, values } };
    }
    return post.call(this, message, ...rest);
  };
}"""


def opened(calc_page: Callable[[str], Page]) -> Page:
    page = calc_page(PAGE)
    page.evaluate(f"document.querySelector('[data-calculator]').dataset.answerWithinMs = '{WITHIN_MS}'")
    return page


def status_line(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("[data-calculator-status]")


def test_a_worker_that_dies_mid_request_is_replaced_and_sent_the_latest_values(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = opened(calc_page)
    page.evaluate(BREAK_NEXT, ["terminate", False])
    page.fill("#interpret-brand", "24.5")
    expect(status_line(page)).to_have_text(STATUS["restarting"], timeout=WITHIN_MS + 5000)
    expect(status_line(page)).to_have_text(STATUS["restarted"], timeout=60_000)
    expect(page.locator(".ssi-total__value")).to_have_text("56")  # the latest values, sent again
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "25")
    assert result["ok"]
    expect(page.locator(".ssi-total__value")).to_have_text("57")
    expect(status_line(page)).to_have_text(STATUS["ready"])


def test_a_worker_that_hangs_is_never_called_ready_and_is_replaced(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = opened(calc_page)
    (worker,) = [w for w in page.workers if "calculator-worker.mjs" in w.url]
    worker.evaluate("setTimeout(() => { for (;;) {} }, 0)")  # this worker never answers again
    page.fill("#interpret-brand", "24.5")
    expect(status_line(page)).to_have_text(STATUS["working"], timeout=WITHIN_MS)
    expect(status_line(page)).to_have_text(STATUS["restarting"], timeout=WITHIN_MS + 5000)
    expect(status_line(page)).to_have_text(STATUS["restarted"], timeout=60_000)
    expect(page.locator(".ssi-total__value")).to_have_text("56")


def test_a_request_the_worker_cannot_handle_gets_a_message_and_the_next_one_an_answer(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = opened(calc_page)
    page.evaluate(BREAK_NEXT, ["bigint", False])
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "24.5")
    assert result["ok"] is False
    expect(status_line(page)).to_contain_text("Sorry, the calculator could not answer that (")
    expect(status_line(page)).to_contain_text("BigInt")
    expect(page.locator(".ssi-total__value")).to_have_text("53")  # the last good result stays
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "24.50")
    assert result["ok"]
    expect(page.locator(".ssi-total__value")).to_have_text("56")
    expect(status_line(page)).to_have_text(STATUS["ready"])


def test_when_the_new_worker_cannot_answer_either_the_page_says_so(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = opened(calc_page)
    page.evaluate(BREAK_NEXT, ["terminate", True])
    page.fill("#interpret-brand", "24.5")
    expect(status_line(page)).to_contain_text("could not be restarted", timeout=60_000)
    expect(status_line(page)).to_contain_text("reload the page")
    page.fill("#interpret-brand", "25")  # typing on changes nothing, and the status line stays true
    page.wait_for_timeout(500)
    expect(status_line(page)).to_contain_text("could not be restarted")
