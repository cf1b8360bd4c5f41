"""The pieces of the requests session a client uses: Basic auth with the API's token and
secret, and an adapter whose connections the deadline watchdog can cut off (and that picks
a connection pool once per origin)."""

from __future__ import annotations

import base64
from typing import Any

import requests
import requests.adapters
import requests.auth
import requests.utils

from ._deadline import POOL_CLASSES

__all__ = ["BasicAuth", "GuardedAdapter"]


class BasicAuth(requests.auth.AuthBase):
    """HTTP Basic with the API token and secret; the header is built once, and the repr
    shows neither."""

    def __init__(self, token: str, secret: str) -> None:
        self._header = "Basic " + base64.b64encode(f"{token}:{secret}".encode()).decode()

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = self._header
        return request

    def __repr__(self) -> str:
        return "<BasicAuth (credentials hidden)>"


class GuardedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter over connections that the deadline watchdog can cut off."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        # typed in newer types-requests only (the one pip picks on 3.9 is older)
        super().init_poolmanager(*args, **kwargs)  # type: ignore[no-untyped-call,unused-ignore]
        self.poolmanager.pool_classes_by_scheme = POOL_CLASSES

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(  # type: ignore[no-untyped-call,unused-ignore]
            proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = POOL_CLASSES
        return manager

    def get_connection_with_tls_context(self, request: Any, verify: Any,
                                        proxies: Any = None, cert: Any = None) -> Any:
        """The connection pool requests would pick, picked once per origin and TLS settings:
        requests works it out again on every request (a URL parse, the pool key, the
        manager's lookup), which cost more than anything catapult does itself. Not cached
        through a proxy, and never a pool the manager has closed since."""
        if proxies and requests.utils.select_proxy(request.url, proxies):
            return super().get_connection_with_tls_context(request, verify, proxies, cert)
        origin = request.url.split("/", 3)[:3]
        key = (origin[0], origin[2], verify if isinstance(verify, (bool, str)) else None,
               cert if isinstance(cert, (str, tuple)) else None)
        cache: dict[Any, Any] = self.__dict__.setdefault("_catapult_pools", {})
        pool = cache.get(key)
        if pool is None or pool.pool is None:  # none yet, or closed (evicted) since
            pool = cache[key] = super().get_connection_with_tls_context(
                request, verify, proxies, cert)
        return pool
