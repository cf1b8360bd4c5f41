"""Applications: where the events of incoming calls (and messages) to your numbers go;
``client.Application``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _options, _wire
from .._idfirst import IdFirst
from .._options import BOOLEAN, CALLBACK_METHOD, HTTP_URL, option, text, whole
from .._transport import Transport
from ..errors import InvalidOptionError
from ._base import Collection, Handle

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import ApplicationKwargs, ApplicationQueryKwargs

__all__ = ["Application", "ApplicationCollection", "ApplicationOptions"]


@attrs.frozen(kw_only=True)
class ApplicationOptions:
    """The options of ``client.Application.create`` and ``application.update``.

    Attributes:
        name: required on create; a string.
        incoming_call_url: where the events of incoming calls go (create needs this or
            ``incoming_message_url``).
        incoming_call_url_callback_timeout: milliseconds, 1..10000 (default 10000).
        incoming_call_fallback_url: used when ``incoming_call_url`` fails.
        incoming_message_url, incoming_message_url_callback_timeout,
        incoming_message_fallback_url: the same for messages.
        callback_http_method: ``"POST"`` (default) or ``"GET"`` (what BXML needs).
        auto_answer: bool; the platform answers incoming calls (the API's default True).
    """

    name: Optional[str] = option(text())
    incoming_call_url: Optional[str] = option(HTTP_URL)
    incoming_call_url_callback_timeout: Union[int, str, None] = option(whole(1, 10000))
    incoming_call_fallback_url: Optional[str] = option(HTTP_URL)
    incoming_message_url: Optional[str] = option(HTTP_URL)
    incoming_message_url_callback_timeout: Union[int, str, None] = option(whole(1, 10000))
    incoming_message_fallback_url: Optional[str] = option(HTTP_URL)
    callback_http_method: Optional[str] = option(CALLBACK_METHOD)
    auto_answer: Optional[bool] = option(BOOLEAN)


@attrs.frozen(kw_only=True)
class _Query:
    page: Union[int, str, None] = option(whole(0))
    size: Union[int, str, None] = option(whole(1, 1000))


@attrs.frozen(kw_only=True, repr=False)
class Application(Handle):
    """An application. ``client.Application("a-1")`` is a handle that made no request.

    Attributes:
        id: ``"a-..."``; name; incoming_call_url, incoming_call_fallback_url,
        incoming_call_url_callback_timeout; incoming_message_url, ...; callback_http_method;
        auto_answer; raw: the payload as received (not part of repr or equality).
    """

    id: str
    name: Optional[str] = None
    incoming_call_url: Optional[str] = None
    incoming_call_url_callback_timeout: Optional[int] = None
    incoming_call_fallback_url: Optional[str] = None
    incoming_message_url: Optional[str] = None
    incoming_message_url_callback_timeout: Optional[int] = None
    incoming_message_fallback_url: Optional[str] = None
    callback_http_method: Optional[str] = None
    auto_answer: Optional[bool] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _transport: Optional[Transport] = attrs.field(default=None, repr=False, eq=False,
                                                  alias="transport")

    resource_path = "applications"
    id_name = "application_id"
    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *,
                 transport: Optional[Transport] = None) -> Application:
        """Build from the API's JSON; unknown fields stay in ``raw``."""
        def number(key: str) -> Optional[int]:
            value = payload.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        text_of = _wire.text_or_none
        answer = payload.get("autoAnswer")
        return cls(
            id=text_of(payload.get("id")) or "", name=text_of(payload.get("name")),
            incoming_call_url=text_of(payload.get("incomingCallUrl")),
            incoming_call_url_callback_timeout=number("incomingCallUrlCallbackTimeout"),
            incoming_call_fallback_url=text_of(payload.get("incomingCallFallbackUrl")),
            incoming_message_url=text_of(payload.get("incomingMessageUrl")),
            incoming_message_url_callback_timeout=number("incomingMessageUrlCallbackTimeout"),
            incoming_message_fallback_url=text_of(payload.get("incomingMessageFallbackUrl")),
            callback_http_method=text_of(payload.get("callbackHttpMethod")),
            auto_answer=answer if isinstance(answer, bool) else None,
            raw=dict(payload), transport=transport,
        )

    def refresh(self) -> Application:
        """Fetch the application (``GET /applications/{id}``)."""
        result = self._t.request("GET", self._path())
        return Application.from_api(result.json_object("an application"), transport=self._t)

    @_options.shows_options(ApplicationOptions)
    def update(self, options: Union[ApplicationOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[ApplicationKwargs]) -> None:
        """Change some fields (``POST /applications/{id}``); fields not sent keep their value.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
        """
        body = _options.to_body(ApplicationOptions, _options.items_of(options, "application")
                                + list(kwargs.items()), "application")
        self._t.request("POST", self._path(), body=body)

    def delete(self) -> None:
        """Delete the application for good (``DELETE /applications/{id}``)."""
        self._t.request("DELETE", self._path())


class ApplicationCollection(Collection[Application]):
    """``client.Application``: create, get, list; each application method also id first."""

    _handle = Application

    @_options.shows_options(ApplicationOptions)
    def create(self, options: Union[ApplicationOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[ApplicationKwargs]) -> Application:
        """Create an application (``POST /applications``); the id comes from ``Location``
        (no GET): the Application returned holds the id and what was sent.

        Raises:
            InvalidOptionError: no ``name``, neither ``incoming_call_url`` nor
                ``incoming_message_url``, an unknown option or a bad value.
        """
        body = _options.to_body(ApplicationOptions, _options.items_of(options, "application")
                                + list(kwargs.items()), "application")
        if not body.get("name"):
            raise InvalidOptionError("application option name is required")
        if not (body.get("incomingCallUrl") or body.get("incomingMessageUrl")):
            raise InvalidOptionError("an application needs incoming_call_url or "
                                     "incoming_message_url (or both)")
        result = self._transport.request("POST", "applications", body=body, created=True)
        return Application.from_api({**body, "id": result.created_id()},
                                    transport=self._transport)

    @_options.shows_options(_Query)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[ApplicationQueryKwargs]) -> Iterator[Application]:
        """Iterate over applications (``GET /applications``), following ``next`` links."""
        return self._list(_Query, options, query, limit, "application list")

    refresh = IdFirst(Application.refresh)
    update = IdFirst(Application.update)
    delete = IdFirst(Application.delete)
