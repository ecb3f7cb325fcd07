"""Finding an entity by name: /search?q= (HTML and JSON). Accents are optional ("Smialek" finds Śmiałek),
an inflected word finds its base form ("Śmiałka" finds him: each word's Morfeusz lemmas are searched
too) and the last word is a prefix, so the box completes as one types. Read from the queue index's
full-text table, kept in the same write as every change."""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, jsonify, render_template, request, url_for

from extract.morphology import analyser
from graph.queue_index import TYPE_BITS
from graph.vocab import SCHEMA

from ..app import kronika, wants_json

bp = Blueprint("search", __name__)
MAX_WORDS = 8  # a name, not a paragraph


@bp.route("/search")
def search():
    q = " ".join(request.args.get("q", "").split()[:MAX_WORDS])[:200]
    k = kronika()
    found = k.store.queue().entities(name_alternatives(q), limit=min(50, max(1, _int(request.args.get("limit"), 20))))
    results = []
    for hit in found:
        names = k.store.ox.quads_for_pattern(ox.NamedNode(hit["iri"]), ox.NamedNode(str(SCHEMA.name)), None, ox.DefaultGraph())
        path = hit["iri"][len(k.base.iri) + 3:] if hit["iri"].startswith(k.base.iri + "id/") else None
        results.append({"iri": hit["iri"], "name": next((n.object.value for n in names), hit["summary"]),
                        "types": [t for t, bit in TYPE_BITS.items() if hit["types"] & bit],
                        "page": url_for("linked_data.page", path=path) if path else None})
    if wants_json():
        return jsonify(query=q, results=results)
    return render_template("search.html", q=q, results=results)


def name_alternatives(text: str) -> list[list[str]]:
    """Each word of a name with its Morfeusz lemmas, as `QueueIndex.entities` takes them ("Śmiałka" also
    as "śmiałek"); at most MAX_WORDS words."""
    words = [w.strip(".,;:!?()[]\"'„”") for w in text.split()[:MAX_WORDS]]
    return [sorted(analyser().lemma_set(w) | {w}) for w in words if w]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
