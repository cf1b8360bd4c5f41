"""A body that JSON cannot carry is refused before anything is sent."""

from __future__ import annotations

import pytest

import catapult


def test_a_body_that_json_cannot_carry_is_refused_before_sending(mocked, client):
    with pytest.raises(catapult.InvalidOptionError, match="cannot be sent"):
        client.Call("c-1").create_gather(tag="\ud800")
    assert len(mocked.calls) == 0
