"""Copy the pure-Python test tools (pytest, hypothesis and what they need) for the in-Pyodide test run.

They are copied file by file from this virtualenv's installed distributions, so the run inside Pyodide uses
exactly the versions the native run uses, with no download.
"""

from __future__ import annotations

import importlib.metadata as metadata
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "pyodide-test-deps"
TOOLS = ("pytest", "pluggy", "iniconfig", "packaging", "pygments", "hypothesis", "sortedcontainers")


def copy_tools(out: Path = OUT) -> Path:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in TOOLS:
        dist = metadata.distribution(name)
        for file in dist.files or ():
            if file.suffix in (".pyc",) or "__pycache__" in file.parts or file.parts[0].endswith(".data"):
                continue
            source = Path(str(dist.locate_file(file)))
            if source.is_file() and not str(file).startswith(".."):
                target = out / file
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    return out


if __name__ == "__main__":
    print(copy_tools(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
