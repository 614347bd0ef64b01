"""The calculator forms, rendered from each mode's fields at build time so form and validation agree."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from .fields import MAX_FILE_BYTES, Field
from .html import esc


def field_id(mode: str, field: Field) -> str:
    return f"{mode}-{field.name}"


def _control(fid: str, field: Field, value: str) -> str:
    described = f'aria-describedby="{fid}-help {fid}-error"'
    name = esc(field.name)
    if field.kind == "choice":
        options = "".join(
            f'<option value="{esc(v)}"{" selected" if v == value else ""}>{esc(label)}</option>'
            for v, label in field.choices
        )
        return f'<select id="{fid}" name="{name}" {described}>{options}</select>'
    if field.kind == "check":
        # A hidden "" first so an unticked box still sends its name; the checkbox's "on" follows it.
        return (f'<input type="hidden" name="{name}" value="">'
                f'<input id="{fid}" name="{name}" type="checkbox" value="on"{" checked" if value == "on" else ""}'
                f" {described}>")
    if field.kind == "file":
        accept = "".join(f' accept="{esc(v)}"' for k, v in field.choices if k == "accept")
        accept += " multiple" if ("multiple", "") in field.choices else ""
        return f'<input id="{fid}" name="{name}" type="file"{accept} data-max-bytes="{MAX_FILE_BYTES}" {described}>'
    if field.kind == "textarea":
        return (f'<textarea id="{fid}" name="{name}" rows="6" autocomplete="off" spellcheck="false"'
                f" {described}>{esc(value)}</textarea>")
    # The keyboard a phone shows: digits only for counts, digits and a decimal mark for the rest.
    mode = (' inputmode="numeric"' if field.places == 0 else ' inputmode="decimal"') if field.kind == "number" else ""
    required = ' aria-required="true"' if field.required else ""
    return (f'<input id="{fid}" name="{name}" type="text"{mode} autocomplete="off" spellcheck="false"'
            f' value="{esc(value)}"{required} {described}>')


def render_field(mode: str, field: Field, value: str) -> str:
    fid = field_id(mode, field)
    unit = f' <span class="ssi-field__unit">({esc(field.unit)})</span>' if field.unit else ""
    return (
        f'<div class="ssi-field ssi-field--{esc(field.kind)}" data-field="{esc(field.name)}">'
        f'<label for="{fid}">{esc(field.label)}{unit}</label>'
        f"{_control(fid, field, value)}"
        f'<p class="ssi-field__help" id="{fid}-help">{esc(field.help)}</p>'
        f'<p class="ssi-field__error" id="{fid}-error" data-error-for="{esc(field.name)}"></p>'
        "</div>"
    )


def render_form(mode: str, fields: Sequence[Field], legends: dict[str, str], values: dict[str, str]) -> str:
    """The whole form: one fieldset per group of fields, each field labelled and described."""
    parts = [f'<form class="ssi-form" id="{esc(mode)}-form" novalidate autocomplete="off">']
    for group, members in groupby(fields, key=lambda f: f.group):
        parts.append(f'<fieldset class="ssi-group ssi-group--{esc(group)}"><legend>{esc(legends[group])}</legend>')
        parts.extend(render_field(mode, f, values.get(f.name, f.default)) for f in members)
        parts.append("</fieldset>")
    parts.append("</form>")
    return "".join(parts)
