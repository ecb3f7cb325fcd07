"""General Polish vocabulary the rules read: `data/lexicon.toml` and the role scheme."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import product
from pathlib import Path

import rdflib
from rdflib.namespace import SKOS

DATA = Path(__file__).parent / "data"
ROLES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "roles.ttl"
KR_MUNICIPAL = "municipalRole"


@dataclass(frozen=True)
class Role:
    label: str          # base form, lower case: "prezydent", "honorowy obywatel"
    slug: str           # last path segment of the role IRI
    municipal: bool     # held in a city or region (its organisation is a place)


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    roles: dict[str, Role]  # every Polish label (pref, alt and hidden) -> Role
    honour_nouns: frozenset[str]  # the last words of hidden labels: "obywatelstwo" of "honorowe obywatelstwo"

    def __getattr__(self, name):
        try:
            return self.raw[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def relations(self) -> dict:
        return self.raw["relations"]

    @cached_property
    def country_names(self) -> frozenset[str]:
        """The lexicon's countries and CLDR's Polish names of every country and territory (Babel)."""
        import babel
        cldr = {name for code, name in babel.Locale("pl").territories.items() if code.isalpha() and len(code) == 2}
        return frozenset(self.raw["countries"]) | cldr

    @cached_property
    def no_town_nouns(self) -> frozenset[str]:
        """Nouns of a feature or of a body other than a town's ("jezioro", "chór"): a name after them is no town."""
        return frozenset(self.raw["feature_heads"]) | (frozenset(self.raw["organisation_heads"])
                                                       - frozenset(self.raw["territorial_heads"]) - frozenset(self.raw["city_nouns"]))

    @cached_property
    def organisation_head_lemmas(self) -> frozenset[str]:
        """The head nouns of bodies' names, as a set asked of many words."""
        return frozenset(self.raw["organisation_heads"])

    @cached_property
    def role_first_words(self) -> frozenset[str]:
        return frozenset(label.split()[0] for label in self.roles if " " in label)

    @cached_property
    def role_cues(self) -> frozenset[str]:
        """Every word a role can begin with: one-word labels, first words, abbreviations read by context."""
        return frozenset(label for label in self.roles if " " not in label) | self.role_first_words | frozenset(
            self.raw["ambiguous_role_abbreviations"]) | frozenset(self.raw["role_prefixes"])


def _load_roles() -> tuple[dict[str, Role], frozenset[str]]:
    """Every Polish label of the role scheme, hidden ones included (the honour that makes the holder: "honorowe
    obywatelstwo"), and for multi-word labels also their words' lemmas ("honorowa obywatelka" is found as
    "honorowy obywatelka" too)."""
    from .morphology import analyser

    graph = rdflib.Graph().parse(ROLES_FILE, format="turtle", publicID="http://kronika.invalid/")
    roles: dict[str, Role] = {}
    honours = frozenset(str(label).split()[-1] for label in graph.objects(None, SKOS.hiddenLabel))
    for concept in set(graph.subjects(SKOS.inScheme, None)):
        pref = next(str(o) for o in graph.objects(concept, SKOS.prefLabel) if o.language == "pl")
        municipal = any(str(p).endswith(KR_MUNICIPAL) and o.toPython() for p, o in graph.predicate_objects(concept))
        role = Role(pref, str(concept).rsplit("/", 1)[-1], municipal)
        for label in [pref, *(str(alt) for p in (SKOS.altLabel, SKOS.hiddenLabel) for alt in graph.objects(concept, p))]:
            roles[label] = role
            words = label.split()
            if len(words) in (2, 3):  # "honorowy obywatel", "zastępca komendanta wojewódzkiego": by their lemmas too
                for lemmas in product(*({x.lemma.lower() for x in analyser().analyse(w)} for w in words)):
                    roles.setdefault(" ".join(lemmas), role)
    return roles, honours


@cache
def lexicon() -> Lexicon:
    with open(DATA / "lexicon.toml", "rb") as fh:
        raw = tomllib.load(fh)
    return Lexicon(raw, *_load_roles())


def deputy_of(role: Role) -> Role | None:
    """The office that deputises this one in the role scheme ("burmistrz" → "wiceburmistrz"), if any."""
    return lexicon().roles.get("wice" + role.label)
