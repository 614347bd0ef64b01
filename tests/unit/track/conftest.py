"""Requests to the tracker as its page sends them, with the date fixed."""

import re
from datetime import date

from calculator.modes import Response, WebRequest
from calculator.track.mode import handle

TODAY = date(2026, 5, 20)

FORM = {"date": "2026-05-19", "brand": "20.998", "find": "6,4", "engage": "10.25", "relate": "15",
        "industry_rank": "Top 9%", "network_rank": "", "industry_average": "34", "network_average": "",
        "note": "", "paste": "", "shown": "20"}


def ask(action: str = "", stored: str | None = None, **values: str) -> Response:
    return handle(WebRequest("track", {**FORM, **values}, "../../", action=action, stored=stored), TODAY)


def ask_file(name: str, text: str | None, size: int | None = None, stored: str | None = None) -> Response:
    size = len(text.encode()) if size is None and text is not None else size or 0
    return handle(WebRequest("track", FORM, "", action="import", stored=stored, file_name=name, file_text=text,
                             file_size=size), TODAY)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def saved(**values: str) -> str:
    response = ask("add", **values)
    assert response["ok"], response["errors"]
    return response["store"]
