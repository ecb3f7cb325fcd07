"""The review desk: a queue of facts with their evidence, decisions, corrections, merges,
history and uploads — as HTML pages for curators and as a JSON API (session + CSRF header, or token)."""
from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms.validators import ValidationError

from extract.source import SourceError, check_text
from graph.additions import Additions
from graph.build import ingest_text
from graph.candidates import candidates
from graph.links import LINKABLE, TARGETS, CuratorLinks, UnknownEntity
from graph.review import BULK_LIMIT, InvalidChange, Review
from graph.sources import FIELDS as SOURCE_FIELDS
from graph.sources import Sources
from graph.store import Conflict, UnknownFact
from graph.vocab import is_absolute_iri

from ..app import kronika, wants_json
from .auth import admin_required, current_curator, login_required

bp = Blueprint("review", __name__, url_prefix="/review")


def time_limit():
    """A curator's read (a page, the API's GET) that runs past DESK_TIMEOUT is stopped with a 503, as a public query
    is: its worker ends and gunicorn starts another. Writes are never cut short: a decision is one transaction."""
    if request.method in ("GET", "HEAD"):
        k = kronika()
        timeout = k.config["DESK_TIMEOUT"]
        g.desk_limit = k.queries.limited(request.environ.get("gunicorn.socket"), timeout,
                                         f"the page took longer than {timeout:g} s and was stopped; try a narrower filter",
                                         as_json=request.blueprint == "review_api")
        g.desk_limit.__enter__()


def end_time_limit(_error=None):
    limit = g.pop("desk_limit", None)
    if limit is not None:
        limit.__exit__(None, None, None)


bp.before_request(time_limit)
bp.teardown_request(end_time_limit)

api = Blueprint("review_api", __name__, url_prefix="/review/api")
api.before_request(time_limit)
api.teardown_request(end_time_limit)
OPENAPI = Path(__file__).resolve().parent.parent / "openapi.json"
KINDS = ("entity", "membership", "event", "relation", "geonames")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STATUSES = ("pending", "accepted", "rejected", "edited")


def review() -> Review:
    return Review(kronika().store)


def curator_links() -> CuratorLinks:
    return CuratorLinks(review())


def entity_desk(iri: str | None) -> str | None:
    """The desk page where an entity's links are added, for entities that can be linked."""
    prefix = kronika().base.iri + "id/"
    kind, _, name = iri[len(prefix):].partition("/") if iri and iri.startswith(prefix) else ("", "", "")
    return url_for("review.entity", kind=kind, name=name) if kind in LINKABLE and name and "/" not in name else None


@bp.after_app_request
def dumps_follow_changes(response):
    """After a curator's change, the public dumps are made anew in the background."""
    if request.blueprint in ("review", "review_api") and request.method == "POST" and response.status_code < 400:
        kronika().refresh_dumps()
    return response


def filters_from(args) -> dict:
    """Queue filters from query parameters; a bad value is a 400 naming the parameter."""
    out = {"status": args.get("status", "pending") or None, "kind": args.get("kind") or None,
           "document": args.get("document") or None, "order": args.get("order", "document"),
           "entity_type": args.get("type") or None, "search": (args.get("q") or "").strip()[:200] or None}
    if out["status"] and out["status"] not in STATUSES:
        abort(400, description=f"status: one of {', '.join(STATUSES)}")
    if out["document"] and not is_absolute_iri(out["document"]):
        abort(400, description=f"document: a document's IRI, not {out['document']!r}")
    if out["kind"] and out["kind"] not in KINDS:
        abort(400, description=f"kind: one of {', '.join(KINDS)}")
    for name in ("min_confidence", "max_confidence"):
        value = args.get(name)
        if value:
            try:
                out[name] = float(value)
            except ValueError:
                out[name] = float("nan")
            if not 0 <= out[name] <= 1:  # NaN too
                abort(400, description=f"{name}: a number between 0 and 1, not {value!r}")
    if args.get("warnings") in ("yes", "no"):
        out["warnings"] = args["warnings"] == "yes"
    for name, default in (("limit", 50), ("offset", 0)):
        try:
            out[name] = max(0, min(500, int(args.get(name, default))))
        except ValueError:
            abort(400, description=f"{name}: a whole number")
    return out


