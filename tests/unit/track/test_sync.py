"""Two tabs saving readings, and a browser refusing to store: nothing lost, nothing settled silently."""

import json
import re
from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from calculator.track import sync
from calculator.track.readings import Reading
from calculator.track.storage import dump, load
from tests.unit.track.tabs import Browser, Tab

FULL = "QuotaExceededError: The quota has been exceeded."


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def dates(browser: Browser) -> list[str]:
    return [r.day.isoformat() for r in load(browser.stored()).readings]


def date_of(i: int) -> str:
    return (date(2018, 1, 1) + timedelta(days=i)).isoformat()


def history(n: int) -> str:
    """A stored text of ``n`` daily readings from 2018 on."""
    return dump(Reading(date(2018, 1, 1) + timedelta(days=i), D(i % 25), D("6.4"), D("10.25"), D(15))
                for i in range(n))


def test_two_tabs_saving_at_the_same_moment_both_keep_their_reading() -> None:
    browser = Browser({"ssi-field-guide:readings": history(300)})
    a, b = Tab(browser), Tab(browser)
    a.values.update(date="2026-05-18")
    b.values.update(date="2026-05-19")
    sent_a, sent_b = a.send("add"), b.send("add")  # both read the same stored text
    assert a.deliver(sent_a) is None  # A writes first
    again = b.deliver(sent_b)
    assert again == {}, "B must not write over A's reading, which its answer has not seen"
    assert "2026-05-18" in dates(browser) and "2026-05-19" not in dates(browser)
    while again is not None:
        again = b.deliver(b.send(**again))
    assert {"2026-05-18", "2026-05-19"} <= set(dates(browser))
    assert len(dates(browser)) == 302
    shown = text_of(b.shown["html"]) if b.shown else ""
    assert "Saved the reading of 2026-05-19" in shown and "changed in another tab meanwhile" in shown


def test_a_tab_that_writes_over_a_save_it_never_saw_is_caught_by_the_other() -> None:
    # The browser compares and writes in two steps, so a tab can still write without having seen another's
    # save; the first tab sees its save missing from the new text (its `writes`) and applies it again.
    browser = Browser()
    a, b = Tab(browser), Tab(browser)
    a.add("2026-05-01")
    a.values.update(date="2026-05-18")
    b.values.update(date="2026-05-19")
    sent_a, sent_b = a.send("add"), b.send("add")
    a.deliver(sent_a)
    b.deliver(sent_b, check=False)  # B's page had not yet seen A's write
    assert "2026-05-18" not in dates(browser)
    a.act()  # the storage event: A asks for a fresh view
    assert dates(browser) == ["2026-05-01", "2026-05-18", "2026-05-19"]
    b.act()  # and B's view, refreshed in turn, shows A's reading
    assert "2026-05-18" in text_of(b.shown["html"]) if b.shown else False


def test_a_save_that_is_seen_by_another_tab_is_no_longer_watched() -> None:
    browser = Browser()
    a, b = Tab(browser), Tab(browser)
    a.add("2026-05-01")
    assert a.pending  # A's save is the latest: still watched
    b.add("2026-05-02")  # B saved on top of it
    a.act()
    assert a.pending == ""
    browser.clock += sync.WATCH_SECONDS + 1
    b.act()
    assert b.pending == ""  # the latest, but old enough


def test_a_date_changed_in_both_tabs_keeps_the_stored_one_and_offers_the_other() -> None:
    browser = Browser()
    a, b = Tab(browser), Tab(browser)
    a.add("2026-05-01", "10")
    b.act()
    a.values.update(date="2026-05-01", brand="11")
    b.values.update(date="2026-05-01", brand="12")
    sent_a, sent_b = a.send("add"), b.send("add")
    a.deliver(sent_a)
    again = b.deliver(sent_b)
    while again is not None:
        again = b.deliver(b.send(**again))
    assert [r.brand for r in load(browser.stored()).readings] == [11]  # A's, stored first, is kept
    html = b.shown["html"] if b.shown else ""
    assert "Another tab saved a different reading for 2026-05-01 (total 43)" in text_of(html)
    assert 'role="alert"' in html
    use = re.search(r'data-action="(use:[^"]+)"', html)
    assert use is not None
    b.act(use.group(1).replace("&quot;", '"'))  # the person chooses this tab's reading
    assert [r.brand for r in load(browser.stored()).readings] == [12]


