"""Debian's headless Chromium, driven by Playwright, for the tests of the browser phone."""

from __future__ import annotations

import contextlib
import shutil
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
#: what a closed network needs (no background connections that would be refused)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium(*extra_flags: str) -> Iterator[Browser]:
    """A headless Chromium for the duration of the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=[*FLAGS, *extra_flags])
        try:
            yield browser
        finally:
            browser.close()
