"""What a calculator mode is, and the registry of modes the site and the command line offer.

A mode is its fields, a function from parsed values to a result, and two views of that result (an HTML
fragment and plain text). Adding a mode means adding one module that defines ``MODE`` and one line in
:data:`MODULES`. :func:`answer` is the one path from a request to a response; :func:`evaluate` is the same
for the command line.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NotRequired, TypedDict

from .fields import Field, FormErrors, Parsed, parse_form
from .forms import field_id
from .html import Context, esc, notice


@dataclass(frozen=True)
class SentFile:
    """One of several files chosen at once in a ``multiple`` file field (the team view)."""

    name: str
    text: str | None  # None when the page did not read it (too large)
    size: int


@dataclass(frozen=True)
class WebRequest:
    """Everything the page sends: raw form values, and for stateful modes the rest of the browser's side."""

    mode: str
    values: Mapping[str, object]
    root: str = ""
    action: str = ""  # the button or file field that sent the request; "" for an edit
    stored: str | None = None  # the mode's saved text from the browser's local storage
    file_name: str = ""
    file_text: str | None = None  # a chosen file as text (the command line, tests); the page sends file_bytes
    file_size: int = 0
    files: tuple[SentFile, ...] = ()  # from a field that takes several files; then the file_* above are unset
    file_bytes: bytes | None = None  # a chosen file as it is (None when none came, or it was too large to read)
    # Kept by the page from the last answer ("pending"), and sent back with every request until an answer
    # replaces it: what this page saved and has not yet seen stored (None for nothing).
    pending: str | None = None
    store_problem: str = ""  # why the browser refused to store the last text it was given ("" when it did not)


class Download(TypedDict):
    name: str
    type: str
    text: str


class Response(TypedDict):
    ok: bool
    html: str
    errors: dict[str, str]
    values: dict[str, str]  # the form values to keep (and to put in the address's fragment, where a mode shares)
    store: NotRequired[str]  # new text for the mode's local storage
    # The text was made from the request's ``stored``: if another tab stored a different text since, the page
    # does not write it but asks again (with the text stored now), so the save is merged into that.
    merge: NotRequired[bool]
    pending: NotRequired[str]  # for the page to send back with its next requests (WebRequest.pending)
    download: NotRequired[Download]  # a file for the browser to offer
    # Names ``html`` (web.handle): the page leaves a result it already shows in place, without comparing
    # HTML the theme and the build have since rewritten (absolute links, table boxes).
    digest: NotRequired[str]


@dataclass(frozen=True)
class Command:
    """A command line of a mode's own (``python -m calculator NAME ...``), for modes whose input is a file."""

    add_arguments: Callable[[argparse.ArgumentParser], None]
    main: Callable[[argparse.Namespace], int]


def _no_description() -> str:
    return ""


@dataclass(frozen=True)
class Mode[R]:
    """One calculator: its fields, a function from their parsed values to a result, and views of that result.

    The generic path (:func:`answer`) parses the form, runs the mode, renders the result or the messages by
    field, keeps what :attr:`with_saved` says, and attaches the file a download button asks for. Only a mode
    whose every request works on saved state (the tracker) answers requests itself, with ``handle_request``.
    """

    name: str
    title: str
    fields: tuple[Field, ...]
    legends: dict[str, str]
    run: Callable[[Parsed], R]  # may raise FormErrors
    render_html: Callable[[R, Context], str]
    render_text: Callable[[R], str]
    describe: Callable[[], str] = _no_description  # the model, as HTML, for the methodology text
    # A button's action -> the file it offers, made from the result (the model runs once).
    downloads: Mapping[str, Callable[[R], Download]] = field(default_factory=dict)
    # For a mode that keeps something in the browser's local storage: from the result and the request (its
    # action and saved text), the result to show and the new text to save (None leaves the saved text alone).
    with_saved: Callable[[R, WebRequest], tuple[R, str | None]] | None = None
    handle_request: Callable[[WebRequest], Response] | None = None
    storage_key: str = ""  # the local-storage key the page keeps for this mode, if any
    # Keep the form values in the page address's fragment (never sent to a server), so a result can be shared.
    url_state: bool = False
    # Start Python only when the visitor first types in the form, not when the page loads: for a small form
    # on a page most visitors only read (the home page).
    start_on_input: bool = False
    # Without a command of its own, required fields become positional arguments and optional ones --options.
    command: Command | None = None
    # Modes that share a group appear on the command line as ``python -m calculator GROUP NAME ...``.
    cli_group: str = ""

    def defaults(self) -> dict[str, str]:
        return {f.name: f.default for f in self.fields}


