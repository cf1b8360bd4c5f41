"""Text and multimedia messages (v1 messaging): send one or up to 50 at once, read them,
list them page by page, redact their text; ``client.Message``."""

from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Sequence, Union

import attrs

from .. import _kwargs as kw
from .. import _options, _response, _wire
from .._checks import CALLBACK_METHOD, E164, HTTP_URL, Check, one_of, text, whole
from .._compat import Unpack
from .._model import field, ident, integer, moment, raw_payload, string
from .._options import option
from .._transport import Transport
from ..errors import APIError, InvalidOptionError, ProtocolError
from ._base import Collection, Handle, Mirrors, transport_field

if TYPE_CHECKING:
    from .._mirrors import MessageMirrors
else:
    MessageMirrors = Mirrors

__all__ = ["Message", "MessageOptions", "MessageResult"]

#: the most messages one request may send
MAX_BATCH = 50
#: the longest text a message may carry
MAX_TEXT = 2048


def _media(value: object) -> bool:
    if isinstance(value, str):
        return HTTP_URL.test(value)
    return isinstance(value, (list, tuple)) and bool(value) and all(
        isinstance(item, str) and HTTP_URL.test(item) for item in value)


#: a message's text, and any other string option (the class's own ``text`` field would
#: shadow the check's name inside it)
TEXT = text(max_length=MAX_TEXT)
STRING = text()
MEDIA = Check("an absolute http(s) URL or a non-empty list of them", _media)
#: a time filter of the message list: the docs' ``yyyy-MM-dd hh:mm:ss.sss`` (parts may be
#: left out), or a datetime
DATE_TIME = Check(
    "a datetime or a string yyyy-MM-dd[ hh[:mm[:ss[.sss]]]]",
    lambda value: isinstance(value, _dt.datetime) or isinstance(value, str) and
    text(pattern=r"\d{4}-\d{2}-\d{2}( \d{2}(:\d{2}(:\d{2}(\.\d{1,3})?)?)?)?").test(value))


@_options.documented
@attrs.frozen(kw_only=True)
class MessageOptions:
    """The options of ``client.Message.send``; ``media`` makes it an MMS."""

    from_: Optional[str] = option(E164, required=True, doc="one of your numbers")
    to: Optional[str] = option(E164, required=True, doc="who receives it")
    text: Optional[str] = option(
        TEXT, required=True,
        doc="its text (over 160 characters it is sent in segments)")
    media: Union[str, Sequence[str], None] = option(
        MEDIA, doc="for an MMS: the URL of a file, or a list of them")
    receipt_requested: Optional[str] = option(
        one_of("none", "all", "error"),
        doc="which delivery receipts come back as events (the API's default none); not "
            "with media")
    callback_url: Optional[str] = option(HTTP_URL, doc="where its events go")
    callback_http_method: Optional[str] = option(
        CALLBACK_METHOD, doc="how events are sent (default POST)")
    callback_timeout: Union[int, str, None] = option(
        whole(1, 10000), doc="milliseconds to wait for callback_url (default 10000)")
    fallback_url: Optional[str] = option(HTTP_URL, doc="used when callback_url fails")
    tag: Optional[str] = option(STRING, doc="a string of yours, echoed in its events")


@_options.documented
@attrs.frozen(kw_only=True)
class _MessageQuery:
    """The filters and page size of ``client.Message.list`` (its pages follow a cursor:
    there is no ``page``)."""

    from_: Optional[str] = option(E164, doc="messages from this number")
    to: Optional[str] = option(E164, doc="messages to this number")
    from_date_time: Union[str, _dt.datetime, None] = option(
        DATE_TIME, doc="messages at or after this time (UTC)")
    to_date_time: Union[str, _dt.datetime, None] = option(
        DATE_TIME, doc="messages at or before this time (UTC)")
    direction: Optional[str] = option(one_of("in", "out"), doc="inbound or outbound")
    state: Optional[str] = option(
        one_of("received", "queued", "sending", "sent", "error"), doc="their state")
    delivery_state: Optional[str] = option(
        one_of("waiting", "delivered", "not-delivered"), doc="their delivery receipt")
    sort_order: Optional[str] = option(one_of("asc", "desc"),
                                       doc="by time; the API returns newest first")
    size: Union[int, str, None] = option(whole(1, 1000), doc="messages per page (default 25)")


