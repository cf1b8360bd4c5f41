"""CallbackApp without a server: handlers by name, class and any; one failing handler does
not starve the others; settings are checked."""

from __future__ import annotations

import pytest

import catapult

from ..support import GATHER


def test_other_handlers_still_run_when_one_fails():
    app = catapult.CallbackApp()
    seen = []

    @app.on_any
    def broken(event):
        raise ValueError("no")

    @app.on(catapult.GatherEvent)
    def fine(event):
        seen.append(event)

    with pytest.raises(ValueError):
        app.dispatch(catapult.parse_event(GATHER))
    assert len(seen) == 1


def test_handlers_by_name_class_and_any():
    app = catapult.CallbackApp()
    calls = []
    app.on("gather")(lambda e: calls.append("name"))
    app.on(catapult.GatherEvent)(lambda e: calls.append("class"))
    app.on(catapult.Event)(lambda e: calls.append("base class"))
    app.on("hangup")(lambda e: calls.append("hangup"))
    app.on_any(lambda e: calls.append("any"))
    assert app.dispatch(catapult.parse_event(GATHER)) == 4
    assert calls == ["name", "class", "base class", "any"]


@pytest.mark.parametrize("kind, needle", [
    ("gathr", "did you mean 'gather'?"), ("Gather", "unknown event type"), (dict, "takes"),
])
def test_on_rejects_unknown_types(kind, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        catapult.CallbackApp().on(kind)


def test_settings_are_checked():
    with pytest.raises(catapult.ConfigurationError, match="go together"):
        catapult.CallbackApp(username="u")
    with pytest.raises(catapult.ConfigurationError, match="max_body"):
        catapult.CallbackApp(max_body=0)
