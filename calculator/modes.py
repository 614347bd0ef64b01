"""What a calculator mode is, and the registry of modes the site and the command line offer.

A mode is its fields, a function from parsed values to a result, and two views of that result (an HTML
fragment and plain text). Adding a mode means adding one module and one line below.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict, TypeVar

from .html import Context
from .inputs import Field, Parsed

R = TypeVar("R")


class FormErrors(Exception):
    """Values that are each valid but do not fit together; messages keyed by field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class WebRequest:
    """Everything the page sends: raw form values, and for stateful modes the rest of the browser's side."""

    mode: str
    values: Mapping[str, object]
    root: str = ""
    action: str = ""  # the button or file field that sent the request; "" for an edit
    stored: str | None = None  # the mode's saved text from the browser's local storage
    file_name: str = ""
    file_text: str | None = None  # None when no file came, or it was too large to read
    file_size: int = 0


class Download(TypedDict):
    name: str
    type: str
    text: str


class Response(TypedDict):
    ok: bool
    html: str
    errors: dict[str, str]
    values: dict[str, str]  # the form values to keep (and to put in the page address, where a mode shares)
    store: NotRequired[str]  # new text for the mode's local storage
    download: NotRequired[Download]  # a file for the browser to offer


@dataclass(frozen=True)
class Mode[R]:
    name: str
    title: str
    fields: tuple[Field, ...]
    legends: dict[str, str]
    run: Callable[[Parsed], R]  # may raise FormErrors
    render_html: Callable[[R, Context], str]
    render_text: Callable[[R], str]
    describe: Callable[[], str] = field(default=lambda: "")  # the model, as HTML, for the methodology text
    # Modes with state or buttons (saved readings, imports) answer whole requests themselves.
    custom: Callable[[WebRequest], Response] | None = None
    storage_key: str = ""  # the local-storage key the page keeps for this mode, if any
    url_state: bool = False  # keep the form values in the page address, so a result can be shared
    # A command line of the mode's own (``python -m calculator NAME ...``); without one, required fields
    # become positional arguments and optional ones ``--options``.
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
    main: Callable[[argparse.Namespace], int] | None = None
    # Modes that share a group appear on the command line as ``python -m calculator GROUP NAME ...``.
    cli_group: str = ""

    def defaults(self) -> dict[str, str]:
        return {f.name: f.default for f in self.fields}


# The module that defines each mode (as MODE, or MODES for several). A mode's module is imported on first use,
# so a page in the browser compiles only the Python its own calculator needs. Add a line per new mode.
MODULES: dict[str, str] = {
    "interpret": "interpret_view",
    "funnel": "outreach_view",
    "pacing": "outreach_view",
    "warmup": "outreach_view",
    "estimate": "estimate_view",
    "plan": "plan_view",
    "history": "history_view",
}


def get_mode(name: str) -> Mode[Any] | None:
    """The mode called ``name``, or None when there is no such mode."""
    module_name = MODULES.get(name)
    if module_name is None:
        return None
    module = importlib.import_module(f"{__package__}.{module_name}")
    found: tuple[Mode[Any], ...] = getattr(module, "MODES", None) or (module.MODE,)
    return next(m for m in found if m.name == name)


def registry() -> dict[str, Mode[Any]]:
    """Every mode by name, in the order of MODULES."""
    modes = {name: get_mode(name) for name in MODULES}
    return {name: mode for name, mode in modes.items() if mode is not None}
