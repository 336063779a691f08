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