def view_json(v) -> dict:
    out = {"fact": v.key, "iri": v.iri, "kind": v.kind, "summary": v.summary, "status": v.status, "rule": v.rule,
           "confidence": v.confidence, "document": v.document, "evidence": {"start": v.start, "end": v.end},
           "messages": v.messages, "reviewed_by": v.reviewed_by}
    start, end = v.start - v.sentence_start, v.end - v.sentence_start
    inside = 0 <= start <= end <= len(v.sentence)
    out["sentence"] = {"before": v.sentence[:start] if inside else "", "words": v.sentence[start:end] if inside else "",
                       "after": v.sentence[end:] if inside else v.sentence}
    if v.triples:
        out["triples"] = [[str(t) for t in triple] for triple in v.triples]
    return out


# --- HTML ----------------------------------------------------------------------------------

@bp.route("")
@login_required
def queue():
    f = filters_from(request.args)
    views, total = review().facts(**f)
    counts = review().counts(**{k: v for k, v in filter_arguments(f).items() if k != "status"})
    return render_template("review/queue.html", facts=[view_json(v) for v in views], total=total, filters=f,
                           counts=counts, documents=review().documents(), curator=current_curator(),
                           bulk_limit=BULK_LIMIT)


@bp.route("/fact/<key>", methods=["GET", "POST"])
@login_required
def fact(key):
    r = review()
    try:
        view = r.fact(key)
    except UnknownFact:
        abort(404)
    error = None
    if request.method == "POST":
        action = request.form.get("action")
        try:
            if action in ("accepted", "rejected", "pending"):
                r.decide(key, action, current_curator().name, expected=request.form.get("expected") or None,
                         reason=request.form.get("reason") or None)
                return redirect(url_for("review.queue", **request.args))
            if action == "comment":
                r.comment(key, current_curator().name, request.form.get("text", ""))
                return redirect(url_for("review.fact", key=key))
            if action == "correct":
                changes = {k: request.form.get(k) for k in ("name", "type", "role", "organisation", "date", "precision", "start", "end")}
                result = r.correct(key, changes, current_curator().name, expected=request.form.get("expected") or None,
                                   reason=request.form.get("reason") or None)
                return redirect(url_for("review.fact", key=result["replacement"]))
            abort(400, description="action: accepted, rejected, pending, correct or comment")
        except Conflict as c:
            error = f"Konflikt: fakt ma już stan {c.current} / conflict: the fact is {c.current} now"
            view = r.fact(key)
        except InvalidChange as e:
            error = f"{e.field}: {e.message}"
    entity = next((s.value for s, p, _o in view.triples if p.value == RDF_TYPE), None) if view.kind == "entity" else None
    return render_template("review/fact.html", f=view_json(view), current=r.current_values(view), error=error,
                           comments=r.comments(key), curator=current_curator(), entity_desk=entity_desk(entity),
                           history=r.history(fact=key)), 409 if error and error.startswith("Konflikt") else (400 if error else 200)


def entity_or_404(kind: str, name: str) -> str:
    try:
        return curator_links().entity(kind, name)
    except UnknownEntity:
        abort(404, description=f"no person, organisation, place or event {kind}/{name}")


@bp.route("/entities/<kind>/<name>", methods=["GET", "POST"])
@login_required
def entity(kind, name):
    """An entity's links to other datasets: a pasted identifier or URL adds one, a removal rejects one."""
    links = curator_links()
    iri = entity_or_404(kind, name)
    error, status = None, 200
    if request.method == "POST":
        curator, reason = current_curator().name, request.form.get("reason") or None
        try:
            if request.form.get("action") == "comment":
                review().comment_on(iri, curator, request.form.get("text", ""))
                return redirect(url_for("review.entity", kind=kind, name=name) + "#comments")
            if request.form.get("action") == "remove":
                links.remove(iri, request.form.get("fact", ""), curator, reason=reason)
                flash("usunięto powiązanie / link removed")
            else:
                added = links.add(iri, request.form.get("identifier", ""), curator,
                                  target=request.form.get("target") or None, reason=reason)
                flash(f"powiązano z / linked to {added['name']}")
            return redirect(url_for("review.entity", kind=kind, name=name))
        except InvalidChange as e:
            error, status = f"{e.field}: {e.message}", 400
        except Conflict as c:
            error, status = f"Konflikt: powiązanie ma już stan {c.current} / conflict: the link is {c.current} now", 409
    return render_template("review/entity.html", iri=iri, name=links.name_of(iri), links=links.links(iri),
                           mentions=review().facts_about(iri) if kind != "event" else [], comments=review().comments_on(iri),
                           page=url_for("linked_data.page", path=f"{kind}/{name}"), targets=TARGETS.values(),
                           form=request.form, error=error, curator=current_curator()), status


