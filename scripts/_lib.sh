# shellcheck shell=bash
# Shared set-up for scripts/build, serve, test and bench: everything a fresh clone lacks is installed here.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
# Playwright must use the system Chromium and never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

python_ok() { "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

# A Python >= 3.12: $PYTHON if set, then PATH, then pyenv's versions, else a clear error.
find_python() {
  local cand
  if [ -n "${PYTHON:-}" ]; then
    python_ok "$PYTHON" || die "PYTHON=$PYTHON is not a working Python >= 3.12 with venv"
    echo "$PYTHON"; return
  fi
  for cand in python3.14 python3.13 python3.12 python3; do
    if command -v "$cand" >/dev/null 2>&1 && python_ok "$cand"; then command -v "$cand"; return; fi
  done
  local pyenv_root
  pyenv_root=$( (command -v pyenv >/dev/null 2>&1 && pyenv root) || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  for cand in $(ls -d "$pyenv_root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
    if python_ok "$cand"; then echo "$cand"; return; fi
  done
  die "no Python >= 3.12 found (looked on PATH and under $pyenv_root/versions).
Install one, e.g. 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.12', or set PYTHON=/path/to/python3.12."
}

ensure_venv() {
  local want stamp="$VENV/.requirements.sha256"
  want=$(sha256sum "$ROOT/requirements.txt" | cut -d' ' -f1)
  if [ -x "$PY" ] && python_ok "$PY" && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then ensure_importable; return; fi
  if ! { [ -x "$PY" ] && python_ok "$PY"; }; then
    local base; base=$(find_python)
    say "Creating .venv with $base ($("$base" --version 2>&1))"
    rm -rf "$VENV"
    "$base" -m venv "$VENV"
  fi
  say "Installing Python packages (requirements.txt, the hashed lock made by scripts/lock)"
  # Every file is checked against its sha256 in the lock, pip itself included (so no unpinned upgrade).
  "$PY" -m pip install --quiet --require-hashes --only-binary :all: -r "$ROOT/requirements.txt"
  echo "$want" > "$stamp"
  ensure_importable
}

# The repo root on .venv's path (a .pth file), so `calculator` and `site_build` import from anywhere: the
# MkDocs hooks, the tests, the benchmarks. Rewritten when missing or pointing at another checkout.
ensure_importable() {
  local pth
  pth=$(echo "$VENV"/lib/python3*/site-packages)/ssi-field-guide.pth
  [ "$(cat "$pth" 2>/dev/null)" = "$ROOT" ] || echo "$ROOT" > "$pth"
}

ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    die "Node.js 18+ and npm are needed (for the pinned Pyodide runtime). Install them, e.g. 'apt-get install nodejs npm'."
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
    die "Node.js 18 or newer is needed; found $(node --version)."
  local want stamp="$ROOT/node_modules/.lock.sha256"
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return; fi
  say "Installing node modules (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

# Debian's Chromium for the browser tests: $CHROMIUM, then PATH, then apt-get when running as root.
ensure_chromium() {
  local cand
  for cand in "${CHROMIUM:-}" /usr/bin/chromium chromium chromium-browser; do
    if [ -n "$cand" ] && command -v "$cand" >/dev/null 2>&1; then CHROMIUM=$(command -v "$cand"); export CHROMIUM; return; fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's Chromium (apt-get install chromium)"
    (apt-get install -y -q chromium >/dev/null 2>&1) || (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null) ||
      die "apt-get could not install chromium"
    CHROMIUM=/usr/bin/chromium; export CHROMIUM; return
  fi
  die "the browser tests need Chromium. Install Debian's package ('sudo apt-get install chromium'),
or point CHROMIUM=/path/to/chromium at an existing Chromium or Chrome binary."
}

build_site() {
  say "Building the site into site/"
  (cd "$ROOT" && "$VENV/bin/mkdocs" build --strict --quiet "$@")
}
