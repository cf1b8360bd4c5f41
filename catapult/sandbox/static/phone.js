// The browser phone: you are the far end of every sandbox call. Everything the API or an
// application controls (numbers, sentences, URLs, tags) is written with textContent, never
// parsed as HTML, and the page is served with a Content-Security-Policy that allows no
// inline script, so no data can run as code here.
"use strict";

(() => {
  const base = location.origin;
  const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];
  // the API's call states, in the words of a person holding the phone
  const STATES = {
    started: ["ringing", "ringing"], active: ["in call", "in-call"],
    transferring: ["being transferred", "in-call"], completed: ["ended", "ended"],
    rejected: ["ended (rejected)", "ended"], error: ["ended (error)", "ended"],
  };
  const cards = new Map();   // call id -> the elements of its card and what they show
  let seenEvents = 0;
  let chosen = null;         // the call that typed keys go to when several are in progress

  function element(tag, attributes, ...children) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "class") made.className = value;
      else made.setAttribute(name, value);
    }
    made.append(...children);  // strings become text nodes
    return made;
  }

  function button(label, onClick, name) {
    const made = element("button", {type: "button"}, label);
    if (name) made.setAttribute("aria-label", name);
    made.addEventListener("click", onClick);
    return made;
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;  // unchanged: no DOM change
  }

  function announce(text) {
    setText(document.getElementById("announce"), text);
  }

  function clock(time) {
    const moment = new Date(time);
    if (Number.isNaN(moment.getTime())) return "--:--:--";
    return [moment.getHours(), moment.getMinutes(), moment.getSeconds()]
      .map(n => String(n).padStart(2, "0")).join(":");
  }

  async function control(path, body, notice) {
    let reply;
    try {
      reply = await fetch(`${base}/sandbox/${path}`, {
        method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify(body || {}),
      });
    } catch (error) {
      setText(notice, `The sandbox did not answer (${error.message}); is it still running?`);
      return false;
    }
    if (!reply.ok) {
      let message = `refused (${reply.status})`;
      try {
        const data = await reply.json();
        if (data && typeof data.message === "string") message = data.message;
      } catch (error) { /* not JSON: the status says enough */ }
      setText(notice, message);
      return false;
    }
    setText(notice, "");
    refresh();
    return true;
  }

  // "Save as test": the call as a pytest module that replays your part against the app
  async function saveTest(card) {
    let reply;
    try {
      reply = await fetch(`${base}/sandbox/calls/${encodeURIComponent(card.id)}/test`);
    } catch (error) {
      setText(card.notice, `The sandbox did not answer (${error.message}); is it still running?`);
      return;
    }
    if (!reply.ok) {
      let message = `refused (${reply.status})`;
      try {
        const data = await reply.json();
        if (data && typeof data.message === "string") message = data.message;
      } catch (error) { /* not JSON */ }
      setText(card.notice, message);
      return;
    }
    const disposition = reply.headers.get("Content-Disposition") || "";
    const found = /filename="([^"]+)"/.exec(disposition);
    const name = found ? found[1] : "test_call.py";
    const link = element("a", {href: URL.createObjectURL(await reply.blob()), download: name});
    document.body.append(link);
    link.click();
    link.remove();
    setText(card.notice, `Saved ${name}: run it with pytest beside the app.`);
  }

  function press(card, key) {
    if (card.state !== "active") {
      setText(card.notice, `Key ${key} not sent: the call is ${STATES[card.state] ?
        STATES[card.state][0] : card.state}, keys work only in a call.`);
      return;
    }
    card.typed += key;
    setText(card.pressed, `You pressed: ${card.typed}`);
    control(`calls/${encodeURIComponent(card.id)}/press`, {digits: key}, card.notice);
  }

  function newCard(call) {
    const id = call.id;
    const path = `calls/${encodeURIComponent(id)}`;
    const card = {id, state: "", typed: "", heardCount: 0};
    card.title = element("span", {class: "id"}, id);
    card.stateLabel = element("span", {class: "state"});
    card.parties = element("p", {class: "parties"});
    card.notice = element("p", {class: "notice", role: "alert"});
    card.gather = element("p", {class: "gather"});
    card.gather.hidden = true;
    card.pressed = element("p", {class: "pressed"});
    card.heard = element("ol", {class: "heard", "aria-label": "what you hear"});
    card.answer = button("Answer", () => control(`${path}/answer`, {}, card.notice));
    card.reject = button("Reject", () => control(`${path}/reject`, {}, card.notice));
    card.hangup = button("Hang up", () => control(`${path}/hangup`, {}, card.notice));
    card.keys = KEYS.map(key => button(key, () => press(card, key), key));
    card.save = button("Save as test", () => saveTest(card));
    card.section = element("section", {class: "call", "data-call-id": id, tabindex: "0",
                                       "aria-label": `call ${id}`},
      element("h2", {}, card.title, " ", card.stateLabel), card.parties,
      element("div", {class: "actions"}, card.answer, card.reject, card.hangup, card.save),
      card.gather,
      element("div", {class: "keypad", role: "group", "aria-label": "keypad"}, ...card.keys),
      card.pressed, card.notice, card.heard);
    card.section.addEventListener("focusin", () => choose(card));
    card.section.addEventListener("click", () => choose(card));
    cards.set(id, card);
    return card;
  }

  function choose(card) {
    if (chosen && chosen !== card) chosen.section.classList.remove("chosen");
    chosen = card;
    card.section.classList.add("chosen");
  }

  function heardText(item) {
    if (item.kind === "speak") return `“${item.text}” (${item.voice}, ${item.locale})`;
    if (item.kind === "play") return `▶ ${item.url}`;
    return `tones ${item.tones}`;
  }

  function update(card, call) {
    const [words, kind] = STATES[call.state] || [call.state, "ended"];
    const changed = card.state !== call.state;
    card.state = call.state;
    setText(card.stateLabel, words);
    card.stateLabel.className = `state ${kind}`;
    card.section.dataset.state = call.state;
    const incoming = call.direction === "in";
    const endpoint = call.endpoint ? ` (SIP endpoint ${call.endpoint})` : "";
    setText(card.parties,
            `${incoming ? "incoming" : "outgoing"}: ${call.from} → ${call.to}${endpoint}`);
    const ringing = call.state === "started";
    const live = ["started", "active", "transferring"].includes(call.state);
    // you answer or reject a call that rings your phone; an incoming call is yours to end
    card.answer.disabled = !(ringing && !incoming);
    card.reject.disabled = !(ringing && !incoming);
    card.hangup.disabled = !live;
    for (const key of card.keys) key.disabled = call.state !== "active";
    const gather = call.gather;
    card.gather.hidden = !gather;
    if (gather) {
      const ends = gather.terminatingDigits ? `; ${[...gather.terminatingDigits].join(" or ")} ends it` : "";
      setText(card.gather, `Listening for up to ${gather.maxDigits} digits${ends}` +
        (gather.digits ? `; got ${gather.digits}` : ""));
    }
    if (changed) announce(`Call ${call.id} (${call.from} → ${call.to}): ${words}`);
    const heard = call.heard || [];
    for (const item of heard.slice(card.heardCount)) {  // only what is new
      const text = heardText(item);
      card.heard.append(element("li", {}, text));
      announce(`You hear: ${text}`);
      if (item.kind === "speak" && document.getElementById("speak").checked &&
          "speechSynthesis" in window) {
        speechSynthesis.speak(new SpeechSynthesisUtterance(item.text));
      }
    }
    card.heardCount = Math.max(card.heardCount, heard.length);
  }

  function render(calls) {
    const root = document.getElementById("calls");
    document.getElementById("none").hidden = calls.length > 0;
    for (const call of [...calls].reverse()) {  // oldest first, so the newest ends on top
      let card = cards.get(call.id);
      if (!card) {
        card = newCard(call);
        root.prepend(card.section);
      }
      update(card, call);
    }
  }

  function show(events) {
    const list = document.getElementById("events");
    for (const event of events.slice(seenEvents)) {
      const extra = event.digits !== undefined ? ` digits=${event.digits}`
        : event.dtmfDigit ? ` key=${event.dtmfDigit}` : "";
      const item = element("li", {"data-call-id": event.callId || ""},
        element("time", {datetime: String(event.time || "")}, clock(event.time)),
        ` ${event.eventType} ${event.callId || event.conferenceId || ""}${extra}`);
      list.prepend(item);
    }
    seenEvents = events.length;
  }

  async function refresh() {
    try {
      const [calls, events] = await Promise.all([
        fetch(`${base}/sandbox/calls`).then(r => r.json()),
        fetch(`${base}/sandbox/events`).then(r => r.json()),
      ]);
      render(calls);
      show(events);
    } catch (error) {
      console.error(error);
    }
  }

  function typed(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !KEYS.includes(event.key)) return;
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    const inCall = [...cards.values()].filter(card => card.state === "active");
    const focused = document.activeElement && document.activeElement.closest ?
      document.activeElement.closest("section.call") : null;
    let card = focused ? cards.get(focused.dataset.callId) : null;
    if (!card && chosen && chosen.state === "active") card = chosen;
    if (!card && inCall.length === 1) card = inCall[0];
    event.preventDefault();
    if (!card) {
      announce(inCall.length ? "Several calls are in progress: click the one to press keys on."
        : "No call is in progress: the key goes nowhere.");
      setText(document.getElementById("form-notice"), inCall.length ?
        "Several calls are in progress: click the one to press keys on." :
        "No call is in progress: the key goes nowhere.");
      return;
    }
    press(card, event.key);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("base").textContent = base;
    document.getElementById("incoming").addEventListener("submit", event => {
      event.preventDefault();
      control("calls", {from: document.getElementById("from").value,
                        to: document.getElementById("to").value},
              document.getElementById("form-notice"));
    });
    document.addEventListener("keydown", typed);
    refresh();
    setInterval(refresh, 500);
  });
})();
