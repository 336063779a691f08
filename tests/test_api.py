"""The public API's contract, on a small fixed lexicon so it tests the engine, not the data."""
import pickle

import pytest

import textfix
from textfix import Config, Edit, apply_edits, fix_and_explain, fix_text

from conftest import CORPUS, DATA

MINI = Config(builtin=False, lexicons=(str(DATA / "mini.tsv"),))
SPUN = "Kim ended the chilly struggle this 12 months, mentioned Andrei Lankov at Kookmin College."


def test_unambiguous_fingerprints_fire_anywhere():
    assert fix_text("It recalls the chilly struggle.", MINI) == "It recalls the cold war."


def test_evidence_entries_need_a_spun_document():
    alone = "Lankov mentioned Andrei Lankov."
    assert fix_text(alone, MINI) == alone
    assert fix_text(SPUN, MINI) == "Kim ended the cold war this year, said Andrei Lankov at Kookmin University."


def test_assume_spun_skips_the_document_gate_but_not_the_context():
    assert fix_text("He mentioned Shen.", MINI, assume_spun=True) == "He said Shen."
    assert fix_text("He mentioned Shen's paper.", MINI, assume_spun=True) == "He mentioned Shen's paper."


def test_keep_entries_block_what_they_overlap():
    text = SPUN + " Boston College agreed."
    assert fix_text(text, MINI).endswith(" Boston College agreed.")


def test_keep_entries_block_matches_that_start_before_them(tmp_path):
    lexicon = tmp_path / "k.tsv"
    lexicon.write_text("# textfix-lexicon 1\n# family: t\nthe navy\tthe military\tunambiguous\nnavy blue\t=\tkeep\n")
    config = Config(builtin=False, lexicons=(str(lexicon),))
    assert fix_text("He wore the navy blue coat; the navy sailed.", config) == "He wore the navy blue coat; the military sailed."


def test_a_longer_entry_holding_a_whole_keep_phrase_wins(tmp_path):
    def config(line: str) -> Config:
        lexicon = tmp_path / f"{line.split(chr(9))[0]}.tsv"
        lexicon.write_text("# textfix-lexicon 1\n# family: t\nopen hearth\t=\tkeep\n" + line)
        return Config(builtin=False, lexicons=(str(lexicon),))

    holding = config("open hearth on\topen fire on\tunambiguous\n")
    assert fix_text("Troops open hearth on crowds.", holding) == "Troops open fire on crowds."
    assert fix_text("A smoky open hearth.", holding) == "A smoky open hearth."
    # an entry that overlaps the keep phrase without holding all of it stays blocked
    overlapping = config("hearth on the\tfire on the\tunambiguous\n")
    assert fix_text("An open hearth on the ground floor.", overlapping) == "An open hearth on the ground floor."
    assert fix_text("A hearth on the ground floor.", overlapping) == "A fire on the ground floor."


def test_source_casing_is_reapplied():
    assert fix_text("Chilly struggle. CHILLY STRUGGLE. Chilly Struggle.", MINI) == "Cold war. COLD WAR. Cold War."


def test_a_and_an_agree_after_a_swap():
    out = fix_and_explain(SPUN + " He is a professional at Seoul.", MINI)
    assert out.text.endswith("He is an expert at Seoul.")
    assert [e.rule for e in out.edits if e.after == "an"] == ["a/an agreement"]


def test_possessive_keys_keep_their_suffix():
    assert fix_text(SPUN + " Kookmin College’s dean.", MINI).endswith("Kookmin University’s dean.")


def test_the_source_apostrophe_style_is_kept():
    assert fix_text("for one another’s ambitions and one another's", MINI) == "for each other’s ambitions and each other's"


def test_urls_emails_and_code_are_never_touched():
    text = SPUN + " See https://x.org/chilly struggle, `chilly struggle` and chilly@struggle.com."
    out = fix_text(text, MINI)
    assert out.endswith(" See https://x.org/chilly struggle, `chilly struggle` and chilly@struggle.com.")


def test_fuzzy_matches_misspelt_spun_forms_only():
    out = fix_and_explain(SPUN + " Troops were despatchd north.", MINI)
    assert out.text.endswith("Troops were sent north.")
    assert "spelling variant of 'despatched'" in out.edits[-1].evidence
    # a real English word near a key is never a fuzzy hit
    assert fix_text(SPUN + " Troops were dispatched north.", MINI).endswith("Troops were dispatched north.")


def test_multi_word_entries_beat_their_single_words():
    assert fix_text("Install Home windows 11.", MINI) == "Install Windows 11."


