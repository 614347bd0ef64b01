"""The calculator installs as a package: ``pip install .`` gives an ``ssi`` command that works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.modes import registry

pytestmark = pytest.mark.native

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment holding only the wheel built from this checkout; its bin/ folder."""
    import venv  # here, not at the top: Pyodide has no venv module, and this file is collected there too

    work = tmp_path_factory.mktemp("package")
    # The build backend of the test environment, without isolation: no download, as in scripts/build.
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("*.whl")
    venv.create(work / "venv", with_pip=False)  # pip is borrowed from this environment below (faster)
    python = work / "venv" / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index",
                    "--no-deps", str(wheel)], check=True, capture_output=True)
    return python.parent


def test_the_ssi_command_prints_what_the_site_shows(installed: Path) -> None:
    done = subprocess.run([str(installed / "ssi"), "interpret", "20.998", "6.4", "10.25", "15"],
                          capture_output=True, text=True, check=True, cwd=installed)  # not the checkout's sources
    assert done.stdout.startswith("SSI 53 / 100")


def test_ssi_help_calls_itself_ssi_and_lists_every_calculator(installed: Path) -> None:
    done = subprocess.run([str(installed / "ssi"), "--help"], capture_output=True, text=True, check=True,
                          cwd=installed)
    assert done.stdout.startswith("usage: ssi ")
    for mode in registry().values():
        assert mode.name in done.stdout, mode.name


def test_bad_input_is_named_by_the_installed_command_too(installed: Path) -> None:
    done = subprocess.run([str(installed / "ssi"), "interpret", "x", "6.4", "10.25", "15"],
                          capture_output=True, text=True, check=False, cwd=installed)
    assert done.returncode == 2
    assert "This is not a number." in done.stderr and "Traceback" not in done.stderr


def test_the_wheel_carries_its_licence_types_and_metadata(installed: Path) -> None:
    python = installed / "python"
    code = ("import importlib.metadata as m, importlib.resources as r; d = m.distribution('ssi-calculator');"
            "print(d.metadata['License-Expression']); print(sorted(d.metadata.get_all('Project-URL')));"
            "print(r.files('calculator').joinpath('py.typed').is_file());"
            "print(any(f.name == 'LICENSE' for f in d.files))")
    lines = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True,
                           cwd=installed).stdout.splitlines()
    assert lines[0] == "MIT"
    assert "Issues" in lines[1] and "Source" in lines[1]
    assert lines[2:] == ["True", "True"]



def test_the_lock_pins_each_tool_as_listed_with_hashes() -> None:
    # A Dependabot bump of requirements.in, or a hand edit, must come with a new lock (scripts/lock).
    def pins(text: str) -> dict[str, str]:
        found = re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\#]+)", text, re.MULTILINE)
        return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in found}

    wanted = pins((ROOT / "requirements.in").read_text())
    lock_text = (ROOT / "requirements.txt").read_text()
    locked = pins(lock_text)
    assert {name: locked.get(name) for name in wanted} == wanted
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock_text.split("\n\n", 1)[-1].strip())
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry)
    assert len(locked) > len(wanted)  # transitive packages are pinned too
