"""What create_gather puts on the wire, in each style the official samples use."""

from __future__ import annotations

import json

import pytest
import responses

import catapult
from catapult.resources.gather import GatherOptions, Prompt

from ..support import ROOT

GATHER_URL = f"{ROOT}/calls/c-1/gather"
LOCATION = "/v1/users/u-user/calls/c-1/gather/gtr-kj4xloaq5vbpfxyeypndgxa"

# The seed sample's options, and the bytes JSON.stringify (JS) and Ruby's to_json send for them
SEED_JS = {"maxDigits": "5", "terminatingDigits": "*", "interDigitTimeout": "7",
           "prompt": {"sentence": "Please enter your 5 digit code"}}
SEED_RUBY = {"max_digits": "5", "terminating_digits": "*", "inter_digit_timeout": "7",
             "prompt": {"sentence": "Please enter your 5 digit code"}}
SEED_BYTES = (b'{"maxDigits":"5","terminatingDigits":"*","interDigitTimeout":"7",'
              b'"prompt":{"sentence":"Please enter your 5 digit code"}}')


def created(mocked: responses.RequestsMock, location: str = LOCATION) -> None:
    mocked.add(responses.POST, GATHER_URL, status=201, headers={"Location": location})


def sent(mocked: responses.RequestsMock, index: int = 0) -> bytes:
    body = mocked.calls[index].request.body
    assert isinstance(body, bytes)
    return body


def test_js_style_dict_sends_the_seed_bytes(mocked, client):
    created(mocked)
    gather = client.Call("c-1").create_gather(SEED_JS)
    assert sent(mocked) == SEED_BYTES
    assert gather.id == "gtr-kj4xloaq5vbpfxyeypndgxa"
    assert gather.call_id == "c-1"


def test_js_style_collection_call_sends_the_seed_bytes(mocked, client):
    created(mocked)
    gather = client.Call.create_gather("c-1", SEED_JS)
    assert sent(mocked) == SEED_BYTES
    assert gather.id == "gtr-kj4xloaq5vbpfxyeypndgxa"


