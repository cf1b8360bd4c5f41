"""The phone in the browser, driven by a real headless Chromium: a person answers a call and
presses keys by clicking, and the SDK sees the gather event."""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

import catapult
from catapult.sandbox import Sandbox


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
        expect(phone).to_contain_text("ringing")
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
        expect(phone).to_contain_text("ended")


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
        expect(section).to_contain_text("ended (rejected)")
        page.screenshot(path=None)  # renders: the page draws without errors


def _card(page: Page, call_id: str):
    return page.locator(f'section[data-call-id="{call_id}"]')


def test_only_the_controls_that_apply_are_enabled(page: Page):
    with Sandbox() as sandbox, sandbox.client() as client:
        page.goto(sandbox.base_url)
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        card = _card(page, call.id)
        expect(card.locator(".state")).to_have_text("ringing")
        expect(card.get_by_role("button", name="Answer")).to_be_enabled()
        expect(card.get_by_role("button", name="Reject")).to_be_enabled()
        expect(card.get_by_role("button", name="5", exact=True)).to_be_disabled()
        card.get_by_role("button", name="Answer").click()
        expect(card.locator(".state")).to_have_text("in call")
        expect(card.get_by_role("button", name="Answer")).to_be_disabled()
        expect(card.get_by_role("button", name="Reject")).to_be_disabled()
        expect(card.get_by_role("button", name="5", exact=True)).to_be_enabled()
        client.Call(call.id).hang_up()   # the application ends it
        expect(card.locator(".state")).to_have_text("ended")
        for name in ("Answer", "Reject", "Hang up", "1", "#"):
            expect(card.get_by_role("button", name=name, exact=True)).to_be_disabled()
        incoming = sandbox.incoming_call("+13235551234", "+19195550000")
        ringing = _card(page, incoming)
        expect(ringing.locator(".state")).to_have_text("ringing")
        expect(ringing.get_by_role("button", name="Answer")).to_be_disabled()  # the app's
        expect(ringing.get_by_role("button", name="Hang up")).to_be_enabled()


def test_a_refused_action_says_why_on_the_page(page: Page):
    with Sandbox() as sandbox:
        page.goto(sandbox.base_url)
        page.get_by_label("from").fill("12345")
        page.get_by_role("button", name="Place incoming call").click()
        expect(page.locator("#form-notice")).to_contain_text(
            "'from' must be an E.164 number such as '+19195551212' or a SIP address")
        page.keyboard.press("7")  # no call in progress: the key goes nowhere, and it says so
        expect(page.locator("#form-notice")).to_contain_text("No call is in progress")


def test_a_running_gather_shows_what_it_waits_for_and_typed_keys_press_it(page: Page):
    with Sandbox() as sandbox, sandbox.client() as client:
        page.goto(sandbox.base_url)
        first = client.Call.create(from_="+19195551212", to="+19195551213")
        second = client.Call.create(from_="+19195551212", to="+19195551214")
        for call in (first, second):
            sandbox.answer(call.id)
        gather = first.create_gather(max_digits=4, terminating_digits="#*")
        card = _card(page, first.id)
        expect(card.locator(".gather")).to_have_text(
            "Listening for up to 4 digits; # or * ends it")
        page.keyboard.press("1")  # two calls are in progress: which one is not clear
        expect(page.locator("#form-notice")).to_contain_text("Several calls are in progress")
        card.locator("h2").click()  # the person picks the call
        for key in "42#":
            page.keyboard.press(key)
        result = sandbox.wait_for(catapult.GatherEvent, call_id=first.id)
        assert (result.gather_id, result.digits) == (gather.id, "42")
        expect(card.locator(".pressed")).to_have_text("You pressed: 42#")
        expect(card.locator(".gather")).to_be_hidden()
        assert [e.event_type for e in sandbox.events if e.call_id == second.id] == ["answer"]


def test_each_event_shows_its_time(page: Page):
    with Sandbox() as sandbox, sandbox.client() as client:
        page.goto(sandbox.base_url)
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        sandbox.answer(call.id)
        item = page.locator("#events li").first
        expect(item).to_contain_text(f"answer {call.id}")
        expect(item.locator("time")).to_have_text(re.compile(r"^\d\d:\d\d:\d\d$"))


def test_the_page_fits_a_390_px_wide_phone(browser: Browser):
    narrow = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        with Sandbox() as sandbox, sandbox.client() as client:
            narrow.goto(sandbox.base_url)
            call = client.Call.create(from_="+19195551212",
                                      to="sip:a-rather-long-user-name@sip.example.com")
            sandbox.answer(call.id)
            call.speak_sentence("A long sentence " * 20)
            expect(_card(narrow, call.id).locator("ol.heard li")).to_have_count(1)
            width = narrow.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the page is {width} px wide at 390"
    finally:
        narrow.close()


def test_the_live_region_announces_changes_only(page: Page):
    with Sandbox() as sandbox, sandbox.client() as client:
        page.goto(sandbox.base_url)
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        expect(page.locator("#announce")).to_contain_text("ringing")
        page.evaluate("""() => { window.changes = 0; new MutationObserver(() => window.changes++)
            .observe(document.getElementById("announce"),
                     {childList: true, characterData: true, subtree: true}); }""")
        page.wait_for_timeout(1600)  # three polls of the page, and nothing changed
        assert page.evaluate("window.changes") == 0
        sandbox.answer(call.id)
        expect(page.locator("#announce")).to_contain_text("in call")
        assert page.evaluate("window.changes") == 1
