#!/usr/bin/env python3
"""Shows that a change to ``calculator/`` leaves what people see unchanged.

    python3 scripts/compare_outputs.py dump DIR          # write every output of this tree into DIR
    python3 scripts/compare_outputs.py compare OLD NEW   # list the outputs that differ (exit 1 if any)

``dump`` writes, one file each:

- every calculator widget exactly as the MkDocs hook pre-renders it into its page (form plus the result for the
  default values), for each ``<!-- calculator: NAME -->`` marker in ``docs/``, and every mode's generated
  model description (``<!-- calculator-model: NAME -->``);
- the JSON answer of :func:`calculator.web.handle_json` to a set of requests: each mode's defaults, every field
  of every mode given each of a few hostile or awkward texts, and the buttons (saving a starting point, the
  downloads, the tracker's add, edit, delete, import, export and paste, damaged saved data);
- stdout, stderr and the exit status of command lines: the README's examples, each mode's defaults, help texts
  and mistakes.

``compare`` folds the one intended rename (the mode ``history`` became ``track``: element ids ``history-…`` and
``data-calculator="history"``) before comparing, and prints a unified diff of the first few differences.
Standard library only; run it with the interpreter that runs the calculator.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RENAMED = {"history": "track"}  # old mode name -> new
HOSTILE = ("", "abc", "-1", "1,200", "1 200", "6,4", "1.250", "<b>x</b>", "1e5", "Top 9%", "99999999", "nan")
TODAY = "2026-06-01"
READINGS_CSV = (
    "date,brand,find,engage,relate,industry_rank,note\n"
    "2026-03-02,18.5,5.1,9.0,13.2,12,started\n"
    "2026-03-30,19.25,5.8,9.6,13.9,,\n"
    "2026-04-27,20.1,6.0,10.0,14.4,10,\"a note, with a comma\"\n"
    "2026-05-19,20.998,6.4,10.25,15,9,\n"
    "2026-05-20,not a number,6.4,10.25,15,,\n"
)


def _load(name: str, path: Path, package: bool = False) -> ModuleType:
    """Import the file (or package) at ``path`` as ``name``, whatever is installed in the interpreter."""
    search = [str(path.parent)] if package else None
    spec = importlib.util.spec_from_file_location(name, path, submodule_search_locations=search)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _hooks() -> ModuleType:
    for candidate in (ROOT / "site_build" / "hooks.py", ROOT / "scripts" / "hooks.py"):
        if candidate.exists():
            return _load("ssi_hooks_under_test", candidate)
    raise SystemExit("no MkDocs hooks file found (scripts/hooks.py or site_build/hooks.py)")


def _markers() -> list[tuple[str, str, str]]:
    """(kind, mode name, page URL) for every calculator marker in the docs, as MkDocs addresses the pages."""
    found = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        rel = page.relative_to(ROOT / "docs").with_suffix("")
        url = "" if rel.as_posix() == "index" else rel.as_posix().removesuffix("/index") + "/"
        for kind, name in re.findall(r"^<!-- (calculator|calculator-model): ([a-z-]+) -->$", page.read_text(),
                                     re.MULTILINE):
            found.append((kind, name, url))
    return found


def _requests(registry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Named requests for handle_json; mode names as this tree calls them."""
    out: dict[str, dict[str, Any]] = {}
    for name, mode in registry.items():
        defaults = mode.defaults()
        key = RENAMED.get(name, name)
        out[f"{key}.defaults"] = {"mode": name, "values": defaults, "root": "../../"}
        for field in mode.fields:
            for n, text in enumerate(HOSTILE):
                out[f"{key}.{field.name}.{n}"] = {"mode": name, "values": {**defaults, field.name: text}}
    names = set(registry)
    track = "track" if "track" in names else "history"
    est, plan, warm = registry["estimate"].defaults(), registry["plan"].defaults(), registry["warmup"].defaults()
    out["estimate.start"] = {"mode": "estimate", "values": est, "action": "start"}
    out["estimate.clear"] = {"mode": "estimate", "values": est, "action": "clear", "stored": "{}"}
    changed = {**est, "posts_per_week": "3"} if "posts_per_week" in est else dict(est)
    out["estimate.compare"] = {"mode": "estimate", "values": changed, "stored": json.dumps(est)}
    out["estimate.badstart"] = {"mode": "estimate", "values": est, "stored": "{not json"}
    out["plan.download"] = {"mode": "plan", "values": plan, "action": "download"}
    out["plan.budget"] = {"mode": "plan", "values": {**plan, "target": "", "budget": "90"}}
    out["plan.neither"] = {"mode": "plan", "values": {**plan, "target": "", "budget": ""}}
    out["warmup.csv"] = {"mode": "warmup", "values": warm, "action": "csv"}
    out["warmup.dormant"] = {"mode": "warmup", "values": {**warm, "start": "dormant", "days": "2"}}
    reading = {"date": "2026-05-19", "brand": "20.998", "find": "6.4", "engage": "10.25", "relate": "15",
               "industry_rank": "Top 9%", "note": "<script>x</script>"}
    saved = json.dumps({"format": "ssi-field-guide/readings", "version": 1, "readings": [
        {"date": "2026-05-12", "brand": "20", "find": "6", "engage": "10", "relate": "14"},
        {"date": "2026-05-19", "brand": "20.998", "find": "6.4", "engage": "10.25", "relate": "15"}]})
    tv = registry[track].defaults()
    paste = (ROOT / "tests/unit/fixtures/paste").glob("*")
    cases: dict[str, dict[str, Any]] = {
        "add": {"values": {**tv, **reading}, "action": "add"},
        "add-bad": {"values": {**tv, **reading, "brand": "26"}, "action": "add"},
        "add-replace": {"values": {**tv, **reading}, "action": "add", "stored": saved},
        "delete": {"values": tv, "action": "delete:2026-05-19", "stored": saved},
        "delete-missing": {"values": tv, "action": "delete:2020-01-01", "stored": saved},
        "edit": {"values": tv, "action": "edit:2026-05-12", "stored": saved},
        "save-edit": {"values": {**tv, "edit_date": "2026-05-12", "edit_brand": "21", "edit_find": "6",
                                 "edit_engage": "10", "edit_relate": "14"}, "action": "save-edit", "stored": saved},
        "save-edit-bad": {"values": {**tv, "edit_date": "2026-05-12", "edit_brand": "x"}, "action": "save-edit",
                          "stored": saved},
        "export-csv": {"values": tv, "action": "export-csv", "stored": saved},
        "export-json": {"values": tv, "action": "export-json", "stored": saved},
        "import": {"values": tv, "action": "import", "stored": saved, "file_name": "r.csv",
                   "file_text": READINGS_CSV, "file_size": len(READINGS_CSV)},
        "import-bad": {"values": tv, "action": "import", "file_name": "r.bin", "file_text": "\x00\x01",
                       "file_size": 2},
        "damaged": {"values": tv, "stored": "{broken"},
        "damaged-add": {"values": {**tv, **reading}, "action": "add", "stored": "{broken"},
        "keep-valid": {"values": tv, "action": "keep-valid",
                       "stored": saved.replace('"relate": "14"', '"relate": "x"')},
        "shown-all": {"values": {**tv, "shown": "all"}, "stored": saved},
    }
    for n, path in enumerate(sorted(paste)):
        text = path.read_text(errors="replace")
        cases[f"paste-{n}"] = {"values": {**tv, "date": "2026-05-19", "paste": text}}
        cases[f"confirm-paste-{n}"] = {"values": {**tv, "date": "2026-05-19", "paste": text},
                                      "action": "confirm-paste", "stored": saved}
    for case, body in cases.items():
        out[f"track.{case}"] = {"mode": track, **body}
    out["unknown-mode"] = {"mode": "nope", "values": {}}
    out["garbage"] = "[1, 2"
    return out


