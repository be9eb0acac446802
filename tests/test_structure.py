"""The shape the code keeps: modules small enough to read."""

from __future__ import annotations

from tests.conftest import ROOT

MAX_LINES = 600


def test_no_module_is_over_600_lines():
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "src").rglob("*.py")
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert not too_long, f"split these modules (one concern each): {too_long}"