@bp.route("/entities/<kind>/<name>/move", methods=["POST"])
@login_required
@admin_required
def move(kind, name):
    """Split an entity: the ticked facts (its mentions and what is said of it) move to another entity or to
    a new one."""
    iri = entity_or_404(kind, name)
    try:
        result = review().move(iri, request.form.getlist("fact"), current_curator().name,
                               to=request.form.get("to") or None, name=request.form.get("name") or None,
                               reason=request.form.get("reason") or None)
    except (InvalidChange, UnknownFact) as e:
        flash(f"{getattr(e, 'field', 'facts')}: {getattr(e, 'message', str(e))}", "error")
        return redirect(url_for("review.entity", kind=kind, name=name))
    flash(f"przeniesiono {len(result['moved'])} / moved {len(result['moved'])} → {result['to']}")
    target_kind, target_name = result["to"].split("/id/", 1)[1].split("/", 1)
    return redirect(url_for("review.entity", kind=target_kind, name=target_name))


ADDED_FIELDS = ("name", "person", "role", "organisation", "date", "type", "place", "participants", "subject",
                "predicate", "object")


@bp.route("/documents/<name>/facts", methods=["POST"])
@login_required
def add_fact(name):
    """A fact the extractor missed, on words selected in the document's page."""
    page = url_for("linked_data.page", path=f"document/{name}", part=request.form.get("part") or None)
    try:
        added = Additions(review()).add(kronika().store.base.id("document", name), request.form.get("start"),
                                        request.form.get("end"), request.form.get("kind", ""),
                                        {k: request.form.get(k) for k in ADDED_FIELDS}, current_curator().name)
    except InvalidChange as e:
        flash(f"{e.field}: {e.message}", "error")
        return redirect(page)
    flash(f"dodano / added: {added['summary']} ({added['status']})")
    return redirect(url_for("review.fact", key=added["fact"]))


@bp.route("/documents/<name>/source", methods=["POST"])
@login_required
def document_source(name):
    """The source description a curator gives a document on its page."""
    try:
        Sources(kronika().store).update(kronika().store.base.id("document", name),
                                        {f: request.form.get(f, "") for f in SOURCE_FIELDS}, current_curator().name)
        flash("zapisano opis źródła / source description saved")
    except InvalidChange as e:
        flash(f"{e.field}: {e.message}", "error")
    return redirect(url_for("linked_data.page", path=f"document/{name}") + "#source")


@bp.route("/bulk", methods=["POST"])
@login_required
def bulk():
    """The ticked facts, or with `all=yes` the facts under the queue filters sent along as `filter-NAME`
    fields, BULK_LIMIT at a time: the flash says how many the filter still holds."""
    status = request.form.get("status")
    if status not in ("accepted", "rejected"):
        abort(400, description="status: accepted or rejected")
    matched = None
    if request.form.get("all") == "yes":
        sent = {k.removeprefix("filter-"): v for k, v in request.form.items() if k.startswith("filter-")}
        keys, matched = review().matching(**filter_arguments(filters_from(sent)))
    else:
        keys = request.form.getlist("fact")
    result = review().bulk(keys, status, current_curator().name)
    left = f"; w filtrze zostało {matched - len(keys)}, powtórz / {matched - len(keys)} left in the filter, repeat" \
        if matched is not None and matched > len(keys) else ""
    flash(f"{len(result['decided'])} decyzji, {len(result['conflicts'])} konfliktów / "
          f"{len(result['decided'])} decisions, {len(result['conflicts'])} conflicts{left}")
    return redirect(request.referrer or url_for("review.queue"))


