"""Detection abstains on text that is not English, and repair leaves such text alone."""
from __future__ import annotations

from pathlib import Path

import pytest

import textfix
from textfix.language import Tally

from conftest import CORPUS, repository_texts
from test_cli import run

FOREIGN = {
    "de": "Die Bundesregierung hat am Mittwoch beschlossen, die Unterstützung für die Ukraine auszuweiten. Der "
          "Kanzler sagte, man werde die Lieferungen von Waffen und Munition fortsetzen. Kritiker warnten vor einer "
          "Eskalation des Konflikts mit Russland, während die Opposition mehr Transparenz forderte.",
    "es": "El gobierno anunció el martes un nuevo plan para reducir la contaminación en las grandes ciudades. El "
          "ministro dijo que las medidas entrarán en vigor el próximo año y que los coches más antiguos no podrán "
          "circular por el centro.",
    "fr": "Le président a annoncé mercredi une série de mesures destinées à soutenir les agriculteurs touchés par "
          "la sécheresse. Selon le ministre, les aides seront versées avant la fin de l'année.",
    "it": "Il governo ha approvato ieri un decreto per sostenere le famiglie colpite dall'aumento dei prezzi "
          "dell'energia. Il ministro ha detto che gli aiuti arriveranno entro la fine del mese.",
    "nl": "De regering heeft woensdag besloten om de steun aan boeren uit te breiden. Volgens de minister is het "
          "plan nodig omdat de droogte in het zuiden van het land grote schade heeft veroorzaakt.",
    "pt": "O governo anunciou nesta terça-feira um novo pacote de medidas para conter a inflação. Segundo o "
          "ministro, as ações devem entrar em vigor no próximo mês e incluem cortes de impostos sobre alimentos.",
    "id": "Pemerintah mengumumkan pada hari Rabu sejumlah langkah baru untuk membantu petani yang terdampak "
          "kekeringan. Menurut menteri, bantuan akan diberikan sebelum akhir tahun.",
    "ru": "Правительство объявило в среду о новых мерах поддержки фермеров, пострадавших от засухи.",
    "zh": "政府星期三宣布了一系列支持受干旱影响农民的新措施。部长表示，补贴将在年底前发放。",
    "ar": "أعلنت الحكومة يوم الأربعاء عن إجراءات جديدة لدعم المزارعين المتضررين من الجفاف.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_detection_abstains_and_repair_leaves_it_alone(language: str):
    text = FOREIGN[language]
    report = textfix.detect(text)
    assert report.score is None and not report.english and not report.is_spun and report.spans == ()
    assert textfix.fix_text(text) == text
    assert textfix.fix_text(text, assume_spun=True) == text


def _share(text: str) -> float:
    tally = Tally()
    tally.add(text.lower().split())
    return tally.common / tally.words


def test_every_english_document_is_scored():
    documents = repository_texts()
    assert len(documents) > 300
    assert all(textfix.detect(text).english for text in documents)
    # the margin the README states: English at 28% or more, the foreign Latin-script texts under 10%
    assert min(map(_share, documents)) >= 0.28
    assert max(_share(FOREIGN[k]) for k in ("de", "es", "fr", "it", "nl", "pt", "id")) < 0.10


def test_short_texts_and_spun_text_with_a_foreign_quotation_are_scored():
    assert textfix.detect("Chilly struggle.").score is not None
    spun = (CORPUS / "seeds").glob("001_*.txt").__next__().read_text(encoding="utf-8")
    report = textfix.detect(spun + "\n" + FOREIGN["fr"])
    assert report.english and report.is_spun


def test_the_command_says_not_english(tmp_path: Path):
    (tmp_path / "de.txt").write_text(FOREIGN["de"], encoding="utf-8")
    result = run("--detect", "de.txt", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.decode().split("\t")[:2] == ["-", "not-english"]
    assert run("--check", "de.txt", cwd=tmp_path).returncode == 0
    report = textfix.report({"de.txt": FOREIGN["de"], "en.txt": "The chilly struggle, this 12 months."})
    assert '"score":null' in report


def test_the_review_report_lists_unscored_documents_last():
    from textfix.review import report_data

    records = report_data({"de.txt": FOREIGN["de"], "clean.txt": "A quiet day.", "spun.txt": "The chilly struggle."})
    assert [r["name"] for r in records] == ["spun.txt", "clean.txt", "de.txt"]
    assert records[-1]["score"] is None
