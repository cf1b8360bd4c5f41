"""The BXML v1 verbs: each built from its content (text or child verbs, positional) and its
attributes (snake_case keywords, or the camelCase of the docs), checked when it is built.

``str(response)`` is the document: an XML declaration and the elements with no whitespace
between them, attributes in the order given, values escaped for XML (a JSON ``tag``, an
``&`` in a URL), booleans as ``true``/``false``, as the official builders wrote them.
"""

from __future__ import annotations

import inspect
import re
import warnings
from typing import TYPE_CHECKING, Any, ClassVar, Optional, Union

from .. import _checks, _options
from ..errors import InvalidOptionError
from . import _attributes as _a

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .. import _kwargs as kw

__all__ = [
    "Gather", "Hangup", "Pause", "PhoneNumber", "PlayAudio", "Record", "Redirect", "Response",
    "SendDtmf", "SendMessage", "SpeakSentence", "Transfer", "Verb",
]

#: the most a BXML document may be, in bytes of UTF-8 as it is sent (the v1 docs: 16 KB)
MAX_BYTES = 16 * 1024
#: how deeply elements may nest; the deepest legal document has 3 levels
#: (``<Response><Gather><SpeakSentence>``), so anything deeper is refused unread
MAX_DEPTH = 8

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

# the characters XML 1.0 cannot carry, even as a character reference: the C0 controls but
# tab, newline and carriage return, U+FFFE, U+FFFF and (in Python text) lone surrogates
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NOT_XML_WORDS = ("XML 1.0 carries tab, newline, carriage return and the characters from "
                 "U+0020 on, except U+FFFE, U+FFFF and lone surrogates")