def filter_arguments(f: dict) -> dict:
    """The queue filters alone, without order and paging."""
    return {k: v for k, v in f.items() if k not in ("order", "limit", "offset")}


@bp.route("/undo", methods=["POST"])
@login_required
def undo():
    undone = review().undo(current_curator().name)
    flash(f"cofnięto {len(undone)} decyzji / undid {len(undone)} decision(s)")
    return redirect(request.referrer or url_for("review.queue"))


@bp.route("/history")
@login_required
def history():
    try:
        rows = review().history(curator=request.args.get("curator") or None, fact=request.args.get("fact") or None)
    except UnknownFact:
        abort(404)
    except InvalidChange as e:
        abort(400, description=f"{e.field}: {e.message}")
    return render_template("review/history.html", rows=rows, curator=current_curator())


@bp.route("/merge", methods=["GET", "POST"])
@login_required
@admin_required
def merge():
    """Two steps: a preview of what the merge moves (or why it cannot be), then the merge itself."""
    error = result = preview = None
    if request.method == "POST":
        try:
            if request.form.get("split"):
                result = review().split(request.form["split"], current_curator().name)
            elif request.form.get("confirm") == "yes":
                result = review().merge(request.form.get("keep", ""), request.form.get("gone", ""), current_curator().name,
                                        reason=request.form.get("reason") or None)
            else:
                preview = review().merge_preview(request.form.get("keep", ""), request.form.get("gone", ""))
        except (InvalidChange, UnknownFact) as e:
            error = getattr(e, "message", str(e))
    return render_template("review/merge.html", error=error, result=result, preview=preview, form=request.form,
                           reason=request.form.get("reason", ""), curator=current_curator()), 400 if error else 200


@bp.route("/duplicates")
@login_required
def duplicates():
    """Entities that may be one (an initial, an acronym, an alias, an organisation and a place of one name),
    each pair with a merge to preview; as JSON with `format=json`."""
    found = candidates(kronika().store)
    if wants_json():
        return jsonify(candidates=[{"keep": c.keep, "gone": c.gone, "names": list(c.names), "reason": c.reason}
                                   for c in found])
    return render_template("review/duplicates.html", candidates=found, curator=current_curator())


@bp.route("/upload", methods=["GET", "POST"])
@login_required
def upload():
    error = report = None
    status = 200
    if request.method == "POST":
        try:
            name, text = uploaded_text()
            report, _checked = ingest_text(kronika().store, name, text, replace=request.form.get("replace") == "yes",
                                           uploader=current_curator().name)
        except UploadError as e:
            error, status = e.message, e.status
    return render_template("review/upload.html", error=error, report=report, curator=current_curator(),
                           changes=report_facts(report) if report else None,
                           limit=kronika().config["UPLOAD_LIMIT"]), status


class UploadError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def uploaded_text() -> tuple[str, str]:
    file = request.files.get("file")
    if file is None or not file.filename:
        raise UploadError(400, "file: choose a .txt file to upload")
    name = Path(file.filename).name
    if not name.lower().endswith(".txt"):
        raise UploadError(400, f"file: {name} is not a .txt file")
    data = file.read(kronika().config["UPLOAD_LIMIT"] + 1)
    try:
        text = check_text(data, name, limit=kronika().config["UPLOAD_LIMIT"])
    except SourceError as e:
        raise UploadError(413 if "over the limit" in str(e) else 400, f"file: {e}") from None
    if not text.strip():
        raise UploadError(400, f"file: {name} is empty")
    return name, text


# --- JSON API ----------------------------------------------------------------------------

@api.before_request
def api_auth():
    if request.endpoint == "review_api.openapi":
        return None
    if current_curator() is None:
        return jsonify(error="unauthorized", message="log in or send 'Authorization: Bearer <token>'"), 401
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and not g.get("token_auth"):
        try:
            validate_csrf(request.headers.get("X-CSRFToken"))
        except (ValidationError, CSRFError) as e:
            return jsonify(error="csrf", message=f"missing or bad X-CSRFToken header: {e}"), 400
    return None


@api.errorhandler(400)
def api_bad_request(e):
    return jsonify(error="bad request", message=e.description), 400


