"""Tortured phrases composed from the academic lexicon's word swaps."""
from textfix import Config, fix_and_explain, fix_text
from textfix.compose import build, composed_candidates
from textfix.lexicon import parse_lexicon
from textfix.tokens import TokenStream

LEXICON = """# textfix-lexicon 1
# family: academic
counterfeit consciousness\tartificial intelligence\tunambiguous
profound neural organization\tdeep neural network\tunambiguous
convolutional neural organization\tconvolutional neural network\tunambiguous
irregular woodland\trandom forest\tunambiguous
irregular timberland\trandom forest\tunambiguous
intermittent neural networks\trecurrent neural networks\tunambiguous
intermittent neural nets\trecurrent neural nets\tunambiguous
misfortune work\tloss function\tunambiguous
misfortune capacity\tloss function\tunambiguous
bundle misfortune\tpacket loss\tunambiguous
"""


def composition():
    return build(parse_lexicon(LEXICON, "t.tsv")[1])


def composed(text):
    return [(c.entries[0].spun, c.entries[0].original) for c in composed_candidates(TokenStream(text), composition())]


def test_a_term_tortured_with_known_swaps_is_composed():
    assert composed("an intermittent neural organization was trained") == [
        ("intermittent neural organization", "recurrent neural network")]


def test_the_number_of_the_spun_phrase_is_kept():
    assert composed("two intermittent neural organizations") == [
        ("intermittent neural organizations", "recurrent neural networks")]


def test_a_swap_seen_once_is_not_enough():
    # "timberland" -> "forest" appears once in the list: not a mills' habit yet
    assert composed("a random timberland") == []


def test_ordinary_words_alone_compose_nothing():
    assert composed("the neural network and the random forest") == []


def test_composed_phrases_fire_only_beside_a_listed_tortured_phrase(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text(LEXICON, encoding="utf-8")
    config = Config(builtin=False, lexicons=(str(path),))
    alone = "We report results on an intermittent neural organization."
    assert fix_text(alone, config) == alone  # no listed fingerprint: the document shows no spin
    spun = "Counterfeit consciousness and irregular woodland models. " + alone
    out = fix_and_explain(spun, config)
    assert out.text.endswith("We report results on a recurrent neural network.")
    assert "academic composition" in {e.rule for e in out.edits}


def _fixed(tmp_path, extra: str, text: str):
    path = tmp_path / "t.tsv"
    path.write_text(LEXICON + extra, encoding="utf-8")
    return fix_and_explain("Counterfeit consciousness and irregular woodland models. " + text,
                           Config(builtin=False, lexicons=(str(path),)))


def test_a_listed_phrase_whose_context_fails_is_composed_to_the_listed_original(tmp_path):
    out = _fixed(tmp_path, "intermittent neural organization\trecurrent network\tevidence\tdoc:RNN\n",
                 "We report results on an intermittent neural organization.")
    assert out.text.endswith("We report results on a recurrent network.")
    assert "academic composition" in {e.rule for e in out.edits}


def test_a_listed_phrase_with_a_negated_context_is_not_composed(tmp_path):
    text = "In biology we report results on an intermittent neural organization."
    out = _fixed(tmp_path, "intermittent neural organization\trecurrent network\tevidence\t!doc:biology\n", text)
    assert out.text.endswith(text)
