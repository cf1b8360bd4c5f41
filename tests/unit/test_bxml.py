"""catapult.bxml: every verb's XML, every nesting and limit rule, and parsing back."""

from __future__ import annotations

import pytest

from catapult.bxml import (
    Gather,
    Hangup,
    Pause,
    PhoneNumber,
    PlayAudio,
    Record,
    Redirect,
    Response,
    SendDtmf,
    SendMessage,
    SpeakSentence,
    Transfer,
    parse,
)
from catapult.errors import InvalidOptionError

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def test_the_documented_gather_example() -> None:
    # the v1 docs' Gather example, whitespace between elements left out
    response = Response(Gather(
        SpeakSentence("Please, press a digit.", gender="female", locale="en_US", voice="susan"),
        request_url="https://gather.url/nextBXML", request_url_timeout=10000,
        terminating_digits="#"))
    assert str(response) == (
        DECLARATION + '<Response><Gather requestUrl="https://gather.url/nextBXML" '
        'requestUrlTimeout="10000" terminatingDigits="#"><SpeakSentence gender="female" '
        'locale="en_US" voice="susan">Please, press a digit.</SpeakSentence></Gather></Response>')
    assert response.to_xml() == str(response)[len(DECLARATION):]


@pytest.mark.parametrize("verb, xml", [
    (SpeakSentence("Hi & bye", volume=-2),
     '<SpeakSentence volume="-2">Hi &amp; bye</SpeakSentence>'),
    (PlayAudio("https://x.test/a.mp3", volume=4), '<PlayAudio volume="4">https://x.test/a.mp3</PlayAudio>'),
    (Transfer(PhoneNumber("+19195550001"), SpeakSentence("Connecting"),
              transfer_to="+19195550000", transfer_caller_id="+19195551212", call_timeout=30,
              request_url="https://x.test/t", tag="t1"),
     '<Transfer transferTo="+19195550000" transferCallerId="+19195551212" callTimeout="30" '
     'requestUrl="https://x.test/t" tag="t1"><PhoneNumber>+19195550001</PhoneNumber>'
     '<SpeakSentence>Connecting</SpeakSentence></Transfer>'),
    (Transfer(Record(multi_channel=True), transfer_to="sip:agent@x.test"),
     '<Transfer transferTo="sip:agent@x.test"><Record multiChannel="true"/></Transfer>'),
    (Record(request_url="https://x.test/r", file_format="wav", transcribe=True,
            transcribe_callback_url="https://x.test/t", max_duration=120, silence_timeout=5,
            terminating_digits="#"),
     '<Record requestUrl="https://x.test/r" fileFormat="wav" transcribe="true" '
     'transcribeCallbackUrl="https://x.test/t" maxDuration="120" silenceTimeout="5" '
     'terminatingDigits="#"/>'),
    (Redirect(request_url="https://x.test/next", request_url_timeout=10000),
     '<Redirect requestUrl="https://x.test/next" requestUrlTimeout="10000"/>'),
    (Hangup(), "<Hangup/>"),
    (Pause(length=3), '<Pause length="3"/>'),
    (SendDtmf("12w3#"), "<SendDtmf>12w3#</SendDtmf>"),
    (Gather(PlayAudio("https://x.test/menu.wav", repeat_count=3, delay_before_repeat=2),
            request_url="https://x.test/g", max_digits=1, inter_digit_timeout=3,
            bargeable=False),
     '<Gather requestUrl="https://x.test/g" maxDigits="1" interDigitTimeout="3" '
     'bargeable="false"><PlayAudio repeatCount="3" delayBeforeRepeat="2">'
     'https://x.test/menu.wav</PlayAudio></Gather>'),
])
def test_each_verb_writes_its_element(verb: object, xml: str) -> None:
    assert verb.to_xml() == xml  # type: ignore[attr-defined]
    assert parse(DECLARATION + f"<Response>{xml}</Response>").children[0] == verb


