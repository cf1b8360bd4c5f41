"""Applications: where the events of incoming calls (and messages) to your numbers go;
``client.Application``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options
from .._checks import BOOLEAN, CALLBACK_METHOD, HTTP_URL, text, whole
from .._compat import Unpack
from .._model import boolean, field, ident, integer, raw_payload
from .._options import PageQuery, option
from .._transport import Transport
from ..errors import InvalidOptionError
from ._base import Collection, Handle, Mirrors, transport_field

if TYPE_CHECKING:
    from .._mirrors import ApplicationMirrors
else:
    ApplicationMirrors = Mirrors

__all__ = ["Application", "ApplicationOptions"]


@_options.documented
@attrs.frozen(kw_only=True)
class ApplicationOptions:
    """The options of ``client.Application.create`` and ``application.update``; create
    needs ``name`` and ``incoming_call_url`` or ``incoming_message_url``."""

    name: Optional[str] = option(text(), doc="a name of yours (required to create)")
    incoming_call_url: Optional[str] = option(HTTP_URL, doc="where incoming calls' events go")
    incoming_call_url_callback_timeout: Union[int, str, None] = option(
        whole(1, 10000), doc="milliseconds to wait for it (default 10000)")
    incoming_call_fallback_url: Optional[str] = option(
        HTTP_URL, doc="used when incoming_call_url fails")
    incoming_message_url: Optional[str] = option(
        HTTP_URL, doc="where incoming messages' events go")
    incoming_message_url_callback_timeout: Union[int, str, None] = option(
        whole(1, 10000), doc="milliseconds to wait for it (default 10000)")
    incoming_message_fallback_url: Optional[str] = option(
        HTTP_URL, doc="used when incoming_message_url fails")
    callback_http_method: Optional[str] = option(
        CALLBACK_METHOD, doc="how events are sent (GET for BXML; default POST)")
    auto_answer: Optional[bool] = option(
        BOOLEAN, doc="the platform answers incoming calls (the API's default True)")


@_options.documented
@attrs.frozen(kw_only=True)
class _ApplicationQuery(PageQuery):
    """The paging of ``client.Application.list``."""


@attrs.frozen(kw_only=True, repr=False)
class Application(Handle):
    """An application. ``client.Application("a-1")`` is a handle that made no request.

    Attributes:
        id: ``"a-..."``.
        name: the application's name.
        incoming_call_url: where incoming calls' events go (also
            ``incoming_call_fallback_url``, ``incoming_call_url_callback_timeout``, and the
            same three for messages, ``incoming_message_url`` and the rest).
        callback_http_method: ``GET`` or ``POST``.
        auto_answer: whether incoming calls are answered before the first event.
        raw: the payload as received (not part of repr or equality).
    """

    id: str = field(ident, required=True)
    name: Optional[str] = field()
    incoming_call_url: Optional[str] = field()
    incoming_call_url_callback_timeout: Optional[int] = field(integer)
    incoming_call_fallback_url: Optional[str] = field()
    incoming_message_url: Optional[str] = field()
    incoming_message_url_callback_timeout: Optional[int] = field(integer)
    incoming_message_fallback_url: Optional[str] = field()
    callback_http_method: Optional[str] = field()
    auto_answer: Optional[bool] = field(boolean)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "applications"
    id_name = "application_id"
    what = "an application"

    @_options.shows_options(ApplicationOptions)
    def update(self, options: Union[ApplicationOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.ApplicationKwargs]) -> None:
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


class ApplicationCollection(ApplicationMirrors, Collection[Application]):
    """``client.Application``: create, get, list; each application method also id first."""

    _handle = Application
    client_name = "Application"
    client_doc = "applications: where incoming calls to your numbers report"

    @_options.shows_options(ApplicationOptions)
    def create(self, options: Union[ApplicationOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.ApplicationKwargs]) -> Application:
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

    @_options.shows_options(_ApplicationQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.ApplicationQueryKwargs]) -> Iterator[Application]:
        """Iterate over applications (``GET /applications``), following ``next`` links."""
        return self._list("applications", _ApplicationQuery, options, query, limit,
                          "application list")
