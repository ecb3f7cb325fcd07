"""A synthetic store of Kronika's own shape: persons, organisations, places, memberships and events,
one named graph per fact with provenance and review state, at a chosen size.

    python bench/generate.py --triples 1000000 --store /tmp/kronika-1m
"""
from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

from graph.store import Store  # noqa: E402
from graph.vocab import Base  # noqa: E402

S = "http://schema.org/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV = "http://www.w3.org/ns/prov#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ROLES = ["prezydent", "mer", "wicemer", "burmistrz", "przewodniczacy", "dyrektor", "prezes", "radny"]  # slugs of the role scheme
GIVEN = ["Jan", "Anna", "Piotr", "Maria", "Tomasz", "Ewa", "Marek", "Zofia", "Michel", "Claire"]


def letters(i: int) -> str:
    """1 → "B", 27 → "BB": names without digits, as the shapes require."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out = chr(ord("a") + r) + out
        if i == 0:
            return out.capitalize()


def quads(base: Base, triples_wanted: int, seed: int = 7):
    """Yield N-Quads lines until about `triples_wanted` quads; returns via StopIteration."""
    rnd = random.Random(seed)
    kr = str(base.kr)
    prov, review = base.provenance, base.review
    doc = base.id("document", "synthetic")
    n = 0

    def q(s, p, o, g):
        nonlocal n
        n += 1
        return f"<{s}> <{p}> {o} <{g}> .\n"

    def lit(v, dt=None, lang=None):
        v = v.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{v}"' + (f"@{lang}" if lang else f"^^<{dt}>" if dt else "")

    yield q(doc, RDF_TYPE, f"<{kr}Document>", prov)
    yield q(doc, S + "name", lit("synthetic.txt"), prov)
    yield q(doc, S + "text", lit(" ".join(rnd.choice(GIVEN) for _ in range(25_000))), prov)
    i = 0
    while n < triples_wanted:
        i += 1
        person, org, place = base.id("person", f"osoba-{i}"), base.id("organisation", f"org-{i}"), base.id("place", f"miejsce-{i % 5000}")
        role = base.id("role", rnd.choice(ROLES))
        membership = base.id("membership", f"m-{i}")
        year = rnd.randint(1950, 2020)
        facts = [
            ("EntityFact", [(person, RDF_TYPE, f"<{S}Person>"), (person, S + "name", lit(f"{rnd.choice(GIVEN)} {letters(i)}ski"))]),
            ("EntityFact", [(org, RDF_TYPE, f"<{ORG}Organization>"), (org, S + "name", lit(f"Stowarzyszenie {i}")),
                            (org, SKOS + "prefLabel", lit(f"Stowarzyszenie {i}", lang="pl"))]),
            ("EntityFact", [(place, RDF_TYPE, f"<{S}Place>"), (place, S + "name", lit(f"Miejsce {i % 5000}"))]),
            ("MembershipFact", [(membership, RDF_TYPE, f"<{ORG}Membership>"), (membership, ORG + "member", f"<{person}>"),
                                (membership, ORG + "organization", f"<{org}>"), (membership, ORG + "role", f"<{role}>"),
                                (org, RDF_TYPE, f"<{ORG}Organization>"),
                                (membership, kr + "attestedOn", lit(f"{year}-{rnd.randint(1, 12):02d}", XSD + "gYearMonth"))]),
            ("EventFact", [(base.id("event", f"e-{i}"), RDF_TYPE, f"<{S}Event>"),
                           (base.id("event", f"e-{i}"), S + "name", lit(f"Wizyta {i}")),
                           (base.id("event", f"e-{i}"), S + "startDate", lit(str(year), XSD + "gYear")),
                           (base.id("event", f"e-{i}"), S + "location", f"<{place}>"),
                           (base.id("event", f"e-{i}"), S + "attendee", f"<{person}>")]),
        ]
        for k, (kind, triples) in enumerate(facts):
            g = base.fact(f"{i:08x}{k:02x}")
            for s, p, o in triples:
                yield q(s, p, o, g)
            start = rnd.randint(0, 100000)
            yield q(g, RDF_TYPE, f"<{kr}Fact>", prov)
            yield q(g, RDF_TYPE, f"<{kr}{kind}>", prov)
            yield q(g, PROV + "wasDerivedFrom", f"<{doc}>", prov)
            yield q(g, RDFS_LABEL, lit(f"{kind} {i}", lang="pl"), prov)
            yield q(g, kr + "rule", lit("synthetic"), prov)
            yield q(g, kr + "confidence", lit("0.80", XSD + "decimal"), prov)
            yield q(g, kr + "evidence", f"<{g}#evidence>", prov)
            yield q(f"{g}#evidence", OA + "hasSelector", f"<{g}#position>", prov)
            yield q(f"{g}#evidence", OA + "hasSource", f"<{doc}>", prov)
            yield q(f"{g}#evidence", OA + "hasSelector", f"<{g}#quote>", prov)
            yield q(f"{g}#quote", OA + "exact", lit("tekst źródłowy"), prov)
            yield q(f"{g}#position", OA + "start", lit(str(start), XSD + "integer"), prov)
            yield q(f"{g}#position", OA + "end", lit(str(start + 20), XSD + "integer"), prov)
            yield q(g, kr + "sentence", f"<{g}#sentence>", prov)
            yield q(f"{g}#sentence", OA + "hasSelector", f"<{g}#sentence-position>", prov)
            yield q(f"{g}#sentence-position", OA + "start", lit(str(max(0, start - 40)), XSD + "integer"), prov)
            yield q(f"{g}#sentence-position", OA + "end", lit(str(start + 60), XSD + "integer"), prov)
            yield q(g, S + "about", f"<{triples[0][0]}>", prov)
            yield q(g, kr + "reviewStatus", f"<{kr}{'accepted' if rnd.random() < 0.3 else 'pending'}>", review)


def generate(path: Path, triples: int, base: Base) -> dict:
    nq = path.with_suffix(".nq")
    t0 = time.perf_counter()
    with open(nq, "w", encoding="utf-8") as fh:
        fh.writelines(quads(base, triples))
    generated = time.perf_counter() - t0
    store = Store(path, base)
    t0 = time.perf_counter()
    store.ox.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.queue_index.invalidate()  # loaded around the queue index
    store.load_vocabulary()
    loaded = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.refresh_public()
    store.flush()
    public = time.perf_counter() - t0
    total = len(store.ox)
    del store
    gc.collect()
    nq.unlink()
    return {"quads": total, "generate_s": round(generated, 2), "load_s": round(loaded, 2), "public_view_s": round(public, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--store", type=Path, required=True)
    args = ap.parse_args()
    if args.store.exists():
        raise SystemExit(f"{args.store}: exists; choose a new directory")
    print(generate(args.store, args.triples, Base()))


if __name__ == "__main__":
    main()
