"""Quotes and attributions: who said what, with evidence offsets.

Owns the per-document quote extractor and the corpus-level speaker resolution:

* :mod:`.cues`: which verbs and nouns are cues (the learned cue model in ``rashomon/models/quotes``);
* :mod:`.frames`: attribution frames (source, cue, content) read from the parse and from punctuation,
  and the direct quote spans;
* :mod:`.attribution`: frames with their direct quotes (``attributions``) and the quote claims of a
  document (``extract``);
* :mod:`.speakers`: the speaker's name in a document and its entity across the corpus
  (``resolve_speakers``).
"""

from __future__ import annotations

from .attribution import STAGE, Attribution, attributions, extract, is_statement
from .cues import (
    cue_lexicon,
    cue_threshold,
    noun_cue_probability,
    noun_cues,
    noun_features,
    verb_cue_probability,
    verb_features,
)
from .frames import NO_SPEAKER, Frame, noun_frame, quote_spans, verb_kind, verb_subject
from .speakers import norm_name, resolve_speakers

__all__ = [
    "NO_SPEAKER",
    "STAGE",
    "Attribution",
    "Frame",
    "attributions",
    "cue_lexicon",
    "cue_threshold",
    "extract",
    "is_statement",
    "norm_name",
    "noun_cue_probability",
    "noun_cues",
    "noun_features",
    "noun_frame",
    "quote_spans",
    "resolve_speakers",
    "verb_cue_probability",
    "verb_features",
    "verb_kind",
    "verb_subject",
]
