"""Requests to the outreach modes: their default values with some changed."""

from calculator.modes import WebRequest, registry
from calculator.web import handle


def ask(mode: str, action: str = "", root: str = "../../", **changes: str) -> dict[str, object]:
    values = {**registry()[mode].defaults(), **changes}
    return dict(handle(WebRequest(mode, values, root, action=action)))
