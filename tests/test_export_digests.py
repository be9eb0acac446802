"""The JSON export of three real piles (seeds, demo, 100 GVA incidents) is unchanged, stage versions aside.

A restructuring must not change what a user gets; a change meant to alter the output rewrites
``tests/export-digests.json`` (``python -m tests.export_digests --write``) and says so in its commit.
"""

from __future__ import annotations

import json

import pytest

from . import export_digests


@pytest.mark.slow
@pytest.mark.parametrize("pile", export_digests.PILES)
def test_export_digest_is_unchanged(pile):
    if not export_digests.available(pile):
        pytest.skip(f"{pile}: ../shared is needed beside the repository")
    committed = json.loads(export_digests.DIGESTS.read_text())
    assert export_digests.export_digest(pile) == committed[pile], (
        f"the export of {pile} changed; if that is intended, run `python -m tests.export_digests --write`"
    )
