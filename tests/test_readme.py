"""The README's code examples run as written."""

from __future__ import annotations

import contextlib
import io
import re

from tests.conftest import ROOT


def _block_after(heading: str) -> str:
    text = (ROOT / "README.md").read_text()
    section = text[text.index(heading) :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_spacy_components_example_runs_in_a_plain_spacy_pipeline():
    code = _block_after("### spaCy components")
    assert 'nlp.add_pipe("rashomon_quantities")' in code and "import rashomon" not in code
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == ["More than 40 people 40.0 40.0 None people More than 40 people"]