def _cli(registry: dict[str, Any], scratch: Path) -> dict[str, list[str]]:
    csv = scratch / "readings.csv"
    csv.write_text(READINGS_CSV)
    fixture = "tests/unit/fixtures/profile.json"
    old_track = "history"
    runs: dict[str, list[str]] = {
        "help": ["--help"],
        "readme.interpret": ["interpret", "20.998", "6.4", "10.25", "15", "--industry-average", "34"],
        "readme.funnel": ["outreach", "funnel", "--sent", "200", "--accepted", "60", "--messages", "60",
                          "--replies", "9"],
        "readme.estimate": ["estimate", "--profile", fixture],
        "readme.plan": ["plan", "--target", "70"],
        "readme.track": [old_track, str(csv), "--today", TODAY],
        "track.empty": [old_track, str(scratch / "missing.csv")],
        "track.baddate": [old_track, str(csv), "--today", "soon"],
        "estimate.default": ["estimate"],
        "estimate.start": ["estimate", "--profile", fixture, "--start", fixture],
        "estimate.missing": ["estimate", "--profile", str(scratch / "nope.json")],
        "plan.default": ["plan"],
        "plan.budget": ["plan", "--budget", "60", "--weeks", "4"],
        "plan.bad": ["plan", "--weeks", "40"],
        "interpret.bad": ["interpret", "26", "x", "", "-1"],
        "pacing.bad": ["outreach", "pacing", "2", "15", "1,200"],
    }
    for name, mode in registry.items():
        key = RENAMED.get(name, name)
        prefix = ["outreach", name] if mode.cli_group else [name]
        runs[f"{key}.help"] = [*prefix, "--help"]
        if getattr(mode, "add_arguments", None) is None and getattr(mode, "command", None) is None:
            args = [f.default for f in mode.fields if f.required]
            for f in mode.fields:
                if not f.required and f.default:
                    args += ["--" + f.name.replace("_", "-"), f.default]
            runs[f"{key}.defaults"] = [*prefix, *args]
    return runs