# what an attribute value must escape beyond & < > and ": the white space that a parser
# would otherwise read back as a space (XML's attribute-value normalization)
_ATTRIBUTE_ESCAPES = str.maketrans({"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _escape(value: str, quote: bool) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        return value.replace('"', "&quot;").translate(_ATTRIBUTE_ESCAPES)
    return value.replace("\r", "&#13;")  # a bare CR would come back as a newline


def bad_character(value: str) -> str:
    """A description of the first character of ``value`` that XML 1.0 cannot carry
    (``"U+0001 at character 4"``), or "" when there is none."""
    found = _NOT_XML.search(value)
    if found is None:
        return ""
    return f"U+{ord(found.group()):04X} at character {found.start() + 1}"


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Verb:
    """One BXML element. Subclasses declare its name, attributes, content and children."""

    __slots__ = ("attributes", "content", "children")

    tag: ClassVar[str]
    _attributes: ClassVar[type] = _a.NoAttributes
    #: what the first positional argument is ("the sentence", "the URL"...); None: no text
    _text: ClassVar[Optional[str]] = None
    _text_check: ClassVar[Optional[_checks.Check]] = None
    #: the verbs it may hold
    _holds: ClassVar[tuple[str, ...]] = ()

    attributes: dict[str, object]
    content: Optional[str]
    children: tuple[Verb, ...]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # what help() and inspect show: the content, then each attribute by name
        first = ([inspect.Parameter(cls._text.split()[-1].lower(),
                                    inspect.Parameter.POSITIONAL_ONLY, annotation="str")]
                 if cls._text else [])
        children = ([inspect.Parameter("verbs", inspect.Parameter.VAR_POSITIONAL,
                                       annotation="Verb")] if cls._holds else [])
        named = _options.keyword_parameters(cls._attributes)
        cls.__signature__ = inspect.Signature([*first, *children, *named])  # type: ignore[attr-defined]

    def __init__(self, /, *content: Union[str, Verb], **attributes: Any) -> None:
        title = f"<{self.tag}>"
        texts = [item for item in content if not isinstance(item, Verb)]
        children = tuple(item for item in content if isinstance(item, Verb))
        if self._text is None and texts:
            raise InvalidOptionError(f"{title} takes no text, got {texts[0]!r}"
                                     + (f"; it holds {', '.join(self._holds)}"
                                        if self._holds else ""))
        if self._text is not None:
            if len(texts) != 1 or not isinstance(texts[0], str):
                raise InvalidOptionError(f"{title} takes {self._text} as its one positional "
                                         f"argument, got {len(texts)} texts")
            check = self._text_check
            if check is not None and not check.test(texts[0]):
                raise InvalidOptionError(f"{title} {self._text} must be {check.allowed}, "
                                         f"got {texts[0]!r}")
        for child in children:
            if child.tag not in self._holds:
                allowed = ", ".join(f"<{name}>" for name in self._holds) or "no verbs"
                raise InvalidOptionError(f"{title} cannot hold <{child.tag}>; it holds {allowed}")
        self.content = texts[0] if texts else None
        self.children = children
        self.attributes = _options.to_body(self._attributes, attributes.items(), title)
        self._check_characters(title)
        self._check(title)

    def _check_characters(self, title: str) -> None:
        """Refuse text that no XML document can carry, rather than write one that nothing
        can read back."""
        fields = _options.wire_fields(self._attributes)
        named = [(f"{self._text}", self.content)] if self.content is not None else []
        named += [(f"option {fields[name].name}", value)
                  for name, value in self.attributes.items() if isinstance(value, str)]
        for what, value in named:
            bad = bad_character(str(value))
            if bad:
                raise InvalidOptionError(f"{title} {what} has {bad}, which XML cannot carry "
                                         f"({NOT_XML_WORDS})")

    def _check(self, title: str) -> None:
        """The rules that span attributes or children (none by default)."""

    # -- what users read ------------------------------------------------------------------

    def to_xml(self) -> str:
        """The element alone, without the XML declaration."""
        attributes = "".join(f' {name}="{_escape(_show(value), True)}"'
                             for name, value in self.attributes.items())
        inner = _escape(self.content, False) if self.content is not None else ""
        inner += "".join(child.to_xml() for child in self.children)
        if not inner:
            return f"<{self.tag}{attributes}/>"
        return f"<{self.tag}{attributes}>{inner}</{self.tag}>"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Verb)
        return self.to_xml() == other.to_xml()  # 5 and "5" write the same attribute

    def __hash__(self) -> int:
        return hash(self.to_xml())

    def __repr__(self) -> str:
        parts = [repr(self.content)] if self.content is not None else []
        parts += [repr(child) for child in self.children]
        fields = _options.wire_fields(self._attributes)
        parts += [f"{fields[name].name}={value!r}" for name, value in self.attributes.items()]
        return f"{type(self).__name__}({', '.join(parts)})"


_SPOKEN = ("SpeakSentence", "PlayAudio")
_TOP = ("Gather", "SpeakSentence", "PlayAudio", "Transfer", "Record", "Redirect", "Hangup",
        "Pause", "SendDtmf", "SendMessage")


class Response(Verb):
    """The document: ``Response(verb, ...)``; ``str(response)`` is the BXML to answer with.

    Raises:
        InvalidOptionError: a verb that cannot be at the top, or a document over 16 KB.
    """

    __slots__ = ()
    tag = "Response"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, *verbs: Verb) -> None: ...

    _holds = _TOP

    def _check(self, title: str) -> None:
        for child in self.children:
            if child.tag == "PlayAudio" and "delayBeforeRepeat" in child.attributes:
                raise InvalidOptionError("<PlayAudio> delay_before_repeat is allowed inside "
                                         "a <Gather> only")
            if child.tag == "Record" and "multiChannel" in child.attributes:
                raise InvalidOptionError("<Record> multi_channel is allowed inside a "
                                         "<Transfer> only")
        size = len(str(self).encode())
        if size > MAX_BYTES:
            raise InvalidOptionError(f"a BXML document may be at most {MAX_BYTES} bytes "
                                     f"(16 KB); this one is {size}")

    def __str__(self) -> str:
        return _DECLARATION + self.to_xml()


