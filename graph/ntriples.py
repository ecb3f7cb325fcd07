"""RDF terms as N-Triples text, what `kronika extract` writes: making one costs a fraction of a
microsecond, where an rdflib or Oxigraph term object costs several (an Oxigraph quad over ten)."""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Literal, URIRef

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
ESCAPED = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
UNESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def iri(value: str) -> str:
    """An IRI the deployment minted (base, slugs and digests: nothing in it to escape)."""
    return f"<{value}>"


def literal(value: str, datatype: str | None = None, language: str | None = None) -> str:
    text = f'"{value.translate(ESCAPES)}"'
    if language:
        return f"{text}@{language}"
    return f"{text}^^<{datatype}>" if datatype and datatype != XSD_STRING else text


def term(value: URIRef | Literal) -> str:
    """An rdflib term (of a fact's triples) as N-Triples."""
    if isinstance(value, Literal):
        return literal(str(value), value.datatype, value.language)
    if isinstance(value, URIRef):
        return iri(value)
    raise TypeError(f"not a named node or literal: {value!r}")


def to_ox(value: str) -> ox.NamedNode | ox.Literal:
    """The Oxigraph term an N-Triples term stands for: for the formats Oxigraph writes. Not read with
    Oxigraph's parser, which refuses a line of over 16 MiB (the text of a long document is one literal)."""
    if value[0] == "<":
        return ox.NamedNode(value[1:-1])
    body, _quote, suffix = value[1:].rpartition('"')
    if "\\" in body:
        body = ESCAPED.sub(lambda m: chr(int(m[1] or m[2], 16)) if m[3] is None else UNESCAPES[m[3]], body)
    if suffix.startswith("@"):
        return ox.Literal(body, language=suffix[1:])
    return ox.Literal(body, datatype=ox.NamedNode(suffix[3:-1])) if suffix else ox.Literal(body)


class Prefixed:
    """IRIs as prefixed names where the prefixes allow (`<http://www.w3.org/ns/oa#hasSource>` →
    `oa:hasSource`), each worked out once: asked only of predicates and classes, a few dozen."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.names: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        name = self.names.get(value)
        if name is None:
            name = self.names[value] = next(
                (f"{prefix}:{value[len(iri) + 1:-1]}" for prefix, iri in self.prefixes
                 if value.startswith(f"<{iri}") and LOCAL_NAME.fullmatch(value[len(iri) + 1:-1])), value)
        return name

    def header(self) -> str:
        return "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in self.prefixes)


def line(s: str, p: str, o: str, g: str | None = None) -> str:
    return f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n"


class Namespace:
    """A namespace's terms as N-Triples IRIs, each made once: `Namespace(OA).hasSource`."""

    def __init__(self, namespace):
        self._iri = str(namespace)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = iri(self._iri + name)
        setattr(self, name, value)  # found in the instance from now on, without calling this
        return value