@attrs.frozen(kw_only=True, repr=False)
class Message(Handle):
    """A message. ``client.Message("m-1")`` is a handle that made no request.

    Attributes:
        id: ``"m-..."``.
        from_: the sender (``to``: the recipient).
        direction: ``in`` or ``out``.
        text: the text (the API keeps it a limited time).
        media: the URLs of an MMS's files.
        state: ``received``, ``queued``, ``sending``, ``sent`` or ``error``.
        time: when it was sent or received.
        delivery_state: its receipt (also ``delivery_code``, ``delivery_description``).
        segment_count: how many segments it was sent in.
        callback_url: where its events go (also ``callback_timeout``, ``fallback_url``,
            ``receipt_requested``, ``tag``).
        raw: the payload as received.
    """

    id: str = field(ident, required=True)
    from_: Optional[str] = field()
    to: Optional[str] = field()
    direction: Optional[str] = field()
    text: Optional[str] = field()
    media: Optional[tuple[str, ...]] = field(lambda value: (value,) if isinstance(value, str)
                                             else tuple(str(v) for v in value)
                                             if isinstance(value, list) else None)
    state: Optional[str] = field()
    time: Optional[_dt.datetime] = field(moment)
    delivery_state: Optional[str] = field()
    delivery_code: Optional[int] = field(integer)
    delivery_description: Optional[str] = field()
    segment_count: Optional[int] = field(integer)
    callback_url: Optional[str] = field()
    callback_timeout: Optional[int] = field(integer)
    fallback_url: Optional[str] = field()
    receipt_requested: Optional[str] = field()
    tag: Optional[str] = field(string)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "messages"
    id_name = "message_id"
    what = "a message"

    def redact(self) -> None:
        """Remove its text for good (``PATCH /messages/{id}`` with ``{"text": ""}``)."""
        self._t.request("PATCH", self._path(), body={"text": ""})

    def patch(self, options: Optional[Mapping[str, Any]] = None, /, **kwargs: Any) -> None:
        """The official SDKs' name for redacting: only ``{"text": ""}`` is allowed (the API
        refuses any other change).

        Raises:
            InvalidOptionError: anything but ``text=""``; nothing was sent.
        """
        given = {**dict(_options.items_of(options, "message patch")), **kwargs}
        if given != {"text": ""}:
            raise InvalidOptionError("a message can only be redacted: patch takes "
                                     f"{{'text': ''}} and nothing else, got {_wire.show(given)}")
        self.redact()


@attrs.frozen(kw_only=True)
class MessageResult:
    """What became of one message of ``send_multiple``, in the order sent.

    Attributes:
        accepted: whether the API took it.
        id: the new message's id when accepted, else None.
        error: why it was refused (an ``APIError``: ``code``, ``category``, ``message``,
            ``details``; its ``status`` from the category), else None.
        sent: the message as it was sent (its JSON body).
    """

    accepted: bool
    id: Optional[str] = None
    error: Optional[APIError] = attrs.field(default=None, eq=False)
    sent: Mapping[str, Any] = attrs.field(factory=dict, repr=False)


def _checked(options: Union[MessageOptions, Mapping[str, Any], None],
             kwargs: Mapping[str, Any], title: str) -> dict[str, Any]:
    body = _options.to_body(MessageOptions, _options.items_of(options, title)
                            + list(kwargs.items()), title)
    if "media" in body and body.get("receiptRequested", "none") != "none":
        raise InvalidOptionError(f"{title}: receipt_requested cannot be combined with media "
                                 "(the API refuses it)")
    return body


