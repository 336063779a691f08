import pytest

from textfix.rules import Neighbour, RuleError, parse_rule


def ctx(prev=None, prev2=None, next=None, next2=None, self="word"):
    def tok(t):
        if t is None:
            return None
        return Neighbour(t, t[0].isalnum(), t.lower().replace("’", "'"))

    return {"prev": tok(prev), "prev2": tok(prev2), "next": tok(next), "next2": tok(next2), "self": tok(self)}


def test_alternatives_and_conjunctions():
    rule = parse_rule("prev:QUOTE | next:NAME & !next:POSS")
    assert rule.holds(ctx(prev="”")) == "prev:QUOTE"
    assert rule.holds(ctx(next="Andrei", next2="Lankov")) == "next:NAME & !next:POSS"
    assert rule.holds(ctx(next="Shen's", next2="paper")) is None
    assert rule.holds(ctx(next="the")) is None


def test_word_lists_compare_case_insensitively():
    rule = parse_rule("prev:a/an & next:at/on")
    assert rule.holds(ctx(prev="A", next="at"))
    assert not rule.holds(ctx(prev="the", next="at"))


def test_start_and_end_match_missing_tokens():
    assert parse_rule("next:END").holds(ctx(next=None))
    assert not parse_rule("next:END").holds(ctx(next="."))


def test_star_always_holds():
    assert parse_rule("*").holds(ctx()) == "*"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty context rule"),
        ("prev:", "is not POSITION:VALUE"),
        ("before:the", "unknown position 'before'"),
        ("next:NOUN", "unknown class 'NOUN'"),
        ("prev:a & ", "empty condition"),
        ("prev:a//b", "empty word"),
        ("!next:NUM/of", "class NUM mixed with words"),
    ],
)
def test_malformed_rules_say_what_is_wrong(text, message):
    with pytest.raises(RuleError, match=message):
        parse_rule(text)


def test_document_conditions_ask_the_document():
    rule = parse_rule("doc:surface area | !doc:breast & next:cancer")
    assert rule.holds(ctx(), lambda phrase: phrase == "surface area") == "doc:surface area"
    assert rule.holds(ctx(next="cancer"), lambda phrase: False) == "!doc:breast & next:cancer"
    assert rule.holds(ctx(next="cancer"), lambda phrase: phrase == "breast") is None


def test_document_conditions_match_phrases_across_punctuation():
    import textfix
    from textfix.tokens import TokenStream

    stream = TokenStream("The Surface-area, and surface. Area!")
    assert stream.contains_phrase("surface area") and not stream.contains_phrase("area surface")
    assert textfix.fix_text("The bosom was examined.", builtin=True) == "The bosom was examined."


def test_rules_know_the_words_a_neighbour_must_be():
    rule = parse_rule("next:towards/against & prev:NAME | next:on & !prev:the")
    assert rule.next_words == frozenset({"towards", "against", "on"})
    assert rule.prev_words is None  # the first alternative needs a class, not a word
    assert parse_rule("next:STOP | next:on").next_words is None
    assert parse_rule("!next:on").next_words is None
