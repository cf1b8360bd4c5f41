"""Media: your private file store (audio to play, recordings, transcription texts);
``client.Media``."""

from __future__ import annotations

import os
from typing import IO, Any, Mapping, Optional, Union

import attrs

from .. import _wire
from .._model import Model, field, ident, integer, raw_payload
from .._transport import Transport
from ..errors import InvalidOptionError

__all__ = ["MediaFile"]

#: what ``upload`` takes: bytes, a file path, or a binary file object
Source = Union[bytes, bytearray, memoryview, str, os.PathLike[str], IO[bytes]]
#: where ``download`` can also write: a file path, or a binary file object
Target = Union[str, os.PathLike[str], IO[bytes], None]

#: the largest file the API stores
MAX_BYTES = 65 * 1024 * 1024


@attrs.frozen(kw_only=True, repr=False)
class MediaFile(Model):
    """One file of the media store, as ``client.Media.list()`` and ``get_info`` give it.

    Attributes:
        media_name: its name (``"c-...-1.wav"``).
        content_length: its size in bytes.
        content: its URL (from ``list``).
        content_type: its MIME type (from ``get_info``; ``list`` does not give it).
        raw: the payload as received (for ``get_info``, the answer's headers).
    """

    media_name: str = field(ident, required=True)
    content_length: Optional[int] = field(integer)
    content: Optional[str] = field()
    content_type: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()


class MediaCollection:
    """``client.Media``: list, upload, download and delete the files of your media store."""

    client_name = "Media"
    client_doc = "the media store: client.Media.upload(name, data), .download, .list, .delete"

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<MediaCollection {self._transport.root}/media>"

    def list(self) -> list[MediaFile]:
        """Every file of the store (``GET /media``)."""
        return [MediaFile.from_api(item) for item in self._transport.paginate("media")
                if isinstance(item, Mapping)]

    def upload(self, media_name: str, source: Source,
               content_type: str = "application/octet-stream") -> None:
        """Store a file under ``media_name`` (``PUT /media/{name}``); an existing file of that
        name is replaced.

        Args:
            media_name: the file's name in the store (one path segment).
            source: the bytes, a file path, or a binary file object (read to its end).
            content_type: e.g. ``"audio/mpeg"``, ``"audio/wav"`` (calls play WAV and MP3);
                default ``application/octet-stream``, as the official SDKs sent.

        Raises:
            InvalidOptionError: a bad name or source, or more than 65 MB; nothing was sent.
        """
        data = _read(source)
        if len(data) > MAX_BYTES:
            raise InvalidOptionError(f"a media file is at most 65 MB, got {len(data)} bytes")
        if not isinstance(content_type, str) or "/" not in content_type:
            raise InvalidOptionError(
                f"content_type must be a MIME type such as 'audio/mpeg', got {content_type!r}")
        self._transport.request("PUT", _path(media_name), content=data,
                                content_type=content_type)

    def download(self, media_name: str, to: Target = None) -> bytes:
        """The file's bytes (``GET /media/{name}``); also written to ``to`` (a path or a
        binary file object) when given."""
        content = self._transport.request("GET", _path(media_name)).content
        _write(content, to)
        return content

    def get_info(self, media_name: str) -> MediaFile:
        """The file's size and content type, without its bytes (``HEAD /media/{name}``;
        Ruby's ``Media.get_info``, which the API answered though it never documented it).

        Raises:
            NotFoundError: no file of that name.
        """
        result = self._transport.request("HEAD", _path(media_name))
        headers = result.headers
        length = headers.get("Content-Length")
        return MediaFile(media_name=media_name, content_type=headers.get("Content-Type"),
                         content_length=int(length) if length and length.isdigit() else None,
                         raw=dict(headers))

    def delete(self, media_name: str) -> None:
        """Delete the file (``DELETE /media/{name}``); the name can be used again at once."""
        self._transport.request("DELETE", _path(media_name))


def _path(media_name: str) -> str:
    return f"media/{_wire.segment(media_name, 'media_name')}"


def _read(source: object) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, (str, os.PathLike)):
        try:
            with open(source, "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise InvalidOptionError(f"cannot read the file {os.fspath(source)!r}: "
                                     f"{exc.strerror}") from None
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, (bytes, bytearray)):
            return bytes(data)
    raise InvalidOptionError(
        f"source must be bytes, a file path or a binary file object, got {type(source).__name__}")


def _write(content: bytes, to: object) -> None:
    if to is None:
        return
    if isinstance(to, (str, os.PathLike)):
        with open(to, "wb") as handle:
            handle.write(content)
        return
    write = getattr(to, "write", None)
    if not callable(write):
        raise InvalidOptionError(
            f"to must be a file path or a binary file object, got {type(to).__name__}")
    write(content)
