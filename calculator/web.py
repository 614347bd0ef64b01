"""The one boundary the browser calls: raw form values in, an HTML fragment and field messages out.

The page never computes and Python never touches the page: :func:`handle_json` takes and returns JSON text
so nothing but strings crosses between JavaScript and Python (no proxies to leak).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .html import notice
from .modes import Response, SentFile, WebRequest, answer, form_values, get_mode


def handle(request: WebRequest) -> Response:
    """Validate the request's values for its mode, run the mode, and render the result or what to fix."""
    mode = get_mode(request.mode)
    if mode is None:
        return Response(ok=False, html=notice(f"There is no calculator called “{request.mode}”."),
                        errors={}, values=form_values(request))
    response = answer(mode, request)
    response["digest"] = digest(response["html"])
    return response


def digest(html: str) -> str:
    """A short name for a result's HTML: the same HTML, the same name, in the build and in the browser.

    >>> digest("<p>53</p>") == digest("<p>53</p>") != digest("<p>54</p>")
    True
    """
    return hashlib.blake2s(html.encode("utf-8"), digest_size=8).hexdigest()


def handle_json(request_json: str) -> str:
    """:func:`handle` for JSON text; a bug becomes a message, never a traceback on the page."""
    try:
        data: Any = json.loads(request_json)
        if not isinstance(data, dict) or not isinstance(data.get("values", {}), dict):
            raise TypeError("the request must be a JSON object with an object of values")
        request = WebRequest(
            mode=str(data.get("mode", "")),
            values=data.get("values", {}),
            root=str(data.get("root") or ""),
            action=str(data.get("action") or ""),
            stored=data["stored"] if isinstance(data.get("stored"), str) else None,
            file_name=str(data.get("file_name") or ""),
            file_text=data["file_text"] if isinstance(data.get("file_text"), str) else None,
            file_size=int(data.get("file_size") or 0),
            files=_files(data.get("files")),
            file_bytes=_bytes(data.get("file_base64")),
            pending=data["pending"] if isinstance(data.get("pending"), str) else None,
            store_problem=str(data.get("store_problem") or "")[:300],
        )
        return json.dumps(handle(request))
    except Exception as error:  # noqa: BLE001 - the page must get an answer whatever went wrong
        return json.dumps({
            "ok": False,
            "html": notice("Sorry, the calculator hit an error it did not expect. Your values are kept;"
                           " change one to try again."),
            "errors": {},
            "values": {},
            "debug": _describe(error),
        })


def _files(sent: Any) -> tuple[SentFile, ...]:
    """The files of a field that takes several; anything that is not a list of file objects is ignored."""
    if not isinstance(sent, list):
        return ()
    return tuple(SentFile(str(f.get("name") or ""), f["text"] if isinstance(f.get("text"), str) else None,
                          int(f.get("size") or 0)) for f in sent if isinstance(f, dict))
def _bytes(base64_text: object) -> bytes | None:
    """A file's bytes, which the page sends as base64 (JSON holds only text); None when none came."""
    if not isinstance(base64_text, str):
        return None
    import base64  # only for a request with a file
    import binascii

    try:
        return base64.b64decode(base64_text, validate=True)
    except binascii.Error:
        return None


def _describe(error: Exception) -> str:
    import traceback  # only when something went wrong: keeps the calculator's start-up small

    return "".join(traceback.format_exception(error))[-2000:]