def test_edits_replay_and_carry_explanations():
    out = fix_and_explain(SPUN, MINI)
    assert apply_edits(SPUN, out.edits) == out.text == fix_text(SPUN, MINI)
    for edit in out.edits:
        assert SPUN[edit.start:edit.end] == edit.before
        assert edit.rule and 0 < edit.confidence <= 1 and edit.evidence
    text, edits = out  # Explained unpacks
    assert text == out.text


def test_apply_edits_rejects_edits_that_do_not_fit():
    with pytest.raises(ValueError, match="expects 'x'"):
        apply_edits("abc", [Edit(0, 1, "x", "y", "r", 1.0)])
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits("abc", [Edit(0, 2, "ab", "y", "r", 1.0), Edit(1, 3, "bc", "z", "r", 1.0)])


def test_bytes_raise_a_type_error_that_says_how_to_decode():
    with pytest.raises(TypeError, match=r"decode first, e.g. data.decode\('utf-8'"):
        fix_text(b"chilly struggle")
    with pytest.raises(TypeError, match="str, not int"):
        textfix.detect(3)


def test_config_is_frozen_and_overrides_are_checked():
    with pytest.raises(Exception):
        MINI.threshold = 0.1  # type: ignore[misc]
    with pytest.raises(TypeError, match="unknown option"):
        fix_text("x", MINI, colour=True)
    with pytest.raises(ValueError, match="threshold"):
        Config(threshold=0)


def test_detect_reports_score_and_spans():
    report = textfix.detect(SPUN, MINI)
    assert report.is_spun and 0.5 <= report.score <= 1
    assert [s.phrase for s in report.spans] == ["chilly struggle", "this 12 months", "mentioned", "College"]
    assert [s.kind for s in report.spans] == ["unambiguous", "unambiguous", "context", "context"]
    clean = textfix.detect("A chilly morning in Boston.", MINI)
    assert clean.score < 0.01 and (clean.is_spun, clean.spans) == (False, ())


def test_a_single_fingerprint_does_not_make_a_text_spun():
    report = textfix.detect("It recalls the chilly struggle of old.", MINI)
    assert not report.is_spun and len(report.spans) == 1


def test_fixer_pickles_and_works_in_another_process():
    fixer = textfix.Fixer(MINI)
    clone = pickle.loads(pickle.dumps(fixer))
    assert clone.config == MINI and clone.fix(SPUN) == fixer.fix(SPUN)


def test_version_and_lexicon_version():
    assert textfix.__version__.count(".") == 2
    version = textfix.lexicon_version(MINI)
    assert len(version) == 16 and version != textfix.lexicon_version()


def test_whitelist_protects_phrases():
    out = fix_text(SPUN, MINI, whitelist=("Kookmin College",))
    assert out.endswith("at Kookmin College.")


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\x00chilly\x00struggle", "\r\n", "chilly struggle\r\n"])
def test_edge_inputs(text):
    out = fix_and_explain(text, MINI)
    assert apply_edits(text, out.edits) == out.text


def test_long_documents_are_processed_in_windows_with_the_same_result():
    text = ("Filler prose about ordinary things. " * 400 + "\n") * 3 + (SPUN + " ") * 8 + "\n"
    out = fix_text(text, MINI)
    assert out.endswith("said Andrei Lankov at Kookmin University. \n")
    fixer = textfix.Fixer(MINI)
    pieces = [text[i:i + 1000] for i in range(0, len(text), 1000)]
    assert "".join(w for w, _, _ in fixer.fix_stream(pieces)) == out


def test_one_fingerprint_and_the_context_detection_weighs_open_the_gate():
    """fix_text restores evidence entries in a text detect() finds spun, though its fingerprints
    alone (one in about 500 words) would leave the gate closed; a text detect() finds clean gets
    only its fingerprint restored."""
    lee = (CORPUS / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    body = " ".join(lee[:2])
    spun = ('The chilly struggle ended. "We will go," Smith mentioned. "It is over," Jones stated. '
            "Officials advised reporters on Monday that the talks would resume. "
            "Researchers on the College of Leeds said thousands of individuals had signed. ")
    report = textfix.detect(spun + body)
    assert report.is_spun and report.fingerprints == 1
    assert fix_text(spun + body) == (
        'The cold war ended. "We will go," Smith said. "It is over," Jones said. '
        "Officials told reporters on Monday that the talks would resume. "
        "Researchers at the University of Leeds said thousands of people had signed. ") + body
    alone = "The chilly struggle ended. " + body
    assert not textfix.detect(alone).is_spun
    assert fix_text(alone) == "The cold war ended. " + body
