"""The phone in the browser, driven by a real headless Chromium: a person answers a call and
presses keys by clicking, and the SDK sees the gather event."""

from __future__ import annotations

import shutil
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

import catapult
from catapult.sandbox import Sandbox

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    yield opened
    opened.close()


def test_a_person_answers_and_presses_keys_in_the_browser(page: Page):
    with Sandbox() as sandbox, sandbox.client() as client:
        page.goto(sandbox.base_url)
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        phone = page.locator(f'section[data-call-id="{call.id}"]')
        expect(phone).to_contain_text("started")
        phone.get_by_role("button", name="Answer").click()
        sandbox.wait_for(catapult.AnswerEvent, call_id=call.id)
        call.create_gather(max_digits=5, prompt={"sentence": "Enter your code"})
        expect(phone).to_contain_text("Enter your code")       # what the caller hears
        for key in "12345":
            phone.get_by_role("button", name=key, exact=True).click()
        gathered = sandbox.wait_for(catapult.GatherEvent, call_id=call.id)
        assert gathered.digits == "12345"
        expect(page.locator("#events")).to_contain_text("gather")
        phone.get_by_role("button", name="Hang up").click()
        expect(phone).to_contain_text("completed")


def test_a_person_places_an_incoming_call_and_rejects_an_outgoing_one(page: Page):
    with Sandbox() as sandbox, sandbox.client() as client:
        page.goto(sandbox.base_url)
        page.get_by_role("button", name="Place incoming call").click()
        incoming = sandbox.wait_for(catapult.IncomingCallEvent)
        expect(page.locator(f'section[data-call-id="{incoming.call_id}"]')).to_contain_text(
            "incoming")
        ringing = client.Call.create(from_="+19195551212", to="+19195551213")
        section = page.locator(f'section[data-call-id="{ringing.id}"]')
        section.get_by_role("button", name="Reject").click()
        hangup = sandbox.wait_for(catapult.HangupEvent, call_id=ringing.id)
        assert hangup.rejected
        expect(section).to_contain_text("rejected")
        page.screenshot(path=None)  # renders: the page draws without errors
