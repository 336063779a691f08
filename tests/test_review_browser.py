"""The review report in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium. Where they are missing the test skips; in CI (CI set in
the environment) a missing browser is a failure."""
from __future__ import annotations

import os
import sys

import pytest

import textfix

from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import browser  # noqa: E402  (benchmarks/browser.py: shared with the report benchmark)

_why = browser.missing()
if _why:
    if os.environ.get("CI"):
        pytest.fail(f"the browser test cannot run in CI: {_why}", pytrace=False)
    pytest.skip(f"no browser here: {_why}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
EMOJI = "🎉🎉 A family 👨‍👩‍👧 watched. The chilly struggle ended, said the 😀 historian."
HOSTILE = "<script>window.injected = 1</script><img src=x onerror='window.injected = 2'> The chilly struggle ended."


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    documents = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    documents |= {"emoji.txt": EMOJI, "hostile.txt": HOSTILE}
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(textfix.report(documents), encoding="utf-8")
    with browser.chromium() as driver:
        driver.get(path.as_uri())
        assert driver.execute_script("return document.body.dataset.ready") == "true"
        yield driver, documents


def _open(driver, name: str) -> None:
    button = next(b for b in driver.find_elements(By.CSS_SELECTOR, "#summary button.open") if b.text == name)
    button.click()
    assert driver.find_element(By.ID, "document-heading").text == name


def test_summary_puts_the_spun_articles_first(page):
    driver, _ = page
    rows = driver.find_elements(By.CSS_SELECTOR, "#summary tbody tr")
    assert len(rows) == 7
    verdicts = [r.find_element(By.CSS_SELECTOR, "td.verdict").text for r in rows]
    names = [r.find_element(By.CSS_SELECTOR, "button.open").text for r in rows]
    assert {n[:3] for n in names[:2]} == {"001", "004"} and verdicts[:2] == ["spun", "spun"]
    assert verdicts[2:] == ["clean"] * 5


def test_every_edit_is_highlighted_once_and_clean_articles_have_none(page):
    driver, documents = page
    for name, text in documents.items():
        _open(driver, name)
        edits = textfix.fix_and_explain(text).edits
        marks = driver.find_elements(By.CSS_SELECTOR, "#spun-pane mark.span")
        assert [m.get_attribute("data-edit") for m in marks] == [str(i) for i in range(len(edits))], name
        shown = driver.execute_script(
            "return Array.from(document.querySelectorAll('#spun-pane mark.span'), m => m.textContent)")
        assert shown == [e.before for e in edits], name
        if name[:3] in {"000", "002", "003"}:
            assert marks == []


def test_highlight_after_emoji_does_not_shift(page):
    driver, _ = page
    _open(driver, "emoji.txt")
    before, marked = driver.execute_script("""
        const mark = document.querySelector('#spun-pane mark.span');
        const range = document.createRange();
        range.setStart(document.querySelector('#spun-pane .text'), 0);
        range.setEndBefore(mark);
        return [range.toString(), mark.textContent];""")
    assert marked == "chilly struggle"
    assert before == EMOJI[:EMOJI.index("chilly struggle")]


def test_scraped_markup_is_shown_as_text(page):
    driver, _ = page
    _open(driver, "hostile.txt")
    assert driver.execute_script("return window.injected === undefined")
    assert driver.find_elements(By.CSS_SELECTOR, "#spun-pane img, #spun-pane script") == []
    assert "<script>window.injected = 1</script>" in driver.find_element(By.CSS_SELECTOR, "#spun-pane .text").text


def test_focusing_a_span_shows_its_original_rule_and_evidence(page):
    driver, documents = page
    name = SEEDS[1].name  # 001, spun
    _open(driver, name)
    edits = textfix.fix_and_explain(documents[name]).edits
    driver.find_element(By.TAG_NAME, "body").send_keys("n")
    focused = driver.switch_to.active_element
    assert focused.get_attribute("data-edit") == "0"
    tip = driver.find_element(By.ID, "tip")
    assert tip.is_displayed()
    assert edits[0].after in tip.text and edits[0].rule in tip.text
    focused.send_keys("n")
    assert driver.switch_to.active_element.get_attribute("data-edit") == "1"
    driver.switch_to.active_element.send_keys("p")
    assert driver.switch_to.active_element.get_attribute("data-edit") == "0"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not tip.is_displayed()
    driver.switch_to.active_element.send_keys(Keys.TAB)  # the next span is reachable with Tab too
    assert driver.switch_to.active_element.get_attribute("data-edit") == "1"
    assert tip.is_displayed() and edits[1].after in tip.text


def test_toggle_shows_spun_restored_or_both(page, tmp_path):
    driver, documents = page
    name = SEEDS[4].name  # 004, spun
    _open(driver, name)
    explained = textfix.fix_and_explain(documents[name])
    spun_pane = driver.find_element(By.ID, "spun-pane")
    restored_pane = driver.find_element(By.ID, "restored-pane")
    assert spun_pane.is_displayed() and not restored_pane.is_displayed()
    driver.find_element(By.CSS_SELECTOR, "input[value=restored]").click()
    assert restored_pane.is_displayed() and not spun_pane.is_displayed()
    restored = driver.execute_script("return document.querySelector('#restored-pane .text').textContent")
    assert restored == explained.text
    driver.find_element(By.CSS_SELECTOR, "input[value=both]").click()
    assert restored_pane.is_displayed() and spun_pane.is_displayed()
    assert spun_pane.location["x"] < restored_pane.location["x"]  # side by side
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    driver.find_element(By.CSS_SELECTOR, "input[value=spun]").click()


def test_print_shows_both_texts_without_controls(page):
    driver, _ = page
    _open(driver, SEEDS[1].name)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert driver.find_element(By.ID, "spun-pane").is_displayed()
        assert driver.find_element(By.ID, "restored-pane").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".controls").is_displayed()
        after = driver.execute_script(
            "return getComputedStyle(document.querySelector('#spun-pane mark.span'), '::after').content")
        first = textfix.fix_and_explain((CORPUS / "seeds" / SEEDS[1].name).read_text(encoding="utf-8")).edits[0]
        assert first.after in after
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
