"""The media store: the user's own files, the audio of recordings and the text of
transcriptions, and ``/media...``."""

from __future__ import annotations

from typing import Any, Mapping

from ._http import ApiFailure, Reply, Request, not_found
from ._part import Part, route

__all__ = ["MAX_MEDIA", "MediaStore"]

#: the largest media file the API stores
MAX_MEDIA = 65 * 1024 * 1024


class MediaStore(Part):
    """Files by name, with their content types."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._media: dict[str, tuple[bytes, str]] = {}  # name: (bytes, content type)

    @route("GET", "media")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, [{"mediaName": name, "contentLength": len(data),
                                "content": f"{self.root}/media/{name}"}
                               for name, (data, _) in self._media.items()])

    @route("PUT", "media/{name}")
    def put_route(self, request: Request, ids: dict[str, str]) -> Reply:
        name, data = ids["name"], request.raw
        if "content-length" not in request.headers:
            raise ApiFailure(400, "bad-request", "validation-error",
                             "The media size must be given in a Content-Length header")
        if len(data) > MAX_MEDIA:
            raise ApiFailure(403, "forbidden", "media-size-overflow",
                             f"The media {name} is larger than {MAX_MEDIA} bytes")
        self.store(name, data, request.headers.get("content-type", ""))
        return Reply(200)

    @route("GET", "media/{name}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        data, content_type = self.get(ids["name"])
        return Reply(200, headers={"Content-Type": content_type}, raw=data)

    @route("HEAD", "media/{name}")
    def head_route(self, request: Request, ids: dict[str, str]) -> Reply:
        """The GET's headers, no body (the server sends none for a HEAD)."""
        return self.get_route(request, ids)

    @route("DELETE", "media/{name}")
    def delete_route(self, request: Request, ids: dict[str, str]) -> Reply:
        self.get(ids["name"])
        with self.world.lock:
            self._media.pop(ids["name"], None)
        return Reply(200)

    def store(self, name: str, data: bytes, content_type: str) -> None:
        """Keep ``data`` under ``name`` (a same name is replaced)."""
        with self.world.lock:
            self._media[name] = (data, content_type or "application/octet-stream")

    def get(self, name: str) -> tuple[bytes, str]:
        with self.world.lock:
            found = self._media.get(name)
            if found is None:
                raise not_found(f"media {name}", "media-not-found")
            return found

    def drop(self, names: Mapping[str, object]) -> None:
        """Forget the files of these names (a forgotten call's recordings)."""
        with self.world.lock:
            for name in names:
                self._media.pop(name, None)