# The module that defines each mode (as MODE). A mode's module is imported on first use,
# so a page in the browser compiles only the Python its own calculator needs. Add a line per new mode.
MODULES: dict[str, str] = {
    "interpret": "interpret.mode",
    "quick": "interpret.quick_mode",
    "funnel": "outreach.funnel_mode",
    "pacing": "outreach.pacing_mode",
    "warmup": "outreach.warmup_mode",
    "estimate": "estimate.estimate_mode",
    "plan": "estimate.plan_mode",
    "track": "track.mode",
    "paste": "track.paste_cli",
    "team": "team.mode",
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


def form_values(request: WebRequest) -> dict[str, str]:
    """The request's form values that are text (a corrupt or hand-written request may hold anything else)."""
    return {k: v for k, v in request.values.items() if isinstance(k, str) and isinstance(v, str)}


@dataclass(frozen=True)
class Evaluated[R]:
    """A mode's result, and how entries that could be read two ways were read (by field name)."""

    result: R
    notes: dict[str, str] = field(default_factory=dict)


def evaluate[R](mode: Mode[R], values: Mapping[str, object]) -> Evaluated[R]:
    """Parse the values for ``mode`` and run it; FormErrors holds a message for each field to fix."""
    parsed = parse_form(mode.fields, values)
    return Evaluated(mode.run(parsed), parsed.notes)


def answer(mode: Mode[Any], request: WebRequest) -> Response:
    """The page's answer to one request: the result, what to save and the file asked for, or what to fix."""
    if mode.handle_request is not None:
        return mode.handle_request(request)
    kept = form_values(request)
    try:
        evaluated = evaluate(mode, request.values)
    except FormErrors as problem:
        return Response(ok=False, html=error_summary(mode, problem.errors), errors=problem.errors, values=kept)
    result, store = evaluated.result, None
    if mode.with_saved is not None:
        # A text the browser refused to store stands for the stored one on this page, and is offered again.
        refused = request.pending if request.store_problem and request.pending is not None else None
        result, store = mode.with_saved(result, request if refused is None else replace(request, stored=refused))
        store = refused if store is None else store
    html = read_as(mode, evaluated.notes) + mode.render_html(result, Context.for_root(request.root))
    response = Response(ok=True, html=html, errors={}, values=kept)
    if store is not None:
        response["store"] = store
        response["pending"] = store  # sent back while the browser refuses to store it
    make = mode.downloads.get(request.action)
    if make is not None:
        response["download"] = make(result)
    return response


def read_as(mode: Mode[Any], notes: Mapping[str, str]) -> str:
    """How entries that could be read two ways were read, each linked to its field; "" when none was."""
    items = "".join(f'<li><a href="#{esc(field_id(mode.name, f))}">{esc(f.label)}</a>: {esc(notes[f.name])}</li>'
                    for f in mode.fields if f.name in notes)
    if not items:
        return ""
    return f'<div class="ssi-notice ssi-read-as" role="status"><p>How your numbers were read:</p><ul>{items}</ul></div>'


def error_summary(mode: Mode[Any], errors: dict[str, str]) -> str:
    """A list of the fields to fix, each linked to its field (the messages also sit next to the fields)."""
    items = "".join(
        f'<li><a href="#{esc(field_id(mode.name, f))}">{esc(f.label)}</a>: {esc(errors[f.name])}</li>'
        for f in mode.fields if f.name in errors
    )
    items += "".join(f"<li>{esc(message)}</li>" for name, message in errors.items()
                     if name not in {f.name for f in mode.fields})
    return notice("Check the highlighted fields; the result will update as soon as they are valid.", items)


# ---- the command line's share -------------------------------------------------------------------------------


def add_option(parser: argparse.ArgumentParser, f: Field, default: str | None = "") -> None:
    """``--name-with-dashes N`` for a field, its help text from the field."""
    parser.add_argument("--" + f.name.replace("_", "-"), dest=f.name, default=default, metavar="N",
                        help=_help(f))


def add_positional(parser: argparse.ArgumentParser, f: Field) -> None:
    parser.add_argument(f.name, metavar=f.name.upper(), help=_help(f))


def _help(f: Field) -> str:
    return f"{f.label}: {f.help}".replace("%", "%%")  # argparse formats help with %


def cli_notes(fields: Sequence[Field], notes: Mapping[str, str]) -> str:
    """How entries that could be read two ways were read, one line per field, for the command line."""
    return "".join(f"Note: {f.label}: {notes[f.name]}\n" for f in fields if f.name in notes)


def cli_errors(fields: Sequence[Field], values: Mapping[str, str], errors: Mapping[str, str], where: str = "",
               by_key: bool = False) -> str:
    """The messages for the command line, one line per field in form order.

    ``by_key`` names each value by its key and lists a choice field's options: for values read from a file
    the person wrote (a profile), where keys are what they typed. Otherwise the field's label names it.
    """
    lines = []
    for f in fields:
        if f.name not in errors:
            continue
        value = values.get(f.name, "")
        if by_key:
            options = f" Use one of: {', '.join(v for v, _ in f.choices)}." if f.kind == "choice" else ""
            lines.append(f"{where}{f.name} ({value!r}): {errors[f.name]}{options}")
        else:
            lines.append(f"{where}{f.label} ({value!r}): {errors[f.name]}")
    return "".join(line + "\n" for line in lines)
