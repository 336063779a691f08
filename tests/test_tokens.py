from hypothesis import given, strategies as st

from textfix.tokens import TokenStream, apply_case, case_pattern, normalise, phrase_tokens


def tokenize(text):
    stream = TokenStream(text)
    return [(stream.start(i), stream.end(i), stream.norms[i]) for i in range(len(stream))]


def test_offsets_point_into_the_original_text():
    text = "İstanbul’s 1000’s of full‑scale troops, 12,000 in all."
    for start, end, norm in tokenize(text):
        assert normalise(text[start:end]) == norm


def test_numbers_and_apostrophes_stay_one_token():
    words = [t[2] for t in tokenize("1000’s of laborers, 12,000 troops, 3.5 per cent, the 75th anniversary; don't")]
    assert words == ["1000's", "of", "laborers", "12,000", "troops", "3.5", "per", "cent", "the", "75th",
                     "anniversary", "don't"]


def test_a_separator_not_between_digits_ends_the_number():
    words = [t[2] for t in tokenize("In 2024, 12 troops. Items 1. 2,")]
    assert words == ["in", "2024", "12", "troops", "items", "1", "2"]


def test_hyphenated_words_are_one_token_with_plain_hyphens():
    assert phrase_tokens("self‐proclaimed two-front battle") == ("self-proclaimed", "two-front", "battle")


def test_case_patterns_round_trip():
    assert case_pattern("chilly struggle") == "lower"
    assert case_pattern("Chilly struggle") == "title"
    assert case_pattern("CHILLY STRUGGLE") == "upper"
    assert case_pattern("Faculty of Worldwide Research") == "name"
    assert apply_case("cold war", "title") == "Cold war"
    assert apply_case("cold war", "upper") == "COLD WAR"
    assert apply_case("school of international studies", "name") == "School of International Studies"
    assert apply_case("Chinese President", "lower") == "Chinese President"


@given(st.text())
def test_tokens_are_ordered_disjoint_and_in_bounds(text):
    last = 0
    for start, end, _ in tokenize(text):
        assert last <= start < end <= len(text)
        last = end


def test_decomposed_accents_stay_inside_their_word():
    import unicodedata

    text = unicodedata.normalize("NFD", "café naïve")
    assert [t[2] for t in tokenize(text)] == [unicodedata.normalize("NFD", w) for w in ("café", "naïve")]
