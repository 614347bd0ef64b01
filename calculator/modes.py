"""What a calculator mode is, and the registry of modes the site and the command line offer.

A mode is its fields, a function from parsed values to a result, and two views of that result (an HTML
fragment and plain text). Adding a mode means adding one module and one line below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from .html import Context
from .inputs import Field

R = TypeVar("R")

Parsed = Mapping[str, Decimal | None]


class FormErrors(Exception):
    """Values that are each valid but do not fit together; messages keyed by field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Mode(Generic[R]):
    name: str
    title: str
    fields: tuple[Field, ...]
    legends: dict[str, str]
    run: Callable[[Parsed], R]  # may raise FormErrors
    render_html: Callable[[R, Context], str]
    render_text: Callable[[R], str]
    describe: Callable[[], str] = field(default=lambda: "")  # the model, as HTML, for the methodology text

    def defaults(self) -> dict[str, str]:
        return {f.name: f.default for f in self.fields}


def registry() -> dict[str, Mode[Any]]:
    """Every mode by name. Imported lazily so a mode module may import this one."""
    from . import interpret_view

    return {m.name: m for m in (interpret_view.MODE,)}
