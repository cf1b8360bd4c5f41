"""Messages: ``/messages...`` (one, or up to 50 at once), their status and receipt events
to the message's callback URL, inbound messages to the application of the number they
were sent to, and the list's cursor paging."""

from __future__ import annotations

import math
from typing import Any, Mapping, Optional
from urllib.parse import urlencode

from ..resources.message import MAX_BATCH, MessageOptions
from ._delivery import Target
from ._http import ApiFailure, Reply, Request, validate, whole_query
from ._part import Part, new_id, route

__all__ = ["Messages"]

#: the area codes of US toll-free numbers, which cannot send messages (AP errors.md)
TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")
#: a text longer than one segment travels in segments of this many characters
SEGMENT, CONCATENATED_SEGMENT = 160, 153
#: the filters of ``GET /messages``, by query name: the message field each compares
_FILTERS = {"from": "from", "to": "to", "direction": "direction", "state": "state",
            "deliveryState": "deliveryState"}


def segments(text: str, media: object) -> int:
    if media:
        return 1
    return 1 if len(text) <= SEGMENT else math.ceil(len(text) / CONCATENATED_SEGMENT)


def _date_time(raw: str, name: str) -> str:
    """A ``yyyy-MM-dd[ hh[:mm[:ss[.sss]]]]`` filter as a comparable ISO string, parts left
    out filled with zeros (as the docs say)."""
    import re

    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{2})(?::(\d{2})(?::(\d{2})"
                         r"(?:\.(\d{1,3}))?)?)?)?Z?", raw)
    if match is None:
        raise ApiFailure(400, "bad-request", "validation-error",
                         f"{name} must be yyyy-MM-dd hh:mm:ss.sss (parts may be left out)")
    day, hour, minute, second, fraction = match.groups()
    return (f"{day}T{hour or '00'}:{minute or '00'}:{second or '00'}."
            f"{(fraction or '0').ljust(3, '0')}Z")


class Messages(Part):
    """Send (one or many), get, list and redact messages; deliver inbound ones."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._messages: dict[str, dict[str, Any]] = {}
        self._order: dict[str, int] = {}  # the sort key the list's cursor names

    # -- the routes --------------------------------------------------------------------------

    @route("POST", "messages")
    def send_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json_value()
        if isinstance(body, list):
            return self._send_many(body)
        if not isinstance(body, dict):
            raise ApiFailure(400, "bad-request", "invalid-json",
                             "The request body must be a message object or a list of them")
        return self.created(f"messages/{self.send(body)}")

    @route("GET", "messages")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        query = request.query
        size = whole_query(query, "size", 25, 1, 1000, "message")
        order = query.get("sortOrder", "desc")
        if order not in ("asc", "desc"):
            raise ApiFailure(400, "bad-request", "validation-error",
                             "sortOrder must be one of the following values: asc, desc")
        bounds = {name: _date_time(query[name], name) for name in ("fromDateTime", "toDateTime")
                  if name in query}
        with self.world.lock:
            found = [m for m in self._messages.values()
                     if all(m.get(field) == query[name] for name, field in _FILTERS.items()
                            if name in query)
                     and bounds.get("fromDateTime", "") <= m["time"]
                     and m["time"] <= bounds.get("toDateTime", "9999")]
            found.sort(key=lambda m: self._order[m["id"]], reverse=order == "desc")
            cursor = query.get("sortKeyLT" if order == "desc" else "sortKeyGT")
            if cursor is not None:
                if not cursor.isdigit():
                    raise ApiFailure(400, "bad-request", "validation-error",
                                     "the page cursor is not one this list gave")
                key = int(cursor)
                found = [m for m in found if (self._order[m["id"]] < key if order == "desc"
                                              else self._order[m["id"]] > key)]
            page = [dict(m) for m in found[:size]]
            last = self._order[page[-1]["id"]] if page else 0
        headers = {}
        if len(found) > size:  # the next page starts after the last of this one
            kept = {k: v for k, v in query.items() if k not in ("sortKeyLT", "sortKeyGT")}
            mark = "sortKeyLT" if order == "desc" else "sortKeyGT"
            cursor_query = urlencode({**kept, "size": size, mark: last})
            headers["Link"] = f'<{self.root}/messages?{cursor_query}>; rel="next"'
        return Reply(200, page, headers)

    @route("GET", "messages/{message}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, dict(self._get(ids["message"])))

    @route("PATCH", "messages/{message}")
    def redact_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        if body != {"text": ""}:
            raise ApiFailure(400, "bad-request", "validation-error",
                             "A message can only be redacted: the body must be {\"text\": \"\"}")
        with self.world.lock:
            self._get(ids["message"])["text"] = ""
        return Reply(200)

    # -- the rules ---------------------------------------------------------------------------

    def send(self, body: Mapping[str, Any]) -> str:
        """An outbound message: recorded as sent, its ``sms``/``mms`` event to its callback
        URL, and a delivery receipt when ``receiptRequested`` is ``all``."""
        validate(MessageOptions, body, "message")
        if "media" in body and body.get("receiptRequested", "none") != "none":
            raise ApiFailure(400, "bad-request", "validation-error",
                             "The 'message' resource property 'receiptRequested' cannot be "
                             "combined with 'media'")
        sender = str(body["from"])
        if sender.startswith("+1") and sender[2:5] in TOLL_FREE:
            raise ApiFailure(403, "forbidden", "message-from-toll-free",
                             f"Messages cannot be sent from toll free numbers {sender}")
        receipt = body.get("receiptRequested", "none")
        with self.world.lock:
            message = self._record(body, "out", "sent")
            if receipt != "none":
                message["deliveryState"] = "waiting"
            target = Target(url=body.get("callbackUrl"), fallback_url=body.get("fallbackUrl"),
                            method=str(body.get("callbackHttpMethod") or "POST").upper(),
                            timeout=int(body.get("callbackTimeout") or 10000) / 1000)
            self._event(message, target)
            if receipt == "all":  # the sandbox's messages are always delivered
                message.update(deliveryState="delivered", deliveryCode=0,
                               deliveryDescription="Message delivered to carrier")
                self._event(message, target)
            self._charge(message)
            return str(message["id"])

    def receive(self, from_: str, to: str, text: str, media: Optional[list[str]] = None) -> str:
        """An inbound message to ``to``: its event goes to the ``incomingMessageUrl`` of the
        number's application (recorded only, when the number has none)."""
        from ._applications import Applications

        body: dict[str, Any] = {"from": from_, "to": to, "text": text,
                                **({"media": media} if media else {})}
        validate(MessageOptions, body, "message")
        with self.world.lock:
            application = self.world.part(Applications).for_number(to)
            message = self._record(body, "in", "received")
            target = Target(url=None)
            if application is not None:
                message["applicationId"] = application["id"]
                target = Target(
                    url=application.get("incomingMessageUrl"),
                    fallback_url=application.get("incomingMessageFallbackUrl"),
                    method=str(application.get("callbackHttpMethod") or "POST").upper(),
                    timeout=int(application.get("incomingMessageUrlCallbackTimeout")
                                or 10000) / 1000)
            else:
                from ._errors import Errors

                self.world.part(Errors).log(
                    "not-found", "no-application-for-number",
                    f"No application is assigned to the number {to}: the message {message['id']} "
                    "was received and not delivered", {"number": to, "messageId": message["id"]})
            self._event(message, target)
            self._charge(message)
            return str(message["id"])

    # -- helpers -----------------------------------------------------------------------------

    def _send_many(self, items: list[Any]) -> Reply:
        if len(items) > MAX_BATCH:
            raise ApiFailure(403, "limit", "multi-message-limit",
                             f"The number of messages in the multi message request is "
                             f"greater than the limit {MAX_BATCH}")
        results = []
        for item in items:
            try:
                if not isinstance(item, dict):
                    raise ApiFailure(400, "bad-request", "invalid-json",
                                     "Each message must be an object")
                message_id = self.send(item)
            except ApiFailure as failure:
                results.append({"result": "error", "error": {
                    "category": failure.category, "code": failure.code,
                    "message": failure.message, "details": []}})
            else:
                results.append({"result": "accepted",
                                "location": f"{self.root}/messages/{message_id}"})
        return Reply(202, results)

    def _record(self, body: Mapping[str, Any], direction: str, state: str) -> dict[str, Any]:
        message_id = new_id("m-")
        message = {"id": message_id, "direction": direction, "state": state,
                   "time": self.now(), **body,
                   "segmentCount": segments(str(body.get("text", "")), body.get("media"))}
        if isinstance(message.get("media"), str):
            message["media"] = [message["media"]]
        self._messages[message_id] = message
        self._order[message_id] = len(self._order) + 1
        return message

    def _event(self, message: Mapping[str, Any], target: Target) -> None:
        payload = {"eventType": "mms" if message.get("media") else "sms",
                   "messageId": message["id"],
                   "messageUri": f"{self.root}/messages/{message['id']}",
                   **{key: message[key] for key in (
                       "direction", "from", "to", "text", "media", "applicationId", "time",
                       "state", "deliveryState", "deliveryCode", "deliveryDescription",
                       "segmentCount", "tag") if key in message}}
        self.world.send(payload, target)

    def _charge(self, message: Mapping[str, Any]) -> None:
        from ._account import Account

        kind = "mms" if message.get("media") else "sms"
        direction = message["direction"]
        number = message["to"] if direction == "in" else message["from"]
        self.world.part(Account).charge(f"{kind}-{direction}", number,
                                        units=int(message["segmentCount"]))

    def _get(self, message_id: str) -> dict[str, Any]:
        found = self._messages.get(message_id)
        if found is None:
            raise ApiFailure(404, "not-found", "message-not-found",
                             f"The message {message_id} could not be found")
        return found
