"""Headless Chromium for the report's browser test and benchmark: Debian's chromium and
chromium-driver, driven by Selenium. Nothing is downloaded: both paths are given, so Selenium
never looks for a driver of its own."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from typing import Iterator

CHROMIUM = os.environ.get("TEXTFIX_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TEXTFIX_CHROMEDRIVER", "/usr/bin/chromedriver")
# Headless, and quiet on the network: this machine's network is closed, and Chromium's
# background connections would otherwise be refused at every start.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000")


def missing() -> str | None:
    """Why a browser session cannot start here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} is missing (Debian: apt-get install chromium chromium-driver)"
    return None


@contextmanager
def chromium() -> Iterator["object"]:
    """A Selenium WebDriver on headless Chromium with an empty profile, closed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="textfix-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + (f"--user-data-dir={profile}",):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