class Gather(Verb):
    """``Gather(SpeakSentence(...), ..., request_url=..., max_digits=...)``: collect digits and
    GET the result to ``request_url`` (required; absolute), which answers with the next BXML.

    Holds several ``SpeakSentence`` or one ``PlayAudio``, not both. Attributes:
    ``request_url_timeout`` (ms, default 30000), ``terminating_digits`` (default ``#``),
    ``max_digits`` (1..128, default 128), ``inter_digit_timeout`` (s, default 5),
    ``bargeable`` (deprecated: always true), ``tag``.
    """

    __slots__ = ()
    tag = "Gather"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, *verbs: Union[SpeakSentence, PlayAudio],
                     **attributes: Unpack[kw.BxmlGatherKwargs]) -> None: ...

    _attributes = _a.GatherAttributes
    _holds = _SPOKEN

    def _check(self, title: str) -> None:
        kinds = {child.tag for child in self.children}
        if len(kinds) > 1:
            raise InvalidOptionError(f"{title} holds <SpeakSentence> or <PlayAudio>, not both")
        plays = [child for child in self.children if child.tag == "PlayAudio"]
        if len(plays) > 1:
            raise InvalidOptionError(f"{title} holds at most one <PlayAudio>, got {len(plays)}")


class SpeakSentence(Verb):
    """``SpeakSentence("Hello", voice="susan")``: speak the text (at most 1000 characters).
    Attributes: ``gender`` (male/female), ``locale`` (default en_US), ``voice``, ``volume``
    (-4..4)."""

    __slots__ = ()
    tag = "SpeakSentence"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, sentence: str, /,
                     **attributes: Unpack[kw.BxmlSpeakSentenceKwargs]) -> None: ...

    _attributes = _a.SpeakSentenceAttributes
    _text = "the sentence"
    _text_check = _checks.text(max_length=1000)


class PlayAudio(Verb):
    """``PlayAudio("https://.../file.mp3")``: play a WAV or MP3. Attributes: ``volume``
    (-4..4), ``repeat_count`` (1..30), ``delay_before_repeat`` (s, 0..60; inside a
    ``Gather`` with ``repeat_count`` above 1 only), ``digits`` (DTMF, as older builders
    wrote)."""

    __slots__ = ()
    tag = "PlayAudio"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, url: str, /,
                     **attributes: Unpack[kw.BxmlPlayAudioKwargs]) -> None: ...

    _attributes = _a.PlayAudioAttributes
    _text = "the URL"
    _text_check = _checks.HTTP_URL

    def _check(self, title: str) -> None:
        if "delayBeforeRepeat" in self.attributes and int(
                str(self.attributes.get("repeatCount", 1))) <= 1:
            raise InvalidOptionError(f"{title} delay_before_repeat needs repeat_count above 1")


class PhoneNumber(Verb):
    """``PhoneNumber("+19195551212")``: one more target of a ``Transfer``."""

    __slots__ = ()
    tag = "PhoneNumber"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, number: str, /) -> None: ...

    _text = "the number"
    _text_check = _checks.E164_OR_SIP


class Transfer(Verb):
    """``Transfer(transfer_to="+1...")``: call another party and bridge them; the first of up
    to 7 targets (``transfer_to`` and each ``PhoneNumber``) to answer wins. Holds
    ``PhoneNumber``, ``SpeakSentence``, ``PlayAudio`` (heard by the callee) and ``Record``
    (both legs). Attributes: ``transfer_caller_id``, ``call_timeout`` (s, 1..300, default
    60), ``request_url``, ``request_url_timeout``, ``tag``, ``diversion_treatment``,
    ``diversion_reason``."""

    __slots__ = ()
    tag = "Transfer"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, *verbs: Union[PhoneNumber, SpeakSentence, PlayAudio, Record],
                     **attributes: Unpack[kw.BxmlTransferKwargs]) -> None: ...

    _attributes = _a.TransferAttributes
    _holds = ("PhoneNumber", "SpeakSentence", "PlayAudio", "Record")

    def _check(self, title: str) -> None:
        targets = sum(child.tag == "PhoneNumber" for child in self.children)
        targets += "transferTo" in self.attributes
        if targets == 0:
            raise InvalidOptionError(f"{title} needs transfer_to or a <PhoneNumber>")
        if targets > 7:
            raise InvalidOptionError(f"{title} may ring at most 7 numbers (transfer_to and "
                                     f"each <PhoneNumber>), got {targets}")