def _result(item: object, sent: Mapping[str, Any], url: str) -> MessageResult:
    if not isinstance(item, Mapping):
        raise ProtocolError(f"POST {url}: a multi-message result is not an object: {item!r}")
    if item.get("result") == "accepted":
        location = _wire.location_id(item.get("location"), f"POST {url} result")
        if location is None:
            raise ProtocolError(f"POST {url}: an accepted message without its location")
        return MessageResult(accepted=True, id=location, sent=sent)
    found = item.get("error")
    error: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    status = _response.STATUS_OF_CATEGORY.get(str(error.get("category", "")).lower(), 400)
    content = json.dumps(error).encode()
    failure = _response.api_error(status=status, reason="", headers={}, content=content,
                                  text=content.decode(), method="POST", url=url,
                                  path="messages")
    return MessageResult(accepted=False, error=failure, sent=sent)


class MessageCollection(MessageMirrors, Collection[Message]):
    """``client.Message``: send, get and list messages; each message method also id first."""

    _handle = Message
    client_name = "Message"
    client_doc = "text and multimedia messages: client.Message.send(from_=..., to=..., text=...)"

    @_options.shows_options(MessageOptions)
    def send(self, options: Union[MessageOptions, Mapping[str, Any], None] = None, /,
             **kwargs: Unpack[kw.MessageKwargs]) -> Message:
        """Send a message (``POST /messages``); the id comes from ``Location`` (no GET): the
        Message returned holds the id and what was sent. Its status and receipts come as
        ``sms``/``mms`` events to its ``callback_url``.

        Raises:
            InvalidOptionError: no ``from_``, ``to`` or ``text``, text over 2048
                characters, ``receipt_requested`` with ``media``; nothing was sent.
            RateLimitError: 403 ``message-rate-limit``. ForbiddenError:
                ``message-from-toll-free``, ``restricted-number``. Other APIError.
        """
        body = _checked(options, kwargs, "message")
        result = self._transport.request("POST", "messages", body=body, created=True)
        return Message.from_api({**body, "id": result.created_id()}, transport=self._transport)

    create = send                          # Ruby's name

    def send_multiple(self, messages: Sequence[Union[MessageOptions, Mapping[str, Any]]], /
                      ) -> list[MessageResult]:
        """Send up to 50 messages in one request (``POST /messages`` with a list; ``202``):
        one ``MessageResult`` per message, in order. A message the API refuses is a result
        with its ``error``; nothing is raised for it.

        Raises:
            InvalidOptionError: more than 50 messages, none, or a message with bad options
                (its index named); nothing was sent.
        """
        if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, Sequence):
            raise InvalidOptionError("send_multiple takes a list of messages (dicts or "
                                     f"MessageOptions), got {type(messages).__name__}")
        if not 1 <= len(messages) <= MAX_BATCH:
            raise InvalidOptionError(f"send_multiple takes 1 to {MAX_BATCH} messages, got "
                                     f"{len(messages)}")
        bodies = [_checked(item, {}, f"message {index}") for index, item in enumerate(messages)]
        result = self._transport.request("POST", "messages", body=bodies)
        items = result.data
        if not isinstance(items, list) or len(items) != len(bodies):
            raise ProtocolError("POST messages: a multi-message answer must be a list with a "
                                f"result per message ({len(bodies)}), got {items!r:.200}")
        url = f"{self._transport.roots['user']}/messages"
        return [_result(item, body, url) for item, body in zip(items, bodies)]

    @_options.shows_options(_MessageQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.MessageQueryKwargs]) -> Iterator[Message]:
        """Iterate over messages (``GET /messages``), newest first, following the cursor in
        each page's ``next`` link; ``limit`` stops early (no further page is fetched)."""
        chosen: dict[Any, Any] = {**dict(_options.items_of(options, "message list")),
                                  **query}
        for key in ("from_date_time", "fromDateTime", "to_date_time", "toDateTime"):
            if isinstance(chosen.get(key), _dt.datetime):  # a naive one is taken as UTC
                given = chosen[key]
                moment_ = (given.replace(tzinfo=_dt.timezone.utc) if given.tzinfo is None
                           else given.astimezone(_dt.timezone.utc))
                chosen[key] = moment_.strftime("%Y-%m-%d %H:%M:%S.") + \
                    f"{moment_.microsecond // 1000:03d}"
        return self._list("messages", _MessageQuery, chosen, {}, limit, "message list")
