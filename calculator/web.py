"""The one boundary the browser calls: raw form values in, an HTML fragment and field messages out.

The page never computes and Python never touches the page: :func:`handle_json` takes and returns JSON text
so nothing but strings crosses between JavaScript and Python (no proxies to leak).
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Mapping
from typing import Any, TypedDict

from .forms import field_id
from .html import Context, esc
from .inputs import parse_form
from .modes import FormErrors, registry


class Response(TypedDict):
    ok: bool
    html: str
    errors: dict[str, str]
    values: dict[str, str]


def handle(mode_name: str, values: Mapping[str, object], root: object = "") -> Response:
    """Validate ``values`` for a mode, run it, and render the result (or say what to fix)."""
    modes = registry()
    mode = modes.get(mode_name)
    kept = {k: v for k, v in values.items() if isinstance(k, str) and isinstance(v, str)}
    if mode is None:
        return Response(ok=False, html=_notice(f"There is no calculator called “{mode_name}”."),
                        errors={}, values=kept)
    ctx = Context.for_root(root)
    parsed, errors = parse_form(mode.fields, values)
    try:
        if not errors:
            result = mode.run(parsed)
            return Response(ok=True, html=mode.render_html(result, ctx), errors={}, values=kept)
    except FormErrors as problem:
        errors = problem.errors
    labels = {f.name: f.label for f in mode.fields}
    items = "".join(
        f'<li><a href="#{esc(field_id(mode.name, f))}">{esc(labels[f.name])}</a>: {esc(errors[f.name])}</li>'
        for f in mode.fields if f.name in errors
    )
    return Response(
        ok=False,
        html=_notice("Check the highlighted fields; the result will update as soon as they are valid.", items),
        errors=errors,
        values=kept,
    )


def handle_json(mode_name: str, request_json: str, root: str = "") -> str:
    """:func:`handle` for JSON text; a bug becomes a message, never a traceback on the page."""
    try:
        request: Any = json.loads(request_json)
        if not isinstance(request, dict):
            raise TypeError("the form values must be a JSON object")
        return json.dumps(handle(mode_name, request, root))
    except Exception as error:  # noqa: BLE001 - the page must get an answer whatever went wrong
        return json.dumps({
            "ok": False,
            "html": _notice("Sorry, the calculator hit an error it did not expect. Your values are kept;"
                            " change one to try again."),
            "errors": {},
            "values": {},
            "debug": "".join(traceback.format_exception_only(error)).strip(),
        })


def _notice(message: str, items: str = "") -> str:
    listing = f"<ul>{items}</ul>" if items else ""
    return f'<div class="ssi-notice" role="alert"><p>{esc(message)}</p>{listing}</div>'