@api.errorhandler(404)
def api_not_found(e):
    return jsonify(error="not found", message=e.description), 404


def body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, description="the request body must be a JSON object")
    return data


@api.route("/facts")
def api_facts():
    views, total = review().facts(**filters_from(request.args))
    return jsonify(total=total, facts=[view_json(v) for v in views])


@api.route("/facts/<key>")
def api_fact(key):
    try:
        view = review().fact(key)
    except UnknownFact:
        abort(404, description=f"no fact {key}")
    return jsonify({**view_json(view), "current": review().current_values(view), "comments": review().comments(key)})


@api.route("/facts/<key>/comments", methods=["POST"])
def api_comment(key):
    try:
        return jsonify(review().comment(key, current_curator().name, body().get("text", ""))), 201
    except UnknownFact:
        abort(404, description=f"no fact {key}")
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400


@api.route("/facts/<key>/decision", methods=["POST"])
def api_decide(key):
    data = body()
    try:
        return jsonify(review().decide(key, data.get("status", ""), current_curator().name,
                                       expected=data.get("expected"), reason=data.get("reason")))
    except UnknownFact:
        abort(404, description=f"no fact {key}")
    except Conflict as c:
        return jsonify(error="conflict", fact=key, current=c.current,
                       message=f"the fact is {c.current} now; reload it before deciding"), 409
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400


@api.route("/facts/<key>/correction", methods=["POST"])
def api_correct(key):
    data = body()
    changes = {k: data.get(k) for k in ("name", "type", "role", "organisation", "date", "precision", "start", "end")}
    try:
        return jsonify(review().correct(key, changes, current_curator().name, expected=data.get("expected"),
                                        reason=data.get("reason")))
    except UnknownFact:
        abort(404, description=f"no fact {key}")
    except Conflict as c:
        return jsonify(error="conflict", fact=key, current=c.current), 409
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message,
                       violations=[str(m) for m in e.messages]), 400


@api.route("/entities/<kind>/<name>/links", methods=["GET", "POST"])
def api_links(kind, name):
    """An entity's links to other datasets; POST adds one. A link is removed as any fact is rejected
    (`/facts/{key}/decision`), or by `/undo`."""
    links = curator_links()
    iri = entity_or_404(kind, name)
    if request.method == "GET":
        return jsonify(entity=iri, links=links.links(iri))
    data = body()
    try:
        return jsonify(links.add(iri, data.get("identifier"), current_curator().name, target=data.get("target"),
                                 reason=data.get("reason"))), 201
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400


@api.route("/entities/<kind>/<name>/move", methods=["POST"])
@admin_required
def api_move(kind, name):
    """Split an entity: `{"facts": [ids], "to": IRI or name}` moves those facts to another entity,
    `{"facts": [ids], "name": …}` (or no name: the same) to a new one."""
    iri = entity_or_404(kind, name)
    data = body()
    if not isinstance(data.get("facts"), list):
        return jsonify(error="invalid", field="facts", message="facts must be a list of fact ids"), 400
    try:
        return jsonify(review().move(iri, [str(k) for k in data["facts"]], current_curator().name,
                                     to=str(data["to"]) if data.get("to") else None,
                                     name=str(data["name"]) if data.get("name") else None, reason=data.get("reason")))
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400
    except UnknownFact as e:
        return jsonify(error="invalid", field="facts", message=f"unknown fact {e}"), 400


@api.route("/documents/<name>/facts", methods=["POST"])
def api_add_fact(name):
    """A fact the extractor missed: `{"start", "end", "kind", …fields}` on the document's text."""
    data = body()
    try:
        return jsonify(Additions(review()).add(kronika().store.base.id("document", name), data.get("start"),
                                               data.get("end"), str(data.get("kind", "")),
                                               {k: data.get(k) for k in ADDED_FIELDS}, current_curator().name)), 201
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400


@api.route("/entities/<kind>/<name>/comments", methods=["GET", "POST"])
def api_entity_comments(kind, name):
    """An entity's comments; POST `{"text": …}` adds one."""
    iri = entity_or_404(kind, name)
    if request.method == "GET":
        return jsonify(entity=iri, comments=review().comments_on(iri))
    try:
        return jsonify(review().comment_on(iri, current_curator().name, body().get("text", ""))), 201
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400


