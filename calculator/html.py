"""HTML building blocks. Every piece of text goes through :func:`esc`; nothing else writes markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .evidence import SOURCES

_ROOT = re.compile(r"(\.\./)*|\./")


@dataclass(frozen=True)
class Context:
    """Where a fragment will be shown: ``root`` is the relative path from that page to the site root.

    Links are relative so the site works under any sub-path (GitHub Pages project sites live at /<repo>/).
    """

    root: str = ""

    @classmethod
    def for_root(cls, root: object) -> Context:
        """A context for a root sent by a page; anything but ``./`` or ``../`` steps is ignored."""
        return cls(root if isinstance(root, str) and _ROOT.fullmatch(root) else "")

    def url(self, path: str) -> str:
        return self.root + path


def esc(text: object) -> str:
    """Escape any value for use in HTML text or a quoted attribute.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return escape(str(text), quote=True)


def link(ctx: Context, path: str, text: str) -> str:
    return f'<a href="{esc(ctx.url(path))}">{esc(text)}</a>'


def cite(ctx: Context, source_id: str) -> str:
    """A short citation: the source's name and trust level, linked to its Sources page entry."""
    source = SOURCES[source_id]
    return (
        f'<a class="ssi-cite" href="{esc(ctx.url("sources/#" + source.id))}">{esc(source.title)}</a>'
        f' <span class="ssi-trust ssi-trust--{esc(source.trust.name.lower())}">{esc(source.trust.value)}</span>'
    )


def number(value: float, places: int = 1) -> str:
    """A number for display: fixed places, trailing zeros trimmed, never "-0".

    >>> number(5.0), number(5.25, 2), number(-0.04)
    ('5', '5.25', '0')
    """
    text = f"{value:.{places}f}".rstrip("0").rstrip(".") if places else f"{value:.0f}"
    return "0" if text in ("-0", "") else text


def notice(message: str, items: str = "") -> str:
    """A message box for the result area; ``items`` is list markup already escaped."""
    listing = f"<ul>{items}</ul>" if items else ""
    return f'<div class="ssi-notice" role="alert"><p>{esc(message)}</p>{listing}</div>'