def test_ruby_style_hash_sends_the_seed_bytes(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(SEED_RUBY)
    assert sent(mocked) == SEED_BYTES


def test_python_keywords_send_the_seed_bytes(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(max_digits="5", terminating_digits="*",
                                     inter_digit_timeout="7",
                                     prompt={"sentence": "Please enter your 5 digit code"})
    assert sent(mocked) == SEED_BYTES


def test_csharp_style_typed_options_send_the_seed_json(mocked, client):
    created(mocked)
    options = GatherOptions(max_digits="5", terminating_digits="*", inter_digit_timeout="7",
                            prompt=Prompt(sentence="Please enter your 5 digit code"))
    client.Call("c-1").create_gather(options)
    assert json.loads(sent(mocked)) == SEED_JS


def test_create_gather_request_headers(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(SEED_JS)
    request = mocked.calls[0].request
    assert request.method == "POST"
    assert request.url == GATHER_URL
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Authorization"].startswith("Basic ")


def test_ruby_sentence_shortcut_sends_what_ruby_bandwidth_sent(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather("test")
    assert sent(mocked) == (
        b'{"tag":"c-1","maxDigits":1,"prompt":{"locale":"en_US","gender":"female",'
        b'"sentence":"test","voice":"kate","bargeable":true}}'
    )


def test_sentence_shortcut_keywords_replace_top_level_defaults(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather("Enter your PIN", max_digits=4, tag="pin")
    body = json.loads(sent(mocked))
    assert body["maxDigits"] == 4
    assert body["tag"] == "pin"
    assert body["prompt"]["sentence"] == "Enter your PIN"


@pytest.mark.parametrize("location", [
    "/v1/users/u-user/calls/c-1/gather/gtr-abc",
    "https://api.catapult.inetwork.com/v1/users/u-user/calls/c-1/gather/gtr-abc",
    "https://api.catapult.inetwork.com/v1/users/u-user/calls/c-1/gather/gtr-abc?x=1",
])
def test_create_gather_returns_id_from_relative_or_absolute_location(mocked, client, location):
    created(mocked, location)
    assert client.Call("c-1").create_gather(max_digits=1).id == "gtr-abc"


@pytest.mark.parametrize("location", [
    "/v1/users/u-user/calls/c-1/gather/",
    "/v1/users/u-user/calls/c-1/gather/..",
    "/v1/users/u-user/calls/c-1/gather/.",
    "/v1/users/u-user/calls/c-1/gather/%2E%2E",
    "",
])
def test_create_gather_refuses_a_location_that_ends_without_an_id(mocked, client, location):
    # an id of "" / "." / ".." would aim gather.stop() at the call itself
    created(mocked, location)
    with pytest.raises(catapult.ProtocolError, match="does not end in an id"):
        client.Call("c-1").create_gather(max_digits=1)


def test_create_gather_without_location_is_protocol_error(mocked, client):
    mocked.add(responses.POST, GATHER_URL, status=201)
    with pytest.raises(catapult.ProtocolError, match="no Location"):
        client.Call("c-1").create_gather(max_digits=1)


def test_values_go_out_as_given(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(max_digits=5, inter_digit_timeout=2.5,
                                     terminating_digits="#", prompt={"loopEnabled": False})
    assert sent(mocked) == (b'{"maxDigits":5,"interDigitTimeout":2.5,"terminatingDigits":"#",'
                            b'"prompt":{"loopEnabled":false}}')


def test_omitted_and_none_options_are_absent_false_is_kept(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(max_digits=1, tag=None,
                                     prompt={"sentence": "hi", "bargeable": False, "voice": None})
    assert json.loads(sent(mocked)) == {"maxDigits": 1,
                                        "prompt": {"sentence": "hi", "bargeable": False}}


def test_no_options_sends_an_empty_object(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather()
    assert sent(mocked) == b"{}"


def test_nested_prompt_keys_are_converted_from_snake_case(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(prompt={"file_url": "https://x/a.wav", "loop_enabled": True,
                                             "gender": "male", "locale": "en_UK",
                                             "voice": "Bridget"})
    assert json.loads(sent(mocked))["prompt"] == {
        "fileUrl": "https://x/a.wav", "loopEnabled": True, "gender": "male", "locale": "en_UK",
        "voice": "Bridget"}


def test_non_ascii_sentence_is_sent_as_utf8(mocked, client):
    created(mocked)
    client.Call("c-1").create_gather(prompt={"sentence": "Entrez le code à 5 chiffres"})
    assert "à".encode() in sent(mocked)


def test_callers_dict_is_not_modified(mocked, client):
    created(mocked)
    options = {"maxDigits": "5", "prompt": {"sentence": "x"}}
    snapshot = json.dumps(options)
    client.Call("c-1").create_gather(options)
    assert json.dumps(options) == snapshot


@pytest.mark.parametrize("options, needle", [
    ({"max_digit": 5}, "did you mean max_digits?"),
    ({"maxDigit": 5}, "did you mean maxDigits?"),
    ({"prompt": {"sentense": "x"}}, "did you mean prompt.sentence?"),
    ({"maxDigits": 5, "max_digits": 5}, "max_digits is given twice"),
    ({"prompt": {"loopEnabled": True, "loop_enabled": True}}, "prompt.loop_enabled is given twice"),
    ({"suspend_call_recording": True}, "unknown gather option 'suspend_call_recording'"),
    ({"max_digits": 0}, "max_digits must be a whole number from 1 to 30"),
    ({"max_digits": 31}, "got 31"),
    ({"max_digits": "31"}, "max_digits must be"),
    ({"max_digits": "five"}, "max_digits must be"),
    ({"max_digits": 2.5}, "max_digits must be"),
    ({"max_digits": True}, "max_digits must be"),
    ({"inter_digit_timeout": 0}, "greater than 0 and at most 30"),
    ({"inter_digit_timeout": 30.5}, "inter_digit_timeout must be"),
    ({"inter_digit_timeout": "-1"}, "inter_digit_timeout must be"),
    ({"inter_digit_timeout": float("nan")}, "inter_digit_timeout must be"),
    ({"terminating_digits": ""}, "non-empty string of the digits 0-9, * and #"),
    ({"terminating_digits": "A"}, "terminating_digits must be"),
    ({"terminating_digits": 5}, "terminating_digits must be"),
    ({"tag": 7}, "tag must be a string"),
    ({"prompt": "hello"}, "options must be a dict"),
    ({"prompt": {"sentence": "x" * 1001}}, "prompt.sentence must be a string of at most 1000"),
    ({"prompt": {"gender": "robot"}}, "prompt.gender must be one of 'male', 'female'"),
    ({"prompt": {"loop_enabled": "true"}}, "prompt.loop_enabled must be a bool"),
    ({"prompt": {"bargeable": 1}}, "prompt.bargeable must be a bool"),
    ({"prompt": {"voice": 3}}, "prompt.voice must be a string"),
    ({"prompt": {"locale": ["en_US"]}}, "prompt.locale must be a string"),
    ({"prompt": {"file_url": None, "fileUrl": 1}}, "prompt.file_url is given twice"),
    ({"suppress_dtmf": "yes"}, "suppress_dtmf must be a bool"),
    ({7: 1}, "unknown gather option"),
])
def test_bad_options_raise_and_send_nothing(mocked, client, options, needle):
    # mocked has no registered response: any request would fail with ConnectionError
    with pytest.raises(catapult.InvalidOptionError) as caught:
        client.Call("c-1").create_gather(options)
    assert needle in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert len(mocked.calls) == 0


def test_the_same_key_in_dict_and_keyword_is_an_error(client):
    with pytest.raises(catapult.InvalidOptionError, match="given twice"):
        client.Call("c-1").create_gather({"maxDigits": 1}, max_digits=2)


def test_options_of_the_wrong_type_are_an_error(client):
    with pytest.raises(catapult.InvalidOptionError, match="must be a dict"):
        client.Call("c-1").create_gather(["maxDigits", 1])  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [1, 30, "1", "30"])
def test_max_digits_limits_are_inclusive(mocked, client, value):
    created(mocked)
    client.Call("c-1").create_gather(max_digits=value)
    assert json.loads(sent(mocked)) == {"maxDigits": value}


@pytest.mark.parametrize("value", [0.1, 30, "2.5", "30", 7])
def test_inter_digit_timeout_accepts_fractions_up_to_30(mocked, client, value):
    created(mocked)
    client.Call("c-1").create_gather(inter_digit_timeout=value)
    assert json.loads(sent(mocked)) == {"interDigitTimeout": value}


def test_every_gather_option_is_in_the_docstring():
    doc = catapult.Call.create_gather.__doc__ or ""
    for name in catapult.GatherOptions.__attrs_attrs__:
        assert name.name in doc
    for name in catapult.Prompt.__attrs_attrs__:
        assert name.name in doc
