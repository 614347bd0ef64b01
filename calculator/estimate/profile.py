"""The profile form shared by "Estimate my score" and "Plan my next weeks", and its JSON file for the CLI.

Field names are the attribute names of :class:`EstimateInputs`, so form values, a page address and a
profile JSON file all use the same keys. An empty number means 0; a yes/no item left out of a file means no.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from ..fields import Field, FieldError, FormErrors, Parsed
from ..pillars import Pillar
from .personas import TYPICAL
from .score import EstimateInputs
from .terms import TERMS, TERMS_BY_KEY, Account, Term

D = Decimal
YES_NO = (("yes", "Yes"), ("no", "No"))
ACCOUNTS: tuple[tuple[str, str], ...] = (("free", "Free (or Premium without Sales Navigator)"),
                                          ("sales_navigator", "Sales Navigator"))

# (help text, largest accepted value, decimal places). The period is in each help text.
_SPEC: dict[str, tuple[str, int, int]] = {
    "photo": ("A clear photo of your face on your profile.", 1, 0),
    "banner": ("A background image of your own, not LinkedIn's default.", 1, 0),
    "headline": ("A headline that says whom you help and how, not just a job title.", 1, 0),
    "about": ("A filled-in About section.", 1, 0),
    "experience": ("Your current and past roles, each with a line or two about them.", 1, 0),
    "skills": ("How many skills your profile lists (LinkedIn allows up to 100).", 100, 0),
    "featured": ("At least one post, document or link in your Featured section.", 1, 0),
    "endorsements": ("All the skill endorsements you have received, added up.", 100_000, 0),
    "posts_per_month": ("Posts and articles you publish in a typical month (decimals allowed: 0.5 = one"
                        " every two months).", 1_000, 1),
    "followers": ("Your follower count, as your profile or dashboard shows it.", 100_000_000, 0),
    "searches_per_week": ("People searches you run in a typical week.", 10_000, 1),
    "views_made_per_week": ("Profiles you open in a typical week.", 10_000, 1),
    "views_received_per_week": ("Views of your profile in a typical week (LinkedIn shows 90 days: divide by"
                                " 13).", 1_000_000, 1),
    "days_active": ("Days in a typical week on which you use LinkedIn at all, 0 to 7.", 7, 0),
    "sn_searches_per_week": ("Searches in Sales Navigator in a typical week. Counts only with Sales Navigator.",
                             10_000, 1),
    "lead_saves_per_week": ("Leads you save in Sales Navigator in a typical week. Counts only with Sales"
                            " Navigator.", 10_000, 1),
    "comments_per_week": ("Comments you write on other people's posts in a typical week.", 10_000, 1),
    "shares_per_week": ("Posts you reshare with a comment of your own in a typical week.", 10_000, 1),
    "reactions_per_week": ("Likes and other reactions you give in a typical week.", 100_000, 1),
    "response_rate": ("Of the messages and InMails you sent last month, the share that got an answer, 0 to"
                      " 100%.", 100, 1),
    "group_posts_per_month": ("Posts and comments you make in LinkedIn groups in a typical month.", 10_000, 1),
    "account_saves_per_week": ("Accounts (companies) you save in Sales Navigator in a typical week. Counts only"
                               " with Sales Navigator.", 10_000, 1),
    "research_views_per_week": ("Account pages you open in Sales Navigator in a typical week. Counts only with"
                                " Sales Navigator.", 10_000, 1),
    "connections": ("Your number of first-degree connections (LinkedIn's cap is 30,000).", 30_000, 0),
    "senior_share": ("Roughly what share of your connections are VP, director-level or above, 0 to 100%.",
                     100, 1),
    "colleagues": ("Connections who work at your company now.", 30_000, 0),
    "acceptance_rate": ("Of the invitations you sent in the last few months, the share accepted, 0 to 100%.",
                        100, 1),
}

LEGENDS: dict[str, str] = {
    Pillar.BRAND.value: "Establish your professional brand: your profile and what you publish",
    Pillar.FIND.value: "Find the right people: searching and looking",
    Pillar.ENGAGE.value: "Engage with insights: reacting, commenting, sharing, answering",
    Pillar.RELATE.value: "Build relationships: your network",
}


def _default(term: Term) -> str:
    value = TYPICAL.inputs.amount(term)
    if term.curve == "flag":
        return "yes" if value else "no"
    return f"{value:g}"


def _field(term: Term) -> Field:
    help_text, biggest, places = _SPEC[term.key]
    group = term.pillar.value
    if term.curve == "flag":
        return Field(term.key, term.label, help_text, kind="choice", choices=YES_NO, default=_default(term),
                     group=group)
    percent = term.unit == "%" or term.unit.startswith("% ")
    unit = "" if percent else term.unit
    what = "percentage" if percent else "number of days" if term.key == "days_active" else "count"
    return Field(term.key, term.label + (" (%)" if percent else ""), help_text, D(0), D(biggest), places=places,
                 default=_default(term), group=group, percent=percent, what=what, unit=unit)


ACCOUNT_FIELD = Field("account", "Your plan", "Sales Navigator adds lead saves and its own searches to “find”,"
                      " and saved accounts and account research to “engage”.",
                      kind="choice", choices=ACCOUNTS, default=TYPICAL.inputs.account, group=Pillar.FIND.value)


def _fields() -> tuple[Field, ...]:
    result: list[Field] = []
    for term in TERMS:
        if term.key == "sn_searches_per_week":
            result.append(ACCOUNT_FIELD)  # just before the inputs it switches on
        result.append(_field(term))
    return tuple(result)


PROFILE_FIELDS: tuple[Field, ...] = _fields()
PROFILE_NAMES: tuple[str, ...] = tuple(f.name for f in PROFILE_FIELDS)


def inputs_from(values: Parsed) -> EstimateInputs:
    """The model's inputs from parsed form values; an empty number is 0. Raises FormErrors for a misfit."""
    amounts: dict[str, Any] = {}
    for term in TERMS:
        if term.curve == "flag":
            amounts[term.key] = values.text(term.key) == "yes"
        else:
            number = values.number(term.key)
            amounts[term.key] = 0.0 if number is None else float(number)
    account = cast(Account, values.text("account") or "free")
    inputs = EstimateInputs(account=account, **amounts)
    if inputs.colleagues > inputs.connections:
        raise FormErrors({"colleagues": f"You have {inputs.connections:g} connections in all, so no more than"
                                        f" {inputs.connections:g} of them can be colleagues."})
    return inputs


