"""The application factory: one store and one query runner per app, one blueprint per area."""
from __future__ import annotations

from flask import Flask, current_app, g, jsonify, render_template, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError, CSRFProtect

from graph.dumps import Dumps
from graph.dumps import start as start_dumps
from graph.remote import Endpoints, StoreUnavailable
from graph.store import Store, StoreBusy
from graph.vocab import Base

from . import config as config_module
from .curators import Curators
from .answers import AnswerCache
from .queries import QueryRunner

csrf = CSRFProtect()
READ_AGAIN = 3  # times a read that met files a writer compacted away is answered again on a new view
# Scripts only from the site itself (the pages keep none inline); YASGUI sets inline styles.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                               "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class Sessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the signing serializer made once per app instead of on
    every request (most requests, /sparql's above all, carry no session at all)."""

    def get_signing_serializer(self, app):
        if "kronika-sessions" not in app.extensions:
            app.extensions["kronika-sessions"] = super().get_signing_serializer(app)
        return app.extensions["kronika-sessions"]


class Kronika:
    """What one app holds: its configuration, base IRI, store and query runner."""

    def __init__(self, config: dict):
        self.config = config
        self.base = Base(config["BASE"])
        path = None if config["STORE"] in (None, ":memory:") else config["STORE"]
        endpoints = Endpoints.from_config(config) if config_module.is_remote(path) else None
        # shared: several server processes read it, each write opens it for writing briefly
        self.store = Store(path, self.base, timeout=config["QUERY_TIMEOUT"], endpoints=endpoints, shared=True,
                           write_wait=config["WRITE_WAIT"],
                           queue_index=config_module.queue_index(config))
        local = path if path is not None and not self.store.remote else None
        answers = (AnswerCache(config["ANSWER_CACHE"], config["ANSWER_CACHE_MB"] * 1_000_000)
                   if config.get("ANSWER_CACHE") and config["ANSWER_CACHE_MB"] > 0 else None)
        self.queries = QueryRunner(self.store, local, workers=config["QUERY_WORKERS"],
                                   in_server=config.get("ONE_REQUEST_PER_PROCESS", False), answers=answers)
        self.curators = Curators(config["CURATORS"] or config_module.beside_store(config, "-curators.sqlite"))
        self.dumps = Dumps(config_module.beside_store(config, "-dumps"))
        self._dumping = None  # the process making the dumps, started by this one

    def refresh_dumps(self) -> None:
        """Bring the public dumps up to the store, in a background process (one at a time per web process;
        across processes, one makes them and the others leave it the work)."""
        if self.store.location is None:
            return  # an in-memory store no other process can read
        self.dumps.request()
        if self._dumping is not None and self._dumping.poll() is None:
            return  # already at work: it waits for changes to pause, this one among them
        self._dumping = start_dumps(self.config, self.dumps.folder)


def kronika() -> Kronika:
    return current_app.extensions["kronika"]


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return request.args.get("format") == "json" or best == "application/json"


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    settings = config_module.load(config)
    app.config.update(settings)
    app.config["MAX_CONTENT_LENGTH"] = settings["UPLOAD_LIMIT"] + 64_000
    app.config["SECRET_KEY"] = config_module.secret_key(settings)
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=settings["BASE"].startswith("https://"),
                      WTF_CSRF_TIME_LIMIT=None)
    app.extensions["kronika"] = Kronika(settings)
    app.session_interface = Sessions()
    csrf.init_app(app)

    from .views import auth, graphs, home, linked_data, maps, review, search, sparql
    app.register_blueprint(home.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(linked_data.bp)
    app.register_blueprint(graphs.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(review.api)
    app.register_blueprint(search.bp)
    app.register_blueprint(maps.bp)
    csrf.exempt(sparql.bp)
    csrf.exempt(review.api)  # the API checks the CSRF header itself, or takes a token
    from .views import reconcile, timeline
    app.register_blueprint(timeline.bp)
    app.register_blueprint(reconcile.bp)
    csrf.exempt(reconcile.bp)  # public and read-only: OpenRefine posts its queries as a form, from anywhere

    @app.context_processor
    def logged_in():
        """Templates show the curator's name and a CSRF token only to a curator: anonymous pages set no cookie."""
        from .views.auth import current_curator
        return {"curator": current_curator() if request.cookies or request.authorization else None}

    headers = dict(SECURITY_HEADERS)
    tiles = maps.tile_source(settings["TILES"])
    if tiles:  # the maps' images come from the tile server the site is set to use
        headers["Content-Security-Policy"] = headers["Content-Security-Policy"].replace("img-src 'self'", f"img-src 'self' {tiles}")

    # GET /sparql?query=… without Flask's request machinery (same answers; anything else goes to Flask)
    app.wsgi_app = sparql.FastPath(app, app.wsgi_app, headers)

    @app.after_request
    def http_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        if "frame-ancestors *" in response.headers["Content-Security-Policy"]:
            del response.headers["X-Frame-Options"]  # a page made to be framed elsewhere (a reconciliation preview)
        if request.endpoint != "static":
            # what a response may differ by: every route negotiates its format, pages their language
            response.vary.update(("Accept", "Accept-Language"))
        if "Set-Cookie" in response.headers or g.get("curator"):
            # a curator's page (their name, their token) or a new session: never kept by a shared cache
            response.headers["Cache-Control"] = "private, no-store"
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        message = f"Brak lub zły token CSRF / missing or bad CSRF token: {error.description}"
        if wants_json() or request.path.startswith("/review/api/"):
            return jsonify(error="csrf", message=message), 400
        return render_template("error.html", status=400, message=message), 400

    @app.errorhandler(404)
    def not_found(error):
        message = f"Nie ma tu nic: {request.path} / Nothing here: {request.path}"
        if wants_json():
            return jsonify(error="not found", path=request.path, message=message), 404
        return render_template("error.html", status=404, message=message), 404

    @app.errorhandler(405)
    def not_allowed(error):
        allowed = ", ".join(sorted(error.valid_methods or []))
        return jsonify(error="method not allowed", method=request.method, path=request.path, allowed=allowed), \
            405, {"Allow": allowed}

    @app.errorhandler(StoreUnavailable)
    @app.errorhandler(StoreBusy)
    def store_unavailable(error):
        message = f"Magazyn danych nie odpowiada / the store is unavailable: {error}. Nothing was changed; try again."
        if wants_json() or request.path.startswith(("/review/api/", "/sparql")):
            return jsonify(error="store unavailable", message=message), 503
        return render_template("error.html", status=503, message=message), 503

    @app.before_request
    def note_writes():
        g.writes_before = app.extensions["kronika"].store.writes_begun()

    @app.errorhandler(OSError)
    def store_moved_on(error):
        """A read-only view met files a writer in another process compacted away: reopen it and, where the
        request has written nothing yet, answer it again on a new view (up to READ_AGAIN times); else ask to retry."""
        if not str(error).startswith("IO error"):  # RocksDB's errors; any other OSError is a bug to see
            raise error
        store = app.extensions["kronika"].store
        store.reopen()
        while g.get("read_again", 0) < READ_AGAIN and store.writes_begun() == g.get("writes_before"):
            g.read_again = g.get("read_again", 0) + 1  # a writer compacting on a busy machine may need a few
            try:
                return app.make_response(app.dispatch_request())
            except OSError as again:
                if not str(again).startswith("IO error"):
                    raise
                store.reopen()
            except Exception as other:  # a 404, a conflict: answered as the first attempt would have been
                return app.handle_user_exception(other)
        message = "Magazyn zmienił się w trakcie odczytu / the store changed while it was read; try again."
        if wants_json() or request.path.endswith(".json") or request.path.startswith(("/review/api/", "/sparql")):
            return jsonify(error="store changed", message=message), 503, {"Retry-After": "1"}
        return render_template("error.html", status=503, message=message), 503, {"Retry-After": "1"}

    @app.errorhandler(413)
    def too_large(error):
        limit = settings["UPLOAD_LIMIT"]
        return jsonify(error="too large", message=f"request body over the limit of {limit:,} bytes"), 413

    return app