class Record(Verb):
    """``Record(request_url=...)``: record the call; the ``recording`` event goes to
    ``request_url``. Attributes: ``file_format`` (wav/mp3), ``transcribe`` (wav only; needs
    ``transcribe_callback_url``), ``multi_channel`` (inside ``Transfer`` only),
    ``max_duration`` (s, 1..3600), ``silence_timeout`` (1..60), ``silence_threshold``,
    ``terminating_digits`` (one key)."""

    __slots__ = ()
    tag = "Record"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, **attributes: Unpack[kw.BxmlRecordKwargs]) -> None: ...

    _attributes = _a.RecordAttributes

    def _check(self, title: str) -> None:
        if self.attributes.get("transcribe") is True:
            if "transcribeCallbackUrl" not in self.attributes:
                raise InvalidOptionError(f"{title} with transcribe=True needs "
                                         "transcribe_callback_url")
            if self.attributes.get("fileFormat", "wav") != "wav":
                raise InvalidOptionError(f"{title} transcribes wav recordings only; "
                                         "file_format must be 'wav' with transcribe=True")


class Redirect(Verb):
    """``Redirect(request_url=..., request_url_timeout=...)`` (both required): fetch new BXML
    from ``request_url``; verbs after it never run."""

    __slots__ = ()
    tag = "Redirect"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, **attributes: Unpack[kw.BxmlRedirectKwargs]) -> None: ...

    _attributes = _a.RedirectAttributes


class Hangup(Verb):
    """``Hangup()``: end the call."""

    __slots__ = ()
    tag = "Hangup"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self) -> None: ...


class Pause(Verb):
    """``Pause(length=2)``: wait ``length`` seconds (1..3600, default 1)."""

    __slots__ = ()
    tag = "Pause"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, **attributes: Unpack[kw.BxmlPauseKwargs]) -> None: ...

    _attributes = _a.PauseAttributes


class SendDtmf(Verb):
    """``SendDtmf("123#")``: send tones, at most 92 of ``0-9 A-D * #`` with ``,``/``w``
    (0.5 s) and ``W`` (1 s) pauses."""

    __slots__ = ()
    tag = "SendDtmf"

    if TYPE_CHECKING:  # the signature type checkers see; at run time, Verb's
        def __init__(self, tones: str, /) -> None: ...

    _text = "the tones"
    _text_check = _checks.DTMF_OUT


class SendMessage(Verb):
    """Deprecated, as in every official builder (it was not part of the documented v1 BXML):
    ``SendMessage("text", from_=..., to=...)`` warns with DeprecationWarning."""

    __slots__ = ()
    tag = "SendMessage"
    _attributes = _a.SendMessageAttributes
    _text = "the message"

    def __init__(self, message: str, /,
                 **attributes: Unpack[kw.BxmlSendMessageKwargs]) -> None:
        warnings.warn("SendMessage is deprecated: it was never part of the documented BXML "
                      "v1 verbs; send messages with the messaging API", DeprecationWarning,
                      stacklevel=2)
        super().__init__(message, **attributes)


#: every verb by its element name, for parsing
VERBS: dict[str, type[Verb]] = {cls.tag: cls for cls in (
    Response, Gather, SpeakSentence, PlayAudio, PhoneNumber, Transfer, Record, Redirect,
    Hangup, Pause, SendDtmf, SendMessage)}