def values_for(inputs: EstimateInputs) -> dict[str, str]:
    """Form values that give back ``inputs`` (for links that carry a profile to another page)."""
    values: dict[str, str] = {"account": inputs.account}
    for term in TERMS:
        amount = inputs.amount(term)
        values[term.key] = ("yes" if amount else "no") if term.curve == "flag" else f"{amount:g}"
    return values


# ---- Profile files (command line only: the browser never reads files here) ---------------------------


def profile_values(data: object) -> dict[str, str]:
    """Form values from a parsed profile JSON object: known keys only; numbers, yes/no, true/false or null.

    >>> v = profile_values({"photo": True, "connections": 450, "account": "free"})
    >>> v["photo"], v["banner"], v["connections"], v["comments_per_week"]
    ('yes', 'no', '450', '')
    """
    if not isinstance(data, Mapping):
        raise FieldError("The profile must be a JSON object, such as {\"connections\": 450, \"photo\": true}.")
    unknown = sorted(str(k) for k in data if k not in PROFILE_NAMES)
    if unknown:
        raise FieldError(f"Unknown key(s) {', '.join(repr(k) for k in unknown)}. Known keys: "
                           f"{', '.join(PROFILE_NAMES)}.")
    values: dict[str, str] = {}
    for name in PROFILE_NAMES:
        flag = name in TERMS_BY_KEY and TERMS_BY_KEY[name].curve == "flag"
        raw = data.get(name)
        if raw is None:
            values[name] = "no" if flag else "free" if name == "account" else ""
        elif isinstance(raw, bool):
            values[name] = ("yes" if raw else "no") if flag else str(raw).lower()  # a number field says why not
        elif isinstance(raw, int | float | str):
            values[name] = str(raw)
        else:
            raise FieldError(f"{name!r} must be a number, true/false or a word, not a JSON {type(raw).__name__}.")
    return values


def load_profile(path: str) -> dict[str, str]:
    """Read a profile JSON file into form values; every problem becomes a :class:`~calculator.fields.FieldError`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise FieldError(f"Cannot read {path}: {error.strerror or error}.") from None
    except UnicodeDecodeError:
        raise FieldError(f"{path} is not UTF-8 text; save it as plain JSON.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FieldError(f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column"
                           f" {error.colno}.") from None
    return profile_values(data)