def dump(target: Path) -> None:
    _load("calculator", ROOT / "calculator" / "__init__.py", package=True)  # this tree's, not an installed one
    from calculator.modes import registry
    from calculator.web import handle_json

    hooks = _hooks()
    modes = registry()
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.txt"):
        old.unlink()

    def write(name: str, text: str) -> None:
        (target / f"{name}.txt").write_text(text)

    for kind, name, url in _markers():
        key = RENAMED.get(name, name)
        if kind == "calculator":
            write(f"widget.{key}", hooks.widget(name, hooks.page_root(url)))
    for name, mode in modes.items():
        write(f"model.{RENAMED.get(name, name)}", mode.describe())
    for name, request in _requests(modes).items():
        text = request if isinstance(request, str) else json.dumps(request)
        answer = json.loads(handle_json(text))
        answer.pop("debug", None)
        write(f"web.{name}", json.dumps(answer, indent=1, ensure_ascii=False, sort_keys=True))
    with tempfile.TemporaryDirectory() as scratch:
        for name, args in _cli(modes, Path(scratch)).items():
            done = subprocess.run([sys.executable, "-m", "calculator", *args], cwd=ROOT, capture_output=True,
                                  text=True, check=False)
            out = (done.stdout + "\n--- stderr ---\n" + done.stderr).replace(scratch, "SCRATCH")
            write(f"cli.{name}", f"exit {done.returncode}\n{out}")
    print(f"{len(list(target.glob('*.txt')))} outputs written to {target}")


def _normalised(text: str) -> str:
    for old, new in RENAMED.items():
        text = re.sub(rf"(?<![\w-]){old}-(?=[a-z])", f"{new}-", text)  # element ids; not ssi-history- classes
        text = text.replace(f'data-calculator="{old}"', f'data-calculator="{new}"')
        text = text.replace(f'"mode": "{old}"', f'"mode": "{new}"')
    return text


def compare(old: Path, new: Path) -> int:
    before = {p.name: p for p in old.glob("*.txt")}
    after = {p.name: p for p in new.glob("*.txt")}
    missing, added = sorted(before.keys() - after.keys()), sorted(after.keys() - before.keys())
    changed = [n for n in sorted(before.keys() & after.keys())
               if _normalised(before[n].read_text()) != _normalised(after[n].read_text())]
    for name in changed[:5]:
        a = _normalised(before[name].read_text()).replace("><", ">\n<").splitlines()
        b = _normalised(after[name].read_text()).replace("><", ">\n<").splitlines()
        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(a, b, name, name, n=1, lineterm=""))
    print(f"{len(before.keys() & after.keys())} outputs compared: {len(changed)} differ"
          f" ({', '.join(changed[:20])}{' …' if len(changed) > 20 else ''}); only before: {missing or 'none'};"
          f" only after: {added or 'none'}")
    return 1 if changed or missing or added else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]).resolve())
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        raise SystemExit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        raise SystemExit(__doc__)
