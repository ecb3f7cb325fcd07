"""/timeline: the dataset's events and roles on a time axis (vis-timeline), or one entity's with
`?about=IRI`; `?from=`/`?to=` years narrow it, `?page=N` pages it. The same as JSON at /timeline.json
(or `format=json`, or `Accept: application/json`)."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from graph.vocab import is_absolute_iri

from .. import timeline as axis
from ..app import kronika, wants_json
from ..resources import Describer
from .linked_data import MAX_PAGE, not_found, revalidate

bp = Blueprint("timeline", __name__)
bp.after_request(revalidate)  # an ETag of the store version, as every page and document has


class BadParameter(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    if as_json():
        return jsonify(error="bad request", field=error.field, message=str(error)), 400
    return render_template("error.html", status=400, message=str(error)), 400


def as_json() -> bool:
    return request.path.endswith(".json") or wants_json()


def whole_number(name: str, low: int, high: int) -> int | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise BadParameter(name, f"a whole number from {low} to {high:,}, not {value[:40]!r}")
    return int(value)


@bp.route("/timeline")
@bp.route("/timeline.json", endpoint="timeline_json")
def timeline():
    k = kronika()
    about = request.args.get("about") or None
    if about is not None and not (is_absolute_iri(about) and about.startswith(k.base.iri + "id/")):
        raise BadParameter("about", f"the IRI of an entity of this dataset ({k.base.iri}id/…)")
    first, last = whole_number("from", 1, 9999), whole_number("to", 1, 9999)
    if first is not None and last is not None and first > last:
        raise BadParameter("from", f"the first year ({first}) comes after the last ({last})")
    page = whole_number("page", 0, MAX_PAGE) or 0
    if about is not None and not Describer(k.store).exists(about):
        if as_json():
            return jsonify(error="not found", iri=about), 404
        return not_found(about)
    items = axis.of_entity(k.store, about) if about else axis.everything(k.store)
    out = {"about": about, "from": first, "to": last,
           **axis.page_of(k.store, axis.overlapping(items, first, last), page)}
    here = {name: value for name, value in (("about", about), ("from", first), ("to", last)) if value is not None}
    out["next"] = url_for("timeline.timeline", **here, page=page + 1) if out["total"] > (page + 1) * out["size"] else None
    out["previous"] = url_for("timeline.timeline", **here, page=page - 1) if page > 0 else None
    if as_json():
        return jsonify(out)
    title = None
    if about is not None:
        labels = Describer(k.store).labels([about]).get(about, {})
        title = labels.get("pl") or next(iter(labels.values()), about.rsplit("/", 1)[-1])
    return render_template("timeline.html", timeline=out, title=title,
                           json_url=url_for("timeline.timeline_json", **here, page=page or None))
