"""Curators' login and logout; who is logged in, for the review desk."""
from __future__ import annotations

import functools
from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, jsonify, redirect, render_template, request, session, url_for

from ..app import kronika
from ..curators import Curator, Throttle, TooManyAttempts

bp = Blueprint("auth", __name__)


def current_curator() -> Curator | None:
    if "curator" in g:
        return g.curator
    curator = None
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        curator = kronika().curators.by_token(header[7:].strip())
        g.token_auth = curator is not None
    elif session.get("session_id"):
        # looked up on every request: a session ended by logout, disabling or a new password is gone at once
        curator = kronika().curators.by_session(session["session_id"])
    g.curator = curator
    return curator


def login_required(view):
    """HTML pages redirect to the login page; the API answers 401."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_curator() is None:
            if request.blueprint == "review_api":
                return jsonify(error="unauthorized", message="log in or send 'Authorization: Bearer <token>'"), 401
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)
    return wrapped


def admin_required(view):
    """Merging and splitting entities change what every IRI means: an admin's decision."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        curator = current_curator()
        if curator is None:
            return login_required(view)(*args, **kwargs)
        if curator.role != "admin":
            message = "tylko administrator / admins only: merging and splitting entities"
            if request.blueprint == "review_api":
                return jsonify(error="forbidden", message=message), 403
            return render_template("error.html", status=403, message=message), 403
        return view(*args, **kwargs)
    return wrapped


def same_site_path(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None. Browsers drop tabs and newlines from a URL
    and read a backslash as a slash, so '/\t/host' or '/\\host' would lead to another host."""
    if not target or not target.startswith("/") or "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7f
                                                                          for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None
    return target


def login_throttle() -> Throttle:
    """The operator's KRONIKA_LOGIN_* settings: how often a wrong password may be tried."""
    config = current_app.config
    return Throttle(config["LOGIN_MAX_FAILURES"], config["LOGIN_MAX_WAIT"], config["LOGIN_WINDOW"])


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        name, password = request.form.get("name", ""), request.form.get("password", "")
        curators = kronika().curators
        try:
            curator = curators.login(name, password, request.remote_addr or "unknown", login_throttle())
        except TooManyAttempts as e:
            error = (f"Zbyt wiele prób; spróbuj ponownie za {e.retry_after} s / "
                     f"too many attempts, try again in {e.retry_after} s")
            return render_template("login.html", error=error), 429, {"Retry-After": str(e.retry_after)}
        if curator is None:
            error = "Zła nazwa lub hasło / wrong name or password"
        else:
            end_session()
            session["session_id"] = curators.start_session(curator.name)
            return redirect(same_site_path(request.args.get("next")) or url_for("review.queue"))
    return render_template("login.html", error=error), 401 if error else 200


@bp.route("/logout", methods=["POST"])
def logout():
    end_session()
    return redirect(url_for("home.index"))


def end_session() -> None:
    """Ends the session on the server too, so a copy of the cookie opens nothing afterwards."""
    if session.get("session_id"):
        kronika().curators.end_session(session["session_id"])
    session.clear()
