"""`**` entries: common words restored only where spin is strong and corroborated in the sentence
or a sentence beside it in its paragraph."""
from __future__ import annotations

import pytest

import textfix
from textfix.evidence import CLOSED, OPEN, STRONG, gate_level
from textfix.lexicon import LexiconError, parse_entry
from textfix.rules import RuleError, parse_rule

LEXICON = """# textfix-lexicon 1
# family: news
chilly struggle\tcold war\tunambiguous
navy ties\tmilitary ties\tunambiguous
this 12 months\tthis year\tunambiguous
metropolis\tcity\tevidence\t** & !self:CAP
stated\tsaid\tevidence\t**
nonetheless\thowever\tevidence\tprev:COMMA & next:COMMA
nonetheless\tstill\tevidence\t**
"""


@pytest.fixture()
def fixer(tmp_path):
    path = tmp_path / "strong.tsv"
    path.write_text(LEXICON, encoding="utf-8")
    return textfix.Fixer(lexicons=(str(path),), builtin=False)


SPUN = "The chilly struggle shaped navy ties this 12 months, officials stated. "
SPUN_FIXED = "The cold war shaped military ties this year, officials said. "


def test_strong_rules_parse():
    assert parse_rule("**").strong and parse_rule("**").holds({}) == "**"
    rule = parse_rule("** & !self:CAP & next:LOWER")
    assert rule.strong and len(rule.alternatives) == 1
    assert not parse_rule("*").strong
    for bad in ("** | next:a", "** next:a", "**&", "** & * & next:a"):
        with pytest.raises(RuleError):
            parse_rule(bad)
    with pytest.raises(LexiconError, match="evidence entries"):
        parse_entry("metropolis\tcity\tunambiguous\t**", "news", "x:1")


def test_gate_levels():
    assert gate_level(1, 500, 0.5) == CLOSED
    assert gate_level(2, 500, 0.5) == OPEN
    assert gate_level(3, 500, 0.5) == STRONG
    assert gate_level(3, 4000, 0.5) == CLOSED  # density, not count


def test_fires_with_strong_evidence_and_a_corroborating_restoration(fixer):
    out = fixer.explain(SPUN + "The metropolis council met, officials stated.")
    assert out.text.endswith("The city council met, officials said.")
    assert any("strong document evidence" in e.evidence for e in out.edits)


def test_quiet_where_evidence_is_only_open(fixer):
    text = "The chilly struggle shaped navy ties. The metropolis council met, officials stated."
    assert fixer.fix(text) == "The cold war shaped military ties. The metropolis council met, officials stated."


# What follows SPUN (three fingerprints: strong evidence, and a sentence with restorations of
# its own) and how it ends up.
AFTER_SPUN = {
    "a sentence beside a spun one in its paragraph is corroborated by it": (
        "The metropolis glittered at night.", "The city glittered at night."),
    "two sentences away is too far": (
        "It rained. The metropolis glittered at night.", "It rained. The metropolis glittered at night."),
    "quiet in a paragraph with no other sign of spin": (
        "\nThe metropolis glittered at night.", "\nThe metropolis glittered at night."),
    "a repeated word does not corroborate itself": (
        "\nThe metropolis is a metropolis.", "\nThe metropolis is a metropolis."),
    "two different ** phrases corroborate each other": (
        "\nThe metropolis grew, officials stated.", "\nThe city grew, officials said."),
    "context lines of the same key come first": (
        "The plan, nonetheless, was stated in full. It was nonetheless stated again.",
        "The plan, however, was said in full. It was still said again."),
    "names keep their capitals": (
        "Metropolis Films said the metropolis council stated it.",
        "Metropolis Films said the city council said it."),
}


@pytest.mark.parametrize(("sentence", "expected"), AFTER_SPUN.values(), ids=AFTER_SPUN.keys())
def test_a_sentence_after_strong_evidence(fixer, sentence, expected):
    assert fixer.fix(SPUN + sentence) == SPUN_FIXED + expected


def test_detect_does_not_count_strong_entries(fixer):
    report = fixer.detect(SPUN + "The metropolis council met, officials stated.")
    assert all(span.phrase.lower() not in ("metropolis", "stated") for span in report.spans)


CONTEXT_LEXICON = LEXICON + """mentioned\tsaid\tevidence\tnext:NAME
advised\ttold\tevidence\tnext:reporters
College\tUniversity\tevidence\tprev:NAME
"""


def test_context_evidence_makes_an_open_gate_strong_for_fix_but_not_for_detect(tmp_path):
    path = tmp_path / "context.tsv"
    path.write_text(CONTEXT_LEXICON, encoding="utf-8")
    fixer = textfix.Fixer(lexicons=(str(path),), builtin=False)
    # two fingerprints: the gate is open, not strong; three phrases licensed by context make it strong
    text = ("The chilly struggle shaped navy ties. Officials advised reporters on Monday, and "
            "mentioned Lankov at Kookmin College. The metropolis council met, officials stated.")
    assert fixer.fix(text).endswith("The city council met, officials said.")
    plain = "The chilly struggle shaped navy ties. The metropolis council met, officials stated."
    assert fixer.fix(plain).endswith("The metropolis council met, officials stated.")
    report = fixer.detect(text)
    assert report.context == 3
    assert {span.phrase for span in report.spans} == {"chilly struggle", "navy ties", "advised", "mentioned", "College"}
