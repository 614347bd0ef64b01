"""What a calculator mode is, and the registry of modes the site and the command line offer.

A mode is its fields, a function from parsed values to a result, and two views of that result (an HTML
fragment and plain text). Adding a mode means adding one module and one line below.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from .fields import Field, FormErrors, Parsed, parse_form
from .forms import field_id
from .html import Context, esc, notice


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


# The module that defines each mode (as MODE). A mode's module is imported on first use,
# so a page in the browser compiles only the Python its own calculator needs. Add a line per new mode.
MODULES: dict[str, str] = {
    "interpret": "interpret.mode",
    "funnel": "outreach.funnel_mode",
    "pacing": "outreach.pacing_mode",
    "warmup": "outreach.warmup_mode",
    "estimate": "estimate.estimate_mode",
    "plan": "estimate.plan_mode",
    "track": "track.mode",
    "paste": "track.paste_cli",
}
# Names a mode was known by before: pages and command lines that still use them get the mode they meant.
ALIASES: dict[str, str] = {"history": "track"}


def get_mode(name: str) -> Mode[Any] | None:
    """The mode called ``name`` (or once called so), or None when there is no such mode."""
    module_name = MODULES.get(ALIASES.get(name, name))
    if module_name is None:
        return None
    mode: Mode[Any] = importlib.import_module(f"{__package__}.{module_name}").MODE
    return mode


def registry() -> dict[str, Mode[Any]]:
    """Every mode by name, in the order of MODULES."""
    modes = {name: get_mode(name) for name in MODULES}
    return {name: mode for name, mode in modes.items() if mode is not None}


def run_form(mode: Mode[Any], request: WebRequest, kept: dict[str, str]) -> Response:
    ctx = Context.for_root(request.root)
    parsed, errors = parse_form(mode.fields, request.values)
    try:
        if not errors:
            return Response(ok=True, html=mode.render_html(mode.run(parsed), ctx), errors={}, values=kept)
    except FormErrors as problem:
        errors = problem.errors
    return Response(ok=False, html=error_summary(mode, errors), errors=errors, values=kept)


def error_summary(mode: Mode[Any], errors: dict[str, str]) -> str:
    """A list of the fields to fix, each linked to its field (the messages also sit next to the fields)."""
    items = "".join(
        f'<li><a href="#{esc(field_id(mode.name, f))}">{esc(f.label)}</a>: {esc(errors[f.name])}</li>'
        for f in mode.fields if f.name in errors
    )
    items += "".join(f"<li>{esc(message)}</li>" for name, message in errors.items()
                     if name not in {f.name for f in mode.fields})
    return notice("Check the highlighted fields; the result will update as soon as they are valid.", items)
