"""The calculator forms, rendered from each mode's fields at build time so form and validation agree."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from .html import esc
from .inputs import Field


def field_id(mode: str, field: Field) -> str:
    return f"{mode}-{field.name}"


def render_field(mode: str, field: Field, value: str) -> str:
    fid = field_id(mode, field)
    required = ' aria-required="true"' if field.required else ""
    return (
        f'<div class="ssi-field" data-field="{esc(field.name)}">'
        f'<label for="{fid}">{esc(field.label)}</label>'
        f'<input id="{fid}" name="{esc(field.name)}" type="text" inputmode="decimal" autocomplete="off"'
        f' spellcheck="false" value="{esc(value)}"{required} aria-describedby="{fid}-help {fid}-error">'
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
