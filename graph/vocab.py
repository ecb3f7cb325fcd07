"""Namespaces, and the IRIs a deployment mints under its base."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD  # noqa: F401  (re-exported)

SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SH = Namespace("http://www.w3.org/ns/shacl#")

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILE = ROOT / "ontology" / "kronika.ttl"
ROLES_FILE = ROOT / "ontology" / "roles.ttl"
LABELS_FILE = ROOT / "ontology" / "labels.ttl"
SHAPES_DIR = ROOT / "shapes"

# SPARQL's IRIREF: what may stand between < and >. A value that is not one is never written into a query.
IRIREF = re.compile(r'<([^<>"{}|^`\\\x00-\x20]*)>')
ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^<>"{}|^`\\\x00-\x20\ufffd]*')


def is_absolute_iri(value) -> bool:
    """An absolute IRI that can be written as <value> in SPARQL and Turtle (no spaces, quotes, brackets)
    and that the store takes (RFC 3987: no control or non-character code points either)."""
    if not isinstance(value, str) or ABSOLUTE_IRI.fullmatch(value) is None:
        return False
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return True


DEFAULT_BASE = "http://127.0.0.1:5000/"
PREFIXES = {"schema": str(SCHEMA), "org": str(ORG), "skos": str(SKOS), "prov": str(PROV), "oa": str(OA),
            "xsd": str(XSD), "rdfs": str(RDFS), "dcterms": str(DCTERMS)}


def slugify(text: str) -> str:
    """ASCII-folded, lower-case, dash-separated: "Jerzy Śmiałek" → "jerzy-smialek"."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def digest(*parts: object, size: int = 16) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:size]


@dataclass(frozen=True)
class Base:
    """The IRIs of one deployment: `Base("https://data.example.org/")`."""

    iri: str = DEFAULT_BASE

    def __post_init__(self):
        if not re.match(r"^https?://[^/]+(/.*)?/$", self.iri):
            raise ValueError(f"base IRI must be an http(s) IRI ending with '/': {self.iri!r}")

    @property
    def kr(self) -> Namespace:
        return Namespace(self.iri + "ontology#")

    @property
    def ontology(self) -> str:
        return self.iri + "ontology"

    def id(self, kind: str, slug: str) -> str:
        return f"{self.iri}id/{kind}/{slug}"

    def graph(self, name: str) -> str:
        return f"{self.iri}graph/{name}"

    def fact(self, key: str) -> str:
        return f"{self.iri}graph/fact/{key}"

    @property
    def provenance(self) -> str:
        return self.graph("provenance")

    @property
    def review(self) -> str:
        return self.graph("review")

    @property
    def audit(self) -> str:
        return self.graph("audit")

    @property
    def documents(self) -> str:
        return self.graph("documents")

    @property
    def vocabulary(self) -> str:
        return self.graph("vocabulary")

KR_PREFIXES = {**PREFIXES, "owl": str(OWL), "rdf": str(RDF)}
