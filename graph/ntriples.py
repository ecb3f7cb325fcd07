"""RDF terms as N-Triples text, what `kronika extract` writes: making one costs a fraction of a
microsecond, where an rdflib or Oxigraph term object costs several (an Oxigraph quad over ten)."""
from __future__ import annotations

from rdflib import Literal, URIRef

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


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
