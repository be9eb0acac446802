#!/usr/bin/env bash
# The lint and type gate: ruff's lint rules, ruff's formatting and mypy, as configured in
# pyproject.toml. Runs all three, prints which failed, exits non-zero if any did.
#   bash scripts/gate.sh            (PYTHON=path/to/python to choose the interpreter;
#                                    default: .venv/bin/python when there is one, else python3)
# The tools come with the test extras: pip install -e ".[test]".
set -u
cd "$(dirname "$0")/.."
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

failed=()
step() {
  local name="$1"
  shift
  echo "== $name"
  "$@" || failed+=("$name")
}

step "ruff check" "$PYTHON" -m ruff check src tests
step "ruff format --check" "$PYTHON" -m ruff format --check --output-format concise src tests  # --diff shows how
step "mypy" "$PYTHON" -m mypy src

if [ ${#failed[@]} -gt 0 ]; then
  echo "gate failed: ${failed[*]}" >&2
  exit 1
fi
echo "gate passed"
