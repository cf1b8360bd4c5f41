"""Property: whatever id a caller passes, the request goes to that id's own path segment,
or nothing is sent."""

from __future__ import annotations

import re
from urllib.parse import unquote

import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import catapult

from ..support import BASE, SECRET, TOKEN

GATHERS = "/v1/users/u-user/calls/c-1/gather/"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gather_id=st.one_of(st.text(), st.sampled_from(["", ".", "..", "./", "../..", "%2e",
                                                       "a/../..", "?x=1", "#f", "\ud800"])))
def test_any_id_reaches_its_own_segment_or_nothing_is_sent(gather_id):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock, \
            catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, max_retries=0) as client:
        mock.add(responses.GET, re.compile(".*"), json={"id": "g"})
        try:
            client.Call("c-1").get_gather(gather_id)
        except catapult.InvalidOptionError:
            assert gather_id in ("", ".", "..") or not _encodable(gather_id)
            assert len(mock.calls) == 0
            return
        [sent] = mock.calls
        path = sent.request.path_url
        assert path.startswith(GATHERS)
        segment = path[len(GATHERS):]
        assert "/" not in segment and "?" not in segment and "#" not in segment
        assert unquote(segment) == gather_id


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False
