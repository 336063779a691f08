"""Citations are another text's words: a reference list and a quoted title are never edited."""
import pytest

import textfix
from textfix.protect import Shield, is_title

PAPER = (
    "We train an irregular woodland on colossal information and report counterfeit consciousness results.\n"
    "References\n"
    "[1] A. Author, Irregular woodland models for counterfeit consciousness, J. Tortured Phrases 1 (2021).\n"
)


def test_the_reference_list_is_left_alone():
    out = textfix.fix_text(PAPER)
    body, rest = out.split("References\n")
    assert "random forest" in body and "artificial intelligence" in body
    assert rest == PAPER.split("References\n")[1]


def test_the_reference_list_is_left_alone_when_streamed_in_small_windows():
    text = ("Filler sentence about nothing in particular. " * 30 + "\n") * 40 + PAPER
    fixer = textfix.Fixer()
    streamed = "".join(w for w, _, _ in fixer.fix_stream([text[i:i + 500] for i in range(0, len(text), 500)]))
    assert streamed == textfix.fix_text(text)
    assert streamed.endswith(PAPER.split("References\n")[1])


def test_quoted_titles_are_left_alone_but_quoted_speech_is_repaired():
    text = ('The chilly struggle shaped the talks, this 12 months. In “The Chilly Struggle Revisited” he '
            'wrote about it. “We saw the chilly struggle return,” mentioned Lankov.')
    out = textfix.fix_text(text)
    assert "“The Chilly Struggle Revisited”" in out
    assert "“We saw the cold war return,” said Lankov." in out


def test_title_shape():
    assert is_title("Deep Learning for Image Recognition")
    assert not is_title("We saw the cold war return,")
    assert not is_title("x")


@pytest.mark.parametrize("heading", ["References", "## 7. Bibliography:", "WORKS CITED", "References\r"])
def test_reference_headings_are_found_in_their_forms(heading):
    text = f"Body text with a reference to counterfeit consciousness.\n{heading}\n[1] A. B. Counterfeit consciousness."
    assert Shield().spans(text) == [(text.index(heading), len(text))]


def test_a_long_line_that_mentions_references_is_not_a_heading():
    text = "The references to the cited works in this line are part of the running prose of the article.\nMore."
    assert Shield().spans(text) == []
