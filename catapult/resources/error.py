"""The error log: the errors the API met while serving the user (a callback it could not
deliver, a number with no application, a request it refused); ``client.Error``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

import attrs

from .. import _kwargs as kw
from .. import _options
from .._compat import Unpack
from .._model import field, ident, moment, raw_payload
from .._options import PageQuery
from .._transport import Transport
from ._base import Collection, Handle, Mirrors, transport_field

if TYPE_CHECKING:
    from .._mirrors import ErrorMirrors
else:
    ErrorMirrors = Mirrors

__all__ = ["LoggedError"]


def _details(value: object) -> Optional[dict[str, Any]]:
    """``[{"id", "name", "value"}, ...]`` as ``{name: value}``, names as sent."""
    if not isinstance(value, list):
        return None
    return {str(item["name"]): item.get("value") for item in value
            if isinstance(item, Mapping) and "name" in item}


@attrs.frozen(kw_only=True, repr=False)
class LoggedError(Handle):
    """An entry of the error log (the official SDKs call it Error; it is no exception).

    Attributes:
        id: the entry's id.
        time: when the error happened.
        code: as in an ``APIError`` (so are ``category`` and ``message``).
        details: its ``[{name, value}]`` list as a dict.
        raw: the payload as received.
    """

    id: str = field(ident, required=True)
    time: Optional[_dt.datetime] = field(moment)
    category: Optional[str] = field()
    code: Optional[str] = field()
    message: Optional[str] = field()
    details: Optional[dict[str, Any]] = field(_details)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "errors"
    id_name = "error_id"
    what = "a logged error"


@_options.documented
@attrs.frozen(kw_only=True)
class _ErrorQuery(PageQuery):
    """The paging of ``client.Error.list``."""


class ErrorCollection(ErrorMirrors, Collection[LoggedError]):
    """``client.Error``: the error log, most recent first; ``get`` one entry."""

    _handle = LoggedError
    client_name = "Error"
    client_doc = "the error log: client.Error.list(limit=20), .get(error_id)"

    @_options.shows_options(_ErrorQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.ErrorQueryKwargs]) -> Iterator[LoggedError]:
        """Iterate over the log (``GET /errors``), most recent first, following ``next``
        links."""
        return self._list("errors", _ErrorQuery, options, query, limit, "error list")
