"""``parse(text)``: a BXML document back into verbs, checked by the same rules as building
one, with the line of the element at fault in the message."""

from __future__ import annotations

from typing import Union
from xml.parsers import expat

import attrs

from .. import _options, _wire
from ..errors import InvalidOptionError
from ._verbs import MAX_BYTES, VERBS, Response, Verb


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
            BXML needs neither), over 16 KB, an unknown verb, or a verb that breaks a rule;
            the message starts with the line of the element at fault.
    """
    raw = text.encode() if isinstance(text, str) else text
    if len(raw) > MAX_BYTES:
        raise InvalidOptionError(f"a BXML document may be at most {MAX_BYTES} bytes (16 KB); "
                                 f"this one is {len(raw)}")
    root = _tree(raw)
    if root.tag != "Response":
        raise InvalidOptionError(f"BXML line {root.line}: a BXML document is one <Response>, "
                                 f"not <{root.tag}>")
    verb = _verb(root)
    assert isinstance(verb, Response)
    return verb


def _tree(raw: bytes) -> _Node:
    parser = expat.ParserCreate()
    stack: list[_Node] = []
    root: list[_Node] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        node = _Node(tag, attributes, parser.CurrentLineNumber)
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
        raise InvalidOptionError(f"BXML is not well-formed XML: {error}") from None
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
    booleans = {_wire.wire_name(field) for field in attrs.fields(kind._attributes)
                if field.metadata["check"] is _options.BOOLEAN}
    attributes: dict[str, object] = {
        name: (value == "true") if name in booleans and value in ("true", "false") else value
        for name, value in node.attributes.items()}
    try:
        return kind(*content, **attributes)
    except InvalidOptionError as error:
        raise InvalidOptionError(f"{where}{error}") from None
