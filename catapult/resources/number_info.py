"""CNAM lookups: the caller-id name of a phone number; ``client.NumberInfo`` (under
``/v1/`` alone, not a user's root)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping, Optional

import attrs

from .. import _wire
from .._checks import E164
from .._model import Model, field, moment, raw_payload
from ..errors import InvalidOptionError
from ._base import Service

__all__ = ["NumberInfo"]


@attrs.frozen(kw_only=True, repr=False)
class NumberInfo(Model):
    """The caller-id name of a number.

    Attributes:
        number: E.164; name: its caller-id name; created: when it was first looked up;
        updated: when the name last changed; raw.
    """

    number: Optional[str] = field()
    name: Optional[str] = field()
    created: Optional[_dt.datetime] = field(moment)
    updated: Optional[_dt.datetime] = field(moment)
    raw: Mapping[str, Any] = raw_payload()


class NumberInfoCollection(Service):
    """``client.NumberInfo``: ``get(number)``, the CNAM of a number."""

    client_name = "NumberInfo"
    client_doc = "CNAM lookups: client.NumberInfo.get('+19195551212').name"
    path = "phoneNumbers/numberInfo"
    root = "api"

    def get(self, number: str, /) -> NumberInfo:
        """The caller-id name of ``number`` (``GET /v1/phoneNumbers/numberInfo/{number}``).

        Raises:
            InvalidOptionError: a number that is not E.164; nothing was sent.
            NotFoundError: cnam-not-found. Other APIError, TransportError.
        """
        if not E164.test(number):
            raise InvalidOptionError(f"NumberInfo.get takes {E164.allowed}, got "
                                     f"{_wire.show(number)}")
        result = self._transport.request(
            "GET", f"phoneNumbers/numberInfo/{_wire.segment(number, 'number')}", root="api")
        return NumberInfo.from_api(result.json_object("number info"))