@api.route("/documents/<name>/source", methods=["GET", "PUT"])
def api_document_source(name):
    """A document's source description (title, url, publisher, date, citation); PUT sets the fields given."""
    sources, document = Sources(kronika().store), kronika().store.base.id("document", name)
    try:
        if request.method == "GET":
            if not sources.exists(document):
                abort(404, description=f"no document {name}")
            return jsonify(document=document, source=sources.of(document))
        data = body()
        return jsonify(sources.update(document, {k: v if isinstance(v, str) else str(v) for k, v in data.items()},
                                      current_curator().name))
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 404 if e.field == "document" else 400


@api.route("/bulk", methods=["POST"])
def api_bulk():
    data = body()
    if data.get("status") not in ("accepted", "rejected") or not (isinstance(data.get("facts"), list)
                                                                  or isinstance(data.get("filter"), dict)):
        abort(400, description="expected {\"facts\": [ids] or \"filter\": {queue filters}, "
                               "\"status\": \"accepted\"|\"rejected\"}")
    if isinstance(data.get("filter"), dict):  # BULK_LIMIT facts at a time: `left` says how many are still to do
        keys, matched = review().matching(**filter_arguments(filters_from({k: str(v) for k, v in data["filter"].items()})))
        return jsonify({**review().bulk(keys, data["status"], current_curator().name, reason=data.get("reason")),
                        "matched": matched, "limit": BULK_LIMIT, "left": matched - len(keys)})
    keys = [str(k) for k in data["facts"]]
    return jsonify(review().bulk(keys, data["status"], current_curator().name, reason=data.get("reason")))


@api.route("/undo", methods=["POST"])
def api_undo():
    return jsonify(undone=review().undo(current_curator().name))


@api.route("/merge", methods=["POST"])
@admin_required
def api_merge():
    """`"preview": true` answers what the merge would do without doing it."""
    data = body()
    try:
        if data.get("preview") is True:
            return jsonify(review().merge_preview(str(data.get("keep", "")), str(data.get("gone", ""))))
        return jsonify(review().merge(str(data.get("keep", "")), str(data.get("gone", "")), current_curator().name,
                                      reason=data.get("reason")))
    except InvalidChange as e:
        return jsonify(error="invalid", field=e.field, message=e.message), 400


@api.route("/split", methods=["POST"])
@admin_required
def api_split():
    data = body()
    try:
        return jsonify(review().split(str(data.get("merge", "")), current_curator().name, reason=data.get("reason")))
    except UnknownFact:
        abort(404, description="no such merge")


@api.route("/history")
def api_history():
    try:
        return jsonify(history=review().history(curator=request.args.get("curator"), fact=request.args.get("fact")))
    except UnknownFact:
        abort(404, description="no such fact")
    except InvalidChange as e:
        abort(400, description=f"{e.field}: {e.message}")


@api.route("/documents", methods=["POST"])
def api_upload():
    try:
        name, text = uploaded_text()
    except UploadError as e:
        return jsonify(error="upload", message=e.message), e.status
    replace = request.form.get("replace", "no")
    if replace not in ("yes", "no"):
        return jsonify(error="upload", message=f"replace: yes or no, not {replace!r}"), 400
    report, checked = ingest_text(kronika().store, name, text, replace=replace == "yes", uploader=current_curator().name)
    return jsonify(document=report.document, added=report.added, unchanged=report.unchanged, dropped=report.dropped,
                   kept=len(report.kept), refused=len(checked.refused), facts=report_facts(report)), 201


def report_facts(report) -> dict:
    """What an upload changed, fact by fact: the new facts, the pending ones the text no longer yields (dropped) and
    the decided ones it no longer yields (kept, with a warning: their words changed or moved)."""
    return {what: [{"fact": graph.rsplit("/", 1)[-1], "summary": summary} for graph, summary in facts]
            for what, facts in (("added", report.added_facts), ("dropped", report.dropped_facts),
                                ("kept", report.kept_facts))}


@api.route("/openapi.json")
def openapi():
    return jsonify(json.loads(OPENAPI.read_text()))
