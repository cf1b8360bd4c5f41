"""Every request the SDK can make has a route in the sandbox: each public method of each
collection (its handle's methods come with it, id first) is called against a transport
that records its first request instead of sending it, and the sandbox's route tables must
answer that method and path."""

from __future__ import annotations

import inspect
from typing import Any, Iterator

import pytest

import catapult
from catapult import _adapter, _transport
from catapult.resources._base import Handle
from catapult.sandbox._part import Part
from catapult.sandbox._world import _load_parts
from tools import generate

#: a value for each parameter name the methods take positionally
VALUES: dict[str, Any] = {
    "sentence": "Hello", "file_url": "https://e.example/a.mp3", "dtmf_out": "1",
    "transfer_to": "+19195550000", "enabled": True, "seconds": 5, "media_name": "m.wav",
    "source": b"RIFF", "kind": "local", "muted": True, "held": True, "options": None,
    "token": "tok-1", "number": "+19195551212",
    "messages": [{"from": "+19195551212", "to": "+19195551213", "text": "hi"}],
}
#: what a method needs besides ids before it sends anything, by (client attribute, method)
EXAMPLES: dict[tuple[str, str], dict[str, Any]] = {
    ("Call", "create"): {"from_": "+19195551212", "to": "+19195551213"},
    ("Conference", "create"): {"from_": "+19195551212"},
    ("Application", "create"): {"name": "ivr", "incoming_call_url": "https://e.example/c"},
    ("PhoneNumber", "allocate"): {"number": "+19195551212"},
    ("Domain", "create"): {"name": "acme"},
    **{("Message", name): {"from_": "+19195551212", "to": "+19195551213", "text": "hi"}
       for name in ("create", "send")},
    ("Message", "patch"): {"text": ""},
    **{(attribute, name): {"name": "alice", "credentials": {"password": "s1p-Pa55word"}}
       for attribute, name in (("Domain", "create_endpoint"), ("Endpoint", "create"))},
    ("PhoneNumber", "create"): {"number": "+19195551212"},
    **{("AvailableNumber", name): {"area_code": "919"}
       for name in ("search_local", "search_and_order_local", "search", "search_and_order")},
}


class _Sent(Exception):
    """The recorded request, raised in place of sending it."""


class Recorder(_transport.Transport):
    """A transport that records the first request of a call and sends nothing."""

    def __init__(self) -> None:
        super().__init__("https://api.test.example", "u-1", _adapter.BasicAuth("t", "s"),
                         catapult.Timeout(), 0)
        self.sent: list[tuple[str, str, str]] = []

    def request(self, method: str, path: str, **options: Any) -> Any:  # type: ignore[override]
        self.sent.append((method, path, options.get("root", "user")))
        raise _Sent

    def paginate(self, path: str, params: Any = None, limit: Any = None,  # type: ignore[override]
                 root: str = "user") -> Iterator[Any]:
        self.sent.append(("GET", path, root))
        raise _Sent
        yield  # pragma: no cover (a generator, as the real one)


def _arguments(attribute: str, name: str, method: Any) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    for param in list(inspect.signature(method).parameters.values()):
        if param.kind not in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD) or \
                param.default is not param.empty and param.name not in VALUES:
            continue
        if param.name.endswith("_id"):
            args.append("x-1")
        elif param.name in VALUES:
            if VALUES[param.name] is None:
                break
            args.append(VALUES[param.name])
        else:
            raise AssertionError(f"client.{attribute}.{name}: add a value for its parameter "
                                 f"{param.name!r} to VALUES")
    return args, dict(EXAMPLES.get((attribute, name), {}))


def sdk_requests() -> list[tuple[str, str, str, str]]:
    """(method, path, root, which SDK method) of the first request of every method."""
    found = []
    for attribute, module, cls, _ in generate.client_collections():
        transport = Recorder()
        collection = getattr(__import__(f"catapult.{module}", fromlist=[cls]), cls)(transport)
        for name in dir(collection):
            method = getattr(collection, name)
            if name.startswith("_") or not callable(method):
                continue
            args, kwargs = _arguments(attribute, name, method)
            try:
                result = method(*args, **kwargs)
                if inspect.isgenerator(result) or isinstance(result, Iterator):
                    next(iter(result))
            except _Sent:
                pass
            except catapult.InvalidOptionError as exc:
                raise AssertionError(f"client.{attribute}.{name} sends nothing with "
                                     f"{args} {kwargs}: {exc}; add an example") from None
            else:
                if not transport.sent and not isinstance(result, Handle):  # a handle is free
                    raise AssertionError(f"client.{attribute}.{name} made no request")
            if transport.sent:
                method_, path, root = transport.sent[0]
                found.append((method_, path, root, f"client.{attribute}.{name}"))
                transport.sent.clear()
    return found


def test_every_request_of_the_sdk_has_a_route_in_the_sandbox():
    routes = [route for kind in _load_parts() for route in kind.routes]
    requests = sdk_requests()
    assert len(requests) > 100
    missing = [f"{name}: {method} {root}:{path}" for method, path, root, name in requests
               if not any(route.method == method and route.root == root
                          and route.pattern.fullmatch(path) for route in routes)]
    assert not missing, missing


def test_every_route_names_a_method_of_its_part():
    for kind in _load_parts():
        for route in kind.routes:
            assert callable(getattr(kind, route.handler)), route
    assert issubclass(_load_parts()[0], Part)


@pytest.mark.parametrize("path", ["calls", "calls/c-1/gather/g-1", "media/m.wav"])
def test_a_route_pattern_takes_one_segment_per_id(path):
    routes = [route for kind in _load_parts() for route in kind.routes]
    assert any(route.pattern.fullmatch(path) for route in routes)
    assert not any(route.pattern.fullmatch(f"{path}/x/y/z") for route in routes
                   if route.method == "GET" and route.path.count("/") == path.count("/"))
