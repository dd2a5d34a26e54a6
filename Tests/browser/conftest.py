"""The browser suites' shared fixtures: one chromium for the whole run, and the folder the
screenshots go to ($SOLVENT_BROWSER_ARTIFACTS, else a fresh temporary folder), printed."""
import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browsing import launch


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts():
    folder = Path(os.environ.get("SOLVENT_BROWSER_ARTIFACTS") or tempfile.mkdtemp(prefix="solvent-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nscreenshots: {folder}")