def test_values_are_escaped_for_xml_and_camelcase_attributes_are_taken() -> None:
    gather = Gather(SpeakSentence("<1> & \"2\""), requestUrl="https://x.test/g?a=1&b=2",
                    tag='{"step": "menu"}')
    assert gather.to_xml() == (
        '<Gather requestUrl="https://x.test/g?a=1&amp;b=2" tag="{&quot;step&quot;: '
        '&quot;menu&quot;}"><SpeakSentence>&lt;1&gt; &amp; "2"</SpeakSentence></Gather>')
    back = parse(str(Response(gather))).children[0]
    assert back.attributes["tag"] == '{"step": "menu"}'
    assert back.children[0].content == '<1> & "2"'
    assert repr(back) == ("Gather(SpeakSentence('<1> & \"2\"'), "
                          "request_url='https://x.test/g?a=1&b=2', tag='{\"step\": \"menu\"}')")


def test_send_message_is_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match="SendMessage is deprecated"):
        verb = SendMessage("Thanks", from_="+19195551212", to="+19195550000")
    assert verb.to_xml() == ('<SendMessage from="+19195551212" to="+19195550000">'
                             "Thanks</SendMessage>")


@pytest.mark.parametrize("build, message", [
    (lambda: Gather(SpeakSentence("a"), PlayAudio("https://x.test/a.mp3"),
                    request_url="https://x.test/g"),
     "<Gather> holds <SpeakSentence> or <PlayAudio>, not both"),
    (lambda: Gather(PlayAudio("https://x.test/a.mp3"), PlayAudio("https://x.test/b.mp3"),
                    request_url="https://x.test/g"),
     "<Gather> holds at most one <PlayAudio>, got 2"),
    (lambda: Gather(Hangup(), request_url="https://x.test/g"),
     "<Gather> cannot hold <Hangup>; it holds <SpeakSentence>, <PlayAudio>"),
    (lambda: Gather(max_digits=1), "<Gather> option request_url is required"),
    (lambda: Gather(request_url="/relative"),
     "<Gather> option request_url must be an absolute http(s) URL, got '/relative'"),
    (lambda: Gather(request_url="https://x.test/g", max_digits=129),
     "<Gather> option max_digits must be a whole number from 1 to 128"),
    (lambda: Gather(request_url="https://x.test/g", terminating_digits=""),
     "<Gather> option terminating_digits must be a non-empty string"),
    (lambda: Gather(request_url="https://x.test/g", max_digit=1),
     "unknown <Gather> option 'max_digit': did you mean max_digits?"),
    (lambda: Response(PhoneNumber("+19195550100")), "<Response> cannot hold <PhoneNumber>"),
    (lambda: Response(PlayAudio("https://x.test/a.mp3", repeat_count=2, delay_before_repeat=1)),
     "delay_before_repeat is allowed inside a <Gather> only"),
    (lambda: PlayAudio("https://x.test/a.mp3", delay_before_repeat=1),
     "<PlayAudio> delay_before_repeat needs repeat_count above 1"),
    (lambda: PlayAudio("https://x.test/a.mp3", repeat_count=31),
     "<PlayAudio> option repeat_count must be a whole number from 1 to 30"),
    (lambda: PlayAudio("a.mp3"), "<PlayAudio> the URL must be an absolute http(s) URL"),
    (lambda: SpeakSentence("x" * 1001), "<SpeakSentence> the sentence must be a string of "
                                        "at most 1000 characters"),
    (lambda: SpeakSentence("hi", volume=5), "<SpeakSentence> option volume must be a whole "
                                            "number from -4 to 4"),
    (lambda: SpeakSentence(), "<SpeakSentence> takes the sentence as its one positional "
                              "argument, got 0 texts"),
    (lambda: Hangup("now"), "<Hangup> takes no text, got 'now'"),
    (lambda: Transfer(), "<Transfer> needs transfer_to or a <PhoneNumber>"),
    (lambda: Transfer(*(PhoneNumber(f"+1919555000{n}") for n in range(7)),
                      transfer_to="+19195550100"),
     "<Transfer> may ring at most 7 numbers (transfer_to and each <PhoneNumber>), got 8"),
    (lambda: Transfer(transfer_to="+19195550100", call_timeout=301),
     "<Transfer> option call_timeout must be a whole number from 1 to 300"),
    (lambda: Record(transcribe=True), "<Record> with transcribe=True needs "
                                      "transcribe_callback_url"),
    (lambda: Record(transcribe=True, transcribe_callback_url="https://x.test/t",
                    file_format="mp3"), "<Record> transcribes wav recordings only"),
    (lambda: Response(Record(multi_channel=True)),
     "<Record> multi_channel is allowed inside a <Transfer> only"),
    (lambda: Record(terminating_digits="12"), "<Record> option terminating_digits must be "
                                              "one of the digits"),
    (lambda: Redirect(request_url="https://x.test/n"),
     "<Redirect> option request_url_timeout is required"),
    (lambda: Pause(length=3601), "<Pause> option length must be a whole number from 1 to 3600"),
    (lambda: SendDtmf("12x"), "<SendDtmf> the tones must be a string of 0-9 A-D * #"),
    (lambda: Response(*[SpeakSentence("x" * 1000) for _ in range(17)]),
     "a BXML document may be at most 16384 bytes (16 KB); this one is"),
])
def test_rules_are_checked_when_building(build: object, message: str) -> None:
    with pytest.raises(InvalidOptionError) as raised:
        build()  # type: ignore[operator]
    assert message in str(raised.value)


