"""The packaged `**` phrases the spinner writes for one word ("at all times" for "always"):
restored inside a spun article in a sentence that shows the spinner, and kept, even there,
where their guards say the phrase is English in a sense of its own."""
from __future__ import annotations

import pytest

import textfix

from conftest import SENTENCE_LINE, inside_spun_article

# Every test sentence holds "the chilly struggle", an unambiguous fingerprint restored for a
# reason of its own, so each `**` phrase beside it is corroborated in its sentence: only the
# phrase's own guard can keep it.
RESTORED = [
    ("Inspectors at all times checked the ships in the chilly struggle.", "always"),
    ("The region held as much as 40 warships in the chilly struggle.", "up to 40"),
    ("The treaty will have an effect on trade, as the chilly struggle did.", "will affect trade"),
    ("The archive will in all probability open, as the chilly struggle is over.", "will probably open"),
    ("The well being budget rose after the chilly struggle.", "The health budget"),
    ("Premier League golf equipment grew rich after the chilly struggle.", "Premier League clubs"),
    ("The Labour social gathering opposed the chilly struggle.", "The Labour party"),
    ("They signed one other treaty after the chilly struggle.", "signed another treaty"),
    ("He died of most cancers long after the chilly struggle.", "died of cancer"),
    ("The pact has lasted thus far, as the chilly struggle showed.", "lasted so far"),
    ("Files are sent by e mail now that the chilly struggle is over.", "by email"),
    ("They made the identical mistake in the chilly struggle.", "the same mistake"),
    ("It was the most necessary battle of the chilly struggle.", "the most important battle"),
    ("Spies photographed the whole lot in the chilly struggle.", "photographed everything"),
    ("The talks failed once more in the chilly struggle.", "failed again"),
    ("Many nations similar to Britain armed in the chilly struggle.", "nations such as Britain"),
    ("All of it ended all of the sudden with the chilly struggle.", "ended suddenly"),
    ("It cost not less than 40 billion in the chilly struggle.", "cost at least 40"),
    ("The map changed in a single day when the chilly struggle ended.", "changed overnight"),
    ("It was a fallacious move in the chilly struggle.", "a wrong move"),
    ("The blissful years ended with the chilly struggle.", "The happy years"),
    ("Veterans were indignant at the end of the chilly struggle.", "were angry at"),
    ("Diplomats were apprehensive about the chilly struggle.", "were worried about"),
    ("The proprietor of the bar survived the chilly struggle.", "The owner of the bar"),
    ("It was the best doable outcome of the chilly struggle.", "the best possible outcome"),
    ("Peace was doubtless to fail in the chilly struggle.", "was likely to fail"),
    ("The outdated man remembered the chilly struggle.", "The old man"),
    ("The dwelling crowd cheered the end of the chilly struggle.", "The home crowd"),
    ("Spies worked exhausting in the chilly struggle.", "worked hard in"),
    ("It was a unhealthy year in the chilly struggle.", "a bad year"),
    ("Fireplace crews trained in the chilly struggle.", "Fire crews"),
    ("The England workforce captain served in the chilly struggle.", "England team captain"),
    ("The issue in query shaped the chilly struggle.", "The issue in question"),
    ("Nations ought to learn from the chilly struggle.", "Nations should learn"),
    ("It was a excessive point of the chilly struggle.", "a high point"),
    ("Trendy history began with the chilly struggle.", "Modern history"),
    ("His automobile was stolen in the chilly struggle.", "His car was"),
    ("The enterprise owners profited from the chilly struggle.", "The business owners"),
    ("A wholesome diet was rare in the chilly struggle.", "A healthy diet"),
    ("Banking merchandise boomed after the chilly struggle.", "Banking products"),
    ("They construct on the legacy of the chilly struggle.", "They build on"),
    ("It was the primary series about the chilly struggle.", "the first series"),
    ("He led for the primary 30 years of the chilly struggle.", "the first 30 years"),
]