def test_a_deletion_and_an_edit_of_the_same_date_keep_the_edit() -> None:
    browser = Browser()
    a, b = Tab(browser), Tab(browser)
    a.add("2026-05-01", "10")
    b.act()
    a.values.update(date="2026-05-01", brand="11")
    sent_a, sent_b = a.send("add"), b.send("delete:2026-05-01")
    a.deliver(sent_a)
    again = b.deliver(sent_b)
    while again is not None:
        again = b.deliver(b.send(**again))
    assert [r.brand for r in load(browser.stored()).readings] == [11]
    assert "while this tab deleted it; the changed reading is kept" in text_of(b.shown["html"] if b.shown else "")


def test_a_save_in_one_tab_during_a_long_import_in_the_other_is_kept() -> None:
    browser = Browser()
    a, b = Tab(browser), Tab(browser)
    rows = "\n".join(f"{date_of(i)},{i % 25},6.4,10.25,15" for i in range(400))
    csv = "date,brand,find,engage,relate\n" + rows
    importing = a.send("import", file_name="big.csv", file_text=csv, file_size=len(csv))
    b.add("2026-05-19")  # while A's import runs
    again = a.deliver(importing)
    while again is not None:
        again = a.deliver(a.send(**again))
    assert len(dates(browser)) == 401 and "2026-05-19" in dates(browser)
    assert "From “big.csv” (CSV): 400 new readings added" in text_of(a.shown["html"] if a.shown else "")


def test_storage_full_says_not_saved_and_keeps_the_reading_in_the_view_and_the_export() -> None:
    browser = Browser()
    tab = Tab(browser)
    tab.add("2026-05-01")
    browser.refuse = FULL
    shown = text_of(tab.add("2026-05-02")["html"])
    assert "Saved the reading" not in shown
    assert "Not saved: this browser refused to store the reading of 2026-05-02 (total 52)" in shown
    assert FULL in shown
    assert dates(browser) == ["2026-05-01"]
    tab.values.update(note="typing on")  # the next edit still shows the reading
    assert "2026-05-02" in text_of(tab.act()["html"])
    export = tab.act("export-csv")
    assert "2026-05-02" in export["download"]["text"]
    browser.refuse = ""  # room again: the next change stores it, and the warning is gone
    shown = text_of(tab.act()["html"])
    assert dates(browser) == ["2026-05-01", "2026-05-02"]
    assert "Not saved" not in shown


def test_pending_saves_in_any_state_never_break_a_request() -> None:
    tab = Tab(Browser())
    for pending in ("", "[", "null", "[1]", '[{"id": 5}]', '[{"id": "x", "at": true}]',
                    '[{"id": "x", "at": 1, "steps": [["2026-13-01", null, null], [1, 2], "s"]}]',
                    '[{"id": "x", "at": 1, "steps": [["2026-05-01", null, {"date": "2026-05-01"}]],'
                    ' "report": {"summary": 5}, "said": [1, "<b>"]}]'):
        tab.pending = pending
        response = tab.act()
        assert response["ok"]
        assert "<b>" not in response["html"]


@given(st.text(max_size=200))
def test_any_pending_text_is_read_without_raising(text: str) -> None:
    for held in sync.read_pending(text):
        held.change()


def test_pending_saves_round_trip() -> None:
    tab = Tab(Browser())
    tab.add("2026-05-01")
    held = sync.read_pending(tab.pending)
    assert len(held) == 1
    change = held[0].change()
    assert [(d.isoformat(), b, a is not None) for d, b, a in change.steps] == [("2026-05-01", None, True)]
    assert change.said == ("Saved the reading of 2026-05-01 (total 52).",)
    assert json.loads(sync.dump_pending([change])) == json.loads(tab.pending or "")


def test_the_stored_text_names_the_saves_it_descends_from() -> None:
    tab = Tab(Browser())
    tab.add("2026-05-01")
    tab.add("2026-05-02")
    writes = load(tab.browser.stored()).writes
    assert len(writes) == 2 and len(set(writes)) == 2
    assert json.loads(dump([], writes=[str(i) for i in range(100)]))["writes"][0] == "36"  # the latest 64 kept
