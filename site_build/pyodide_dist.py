"""Assemble the self-hosted Pyodide runtime and the calculator wheel for the site.

Result (``build/pyodide/``, copied into ``site/pyodide/`` by the MkDocs hook):
- the runtime files, copied from the pinned npm package (``node_modules/pyodide``);
- the calculator wheel, built with the standard ``build`` frontend;
- ``pyodide-lock.json``: the package's own lockfile reduced to what this site serves, plus the wheel, added
  by pyodide-build's ``pyodide lockfile add-wheels`` (which records its sha256 for the browser to check);
- ``snapshot.json`` and ``snapshot/<id>/calculator.snapshot.gz``: a memory snapshot of Pyodide with the
  calculator imported, which lets the browser skip Python's start-up (site_build/make_snapshot.mjs).

The work is skipped when neither the calculator's sources nor the runtime changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
OUT = ROOT / "build" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "ssi-calculator"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    sources = [*sorted((ROOT / "calculator").rglob("*.py")), ROOT / "pyproject.toml", NPM_PYODIDE / "package.json",
               HERE / "make_snapshot.mjs"]
    for path in sources:
        if path.exists():
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def pyodide_version() -> str:
    if not NPM_PYODIDE.is_dir():
        raise SystemExit(f"{NPM_PYODIDE} is missing: run `npm ci` (scripts/build does it for you)")
    return str(json.loads((NPM_PYODIDE / "package.json").read_text())["version"])


def build(out: Path = OUT) -> Path:
    """Make ``out`` hold the runtime, the wheel and the lockfile; return ``out``."""
    version = pyodide_version()
    stamp = out / ".fingerprint"
    fingerprint = _fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(NPM_PYODIDE / name, out / name)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"), str(ROOT)],
            check=True, stdout=subprocess.DEVNULL,
        )
        (built,) = (work / "dist").glob("*.whl")
        # A content-addressed folder: a browser holding an older wheel under the same name can never
        # fetch it in place of the new one (its sha256 would not match the new lockfile).
        wheel = out / "wheels" / hashlib.sha256(built.read_bytes()).hexdigest()[:16] / built.name
        wheel.parent.mkdir(parents=True)
        shutil.copy2(built, wheel)
        upstream = json.loads((NPM_PYODIDE / "pyodide-lock.json").read_text())
        # The npm package ships no package wheels, so its lock entries would only point at missing files.
        (work / "base-lock.json").write_text(json.dumps({"info": upstream["info"], "packages": {}}))
        pyodide_cli = Path(sys.executable).with_name("pyodide")
        subprocess.run(
            [str(pyodide_cli), "lockfile", "add-wheels", "--input", str(work / "base-lock.json"),
             "--output", str(out / "pyodide-lock.json"), "--base-path", str(out), str(wheel)],
            check=True, stdout=subprocess.DEVNULL,
        )
    lock = json.loads((out / "pyodide-lock.json").read_text())
    entry = lock["packages"].get(PACKAGE)
    file_name = wheel.relative_to(out).as_posix()
    if not entry or entry.get("file_name") != file_name or len(entry.get("sha256", "")) != 64:
        raise SystemExit(f"pyodide lockfile add-wheels did not record {file_name} with a sha256: {entry!r}")
    (out / "version.json").write_text(json.dumps({"pyodide": version, "wheel": file_name}))
    # The memory snapshot, made from these very files (see site_build/make_snapshot.mjs).
    subprocess.run(["node", str(HERE / "make_snapshot.mjs"), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    stamp.write_text(fingerprint)
    return out


if __name__ == "__main__":
    print(build())
