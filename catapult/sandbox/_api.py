"""The v1 API as the sandbox answers it: Basic auth, the user in the path, then the route
of one of the world's parts (each part declares its own); every failure is the API's
error body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .._wire import basic_auth_matches
from ._http import ApiFailure, Reply, Request, error_reply

if TYPE_CHECKING:
    from . import Sandbox

__all__ = ["handle_api"]

_USER = re.compile(r"/v1/users/([^/]+)/")


def handle_api(sandbox: Sandbox, request: Request) -> Reply:
    """Authenticate, check the user, route; every failure becomes the API's error body."""
    try:
        expected = f"{sandbox.api_token}:{sandbox.api_secret}".encode()
        if not basic_auth_matches(request.headers.get("authorization", ""), expected):
            raise ApiFailure(401, "authentication", "user-access-denied",
                             "Valid API token and secret are required (HTTP Basic)")
        user = _USER.match(request.path + "/")
        if user and unquote(user.group(1)) != sandbox.user_id:
            raise ApiFailure(403, "authorization", "user-access-denied",
                             f"Access to the resources of user {unquote(user.group(1))} "
                             "is denied")
        if user:
            root, rest = "user", request.path[user.end():]
        elif request.path.startswith("/v1/"):
            root, rest = "api", request.path[len("/v1/"):]
        else:
            raise _not_found(request.path)
        allowed = []
        for route, part in sandbox.world.routes:
            if route.root != root:
                continue
            found = route.pattern.fullmatch(rest)
            if found:
                if route.method == request.method:
                    ids = {k: unquote(v) for k, v in found.groupdict().items()}
                    reply: Reply = getattr(part, route.handler)(request, ids)
                    return reply
                allowed.append(route.method)
        if allowed:
            raise ApiFailure(405, "bad-request", "method-not-allowed",
                             f"{request.method} is not allowed on {request.path}; "
                             f"use {', '.join(sorted(set(allowed)))}")
        raise _not_found(request.path)
    except ApiFailure as failure:
        if failure.status != 401:  # an error of the user's (an unknown caller has no log)
            sandbox.world.tell("request_failed", request, failure)
        return error_reply(failure, request)


def _not_found(path: str) -> ApiFailure:
    return ApiFailure(404, "not-found", "resource-not-found",
                      f"The resource {path} could not be found")