@pytest.mark.parametrize("text, message", [
    ('<Response>\n  <Gather requestUrl="https://x.test/g" maxDigits="200"/>\n</Response>',
     "BXML line 2: <Gather> option max_digits must be a whole number from 1 to 128"),
    ("<Response>\n\n<Dial/></Response>", "BXML line 3: <Dial> is not a BXML v1 verb"),
    ("<Gather/>", "BXML line 1: a BXML document is one <Response>, not <Gather>"),
    ("<Response><Hangup>", "BXML line 1: not well-formed XML: no element found"),
    ('<!DOCTYPE r [<!ENTITY big "x">]><Response/>',
     "a DOCTYPE or entity declaration is not allowed in BXML"),
    ("<Response>" + "<Hangup/>" * 2000 + "</Response>", "at most 16384 bytes"),
    ('<Response><Gather requestUrl="https://x.test/g" bargeable="yes"/></Response>',
     "<Gather> option bargeable must be a bool"),
])
def test_parse_names_the_line_and_the_rule(text: str, message: str) -> None:
    with pytest.raises(InvalidOptionError) as raised:
        parse(text)
    assert message in str(raised.value)


def test_parse_reads_a_whole_document_back() -> None:
    text = (DECLARATION + '\n<Response>\n  <SpeakSentence voice="susan">Welcome</SpeakSentence>'
            '\n  <Gather requestUrl="https://x.test/menu" maxDigits="1">\n    <SpeakSentence>'
            'Press 1</SpeakSentence>\n  </Gather>\n  <Hangup/>\n</Response>\n')
    response = parse(text)
    assert response == Response(SpeakSentence("Welcome", voice="susan"),
                                Gather(SpeakSentence("Press 1"), request_url="https://x.test/menu",
                                       max_digits=1), Hangup())
    assert [verb.tag for verb in response.children] == ["SpeakSentence", "Gather", "Hangup"]
    assert parse(str(response).encode()) == response


def test_help_shows_the_content_and_every_attribute_by_name() -> None:
    import inspect

    assert str(inspect.signature(PlayAudio)) == (
        "(url: 'str', /, *, volume: 'Union[int, str, None]' = None, repeat_count: "
        "'Union[int, str, None]' = None, delay_before_repeat: 'Union[int, str, None]' = None, "
        "digits: 'Optional[str]' = None)")
    gather = inspect.signature(Gather).parameters
    assert list(gather)[:3] == ["verbs", "request_url", "request_url_timeout"]
    assert "max_digits" in gather and str(inspect.signature(Hangup)) == "()"


def test_indented_documents_as_other_builders_print_them_read_back_equal() -> None:
    # the node builder's fixtures are indented; whitespace between elements is not content
    text = (DECLARATION + '\n<Response>\n     <SpeakSentence voice="julie">Please hold.'
            '</SpeakSentence>\n     <Transfer>\n          <PhoneNumber>+19195550001</PhoneNumber>'
            '\n          <PhoneNumber>+19195550002</PhoneNumber>\n     </Transfer>\n'
            '     <Record requestUrl="http://www.example.com" requestUrlTimeout="12345"/>\n'
            '     <Pause length="5"/>\n</Response>\n')
    assert parse(text) == Response(
        SpeakSentence("Please hold.", voice="julie"),
        Transfer(PhoneNumber("+19195550001"), PhoneNumber("+19195550002")),
        Record(request_url="http://www.example.com", request_url_timeout=12345),
        Pause(length=5))
