"""``parse(text)``: a BXML document back into verbs, checked by the same rules as building
one, with the line of the element at fault in the message.

A callback reply is untrusted input, so reading one is bounded: 16 KB, ``MAX_DEPTH``
levels, no DOCTYPE or entity declarations, only the characters XML 1.0 can carry, and only
the attributes each verb declares. Whatever is wrong with it, the answer is an
``InvalidOptionError`` that names the line and the fault, never another exception.
"""

from __future__ import annotations

from typing import Union
from xml.parsers import expat

import attrs

from .. import _checks, _options, _wire
from ..errors import InvalidOptionError
from ._verbs import MAX_BYTES, MAX_DEPTH, NOT_XML_WORDS, VERBS, Response, Verb


class _Node:
    __slots__ = ("tag", "attributes", "line", "text", "children")

    def __init__(self, tag: str, attributes: dict[str, str], line: int) -> None:
        self.tag, self.attributes, self.line = tag, attributes, line
        self.text: list[str] = []
        self.children: list[_Node] = []


def parse(text: Union[str, bytes]) -> Response:
    """Read a BXML v1 document (``<Response>...</Response>``) into a ``Response``.

    Raises:
        InvalidOptionError: not well-formed XML, a DOCTYPE or entity declaration (refused:
            BXML needs neither), over 16 KB, nested deeper than ``MAX_DEPTH`` levels, a
            character XML 1.0 cannot carry or a lone surrogate, an unknown verb or
            attribute, or a verb that breaks a rule; the message starts with the line at
            fault. Nothing else is ever raised.
    """
    raw = _encoded(text)
    if len(raw) > MAX_BYTES:
        raise InvalidOptionError(f"a BXML document may be at most {MAX_BYTES} bytes (16 KB); "
                                 f"this one is {len(raw)}")
    try:
        root = _tree(raw)
        if root.tag != "Response":
            raise InvalidOptionError(f"BXML line {root.line}: a BXML document is one "
                                     f"<Response>, not <{root.tag}>")
        verb = _verb(root)
    except InvalidOptionError:
        raise
    except Exception as exc:  # the promise: only InvalidOptionError leaves parse()
        raise InvalidOptionError(f"BXML could not be read: {type(exc).__name__}: "
                                 f"{_wire.show(str(exc))}") from exc
    assert isinstance(verb, Response)
    return verb


def _encoded(text: object) -> bytes:
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    if not isinstance(text, str):
        raise InvalidOptionError(f"BXML must be text or bytes, got {type(text).__name__}")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise InvalidOptionError(
            f"BXML line {line}: U+{ord(text[exc.start]):04X} is a lone surrogate, which "
            f"XML cannot carry ({NOT_XML_WORDS})") from None


def _tree(raw: bytes) -> _Node:
    parser = expat.ParserCreate()
    stack: list[_Node] = []
    root: list[_Node] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        line = parser.CurrentLineNumber
        if len(stack) >= MAX_DEPTH:
            raise InvalidOptionError(
                f"BXML line {line}: elements nest deeper than {MAX_DEPTH} levels (the "
                f"deepest BXML document has 3: <Response><Gather><SpeakSentence>)")
        node = _Node(tag, attributes, line)
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(tag: str) -> None:
        stack.pop()

    def characters(data: str) -> None:
        if stack:
            stack[-1].text.append(data)

    def refuse(*args: object) -> None:
        raise InvalidOptionError(f"BXML line {parser.CurrentLineNumber}: a DOCTYPE or entity "
                                 "declaration is not allowed in BXML")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as error:
        raise InvalidOptionError(
            f"BXML line {error.lineno}: not well-formed XML: "
            f"{expat.ErrorString(error.code)} (column {error.offset + 1})") from None
    return root[0]


def _verb(node: _Node) -> Verb:
    kind = VERBS.get(node.tag)
    where = f"BXML line {node.line}: "
    if kind is None:
        raise InvalidOptionError(f"{where}<{node.tag}> is not a BXML v1 verb; the verbs are "
                                 + ", ".join(f"<{name}>" for name in VERBS))
    content: list[Union[str, Verb]] = [_verb(child) for child in node.children]
    words = "".join(node.text).strip()
    if words or kind._text is not None:
        content.insert(0, words)
    declared = _options.wire_fields(kind._attributes)
    for name in node.attributes:
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise InvalidOptionError(f"{where}<{node.tag}> has no attribute {name!r}; its "
                                     f"attributes are: {known}")
    booleans = {_wire.wire_name(field) for field in attrs.fields(kind._attributes)
                if field.metadata["check"] is _checks.BOOLEAN}
    attributes: dict[str, object] = {
        name: (value == "true") if name in booleans and value in ("true", "false") else value
        for name, value in node.attributes.items()}
    try:
        return kind(*content, **attributes)
    except InvalidOptionError as error:
        raise InvalidOptionError(f"{where}{error}") from None