KEPT = [
    ("Guards stood watch at all times, through the chilly struggle.", "at all times,"),
    ("Shares fell by as much as 12 per cent in the chilly struggle.", "by as much as 12"),
    ("Her mental well being suffered in the chilly struggle.", "mental well being"),
    ("The well being of veterans of the chilly struggle matters.", "The well being of"),
    ("A social gathering of veterans of the chilly struggle met.", "A social gathering of"),
    ("The golf equipment maker thrived in the chilly struggle.", "golf equipment maker"),
    ("He had coronary heart disease after the chilly struggle.", "coronary heart disease"),
    ("Most cancers are treatable, unlike the chilly struggle.", "Most cancers are"),
    ("She and one other officer served in the chilly struggle.", "and one other officer"),
    ("Up to this point the chilly struggle was cold.", "Up to this point"),
    ("The summit was called shortly after the chilly struggle.", "shortly after"),
    ("The identical twins were born in the chilly struggle.", "The identical twins"),
    ("A system similar to Britain was built in the chilly struggle.", "system similar to Britain"),
    ("Its climate was similar to Britain in the chilly struggle.", "was similar to Britain"),
    ("Once more than half had voted, the chilly struggle ended.", "Once more than half"),
    ("They sold a million copies in a single day of the chilly struggle.", "in a single day of"),
    ("The fallacious reasoning of the chilly struggle persisted.", "fallacious reasoning"),
    ("Blissful ignorance marked the chilly struggle.", "Blissful ignorance"),
    ("An exhausting day ended the chilly struggle talks.", "An exhausting day"),
    ("They worked exhausting shifts in the chilly struggle.", "worked exhausting shifts"),
    ("Unhealthy food was common in the chilly struggle.", "Unhealthy food"),
    ("Outdated software ran the chilly struggle missiles.", "Outdated software"),
    ("A dwelling was built in the chilly struggle.", "A dwelling was"),
    ("Cave dwelling crowds hid in the chilly struggle.", "Cave dwelling crowds"),
    ("The workforce grew in the chilly struggle.", "The workforce grew"),
    ("The newspaper proprietor backed the chilly struggle.", "newspaper proprietor"),
    ("An excessive amount was spent in the chilly struggle.", "An excessive amount"),
    ("A trendy cafe opened after the chilly struggle.", "A trendy cafe"),
    ("The automobile industry grew in the chilly struggle.", "automobile industry"),
    ("Free enterprise won the chilly struggle.", "Free enterprise"),
    ("The data in query languages outlived the chilly struggle.", "in query languages"),
    ("The primary school survived the chilly struggle.", "The primary school"),
    ("A fireplace warmed the hut in the chilly struggle.", "A fireplace warmed"),
    ("Wholesome family films were made in the chilly struggle.", "Wholesome family"),
    ("It is a mental construct on which the chilly struggle rested.", "mental construct on"),
]


def _fixed_sentence(sentence: str, lines: list[str]) -> str:
    return inside_spun_article(sentence, lines)[1][SENTENCE_LINE]


@pytest.mark.parametrize(("sentence", "restored"), RESTORED)
def test_restored_in_a_spun_sentence(sentence, restored, spun_lines):
    fixed = _fixed_sentence(sentence, spun_lines)
    assert "cold war" in fixed
    assert restored in fixed


@pytest.mark.parametrize(("sentence", "kept"), KEPT)
def test_kept_where_its_guard_holds_even_in_a_spun_sentence(sentence, kept, spun_lines):
    fixed = _fixed_sentence(sentence, spun_lines)
    assert "cold war" in fixed  # the sentence was repaired: the phrase's guard alone kept it
    assert kept in fixed


@pytest.mark.parametrize(("sentence", "restored"), RESTORED)
def test_quiet_in_clean_text(sentence, restored):
    clean = sentence.replace("the chilly struggle", "the long winter")
    assert textfix.fix_text(clean) == clean
