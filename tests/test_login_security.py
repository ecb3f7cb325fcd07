"""Login that resists attack: throttling per account and per address, no timing difference between
unknown and existing names, and sessions that end on the server (logout, disable, new password)."""
from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

import server.curators
from server.cli import cli

from .test_review import PASSWORD, curators, first_pending, login  # noqa: F401  (fixture)


class Clock:
    """The curators' clock, moved by hand: lockouts pass without the test sleeping."""

    def __init__(self):
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(curators):
    curators.clock = Clock()
    return curators.clock


@pytest.fixture
def hash_checks(monkeypatch):
    """The stored hash of every password check made (counted, never timed)."""
    checked = []
    real = server.curators.check_password_hash

    def counted(stored, password):
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(server.curators, "check_password_hash", counted)
    return checked


@pytest.fixture
def form_client(app, client):
    """The login form without its CSRF token: these tests are about what comes after that check."""
    app.config["WTF_CSRF_ENABLED"] = False
    return client


def attempt(client, name, password, address="127.0.0.1"):
    return client.post("/login", data={"name": name, "password": password}, environ_base={"REMOTE_ADDR": address})


def test_failed_logins_lock_the_account_until_the_wait_passes(form_client, curators, clock, hash_checks, caplog):
    for _ in range(5):
        assert attempt(form_client, "anna", "zle-haslo").status_code == 401
    hash_checks.clear()
    with caplog.at_level(logging.WARNING, logger="kronika.auth"):
        locked = attempt(form_client, "anna", PASSWORD)
    assert locked.status_code == 429 and locked.headers["Retry-After"] == "1"
    page = locked.get_data(as_text=True)
    assert "Zbyt wiele prób" in page and "too many attempts, try again in 1 s" in page
    assert hash_checks == [], "a locked login is refused before the password is hashed"
    assert any("'anna'" in r.getMessage() and "127.0.0.1" in r.getMessage() for r in caplog.records)

    clock.now += 1
    assert attempt(form_client, "anna", PASSWORD).status_code == 302
    for _ in range(4):
        assert attempt(form_client, "anna", "zle-haslo").status_code == 401
    assert attempt(form_client, "anna", PASSWORD).status_code == 302, "a success forgets earlier failures"


def test_each_further_failure_doubles_the_wait_up_to_the_limit(app, form_client, curators, clock):
    app.config["LOGIN_MAX_WAIT"] = 3
    for _ in range(5):
        attempt(form_client, "anna", "zle-haslo")
    waits = []
    for _ in range(3):
        waits.append(int(attempt(form_client, "anna", "zle-haslo").headers["Retry-After"]))
        clock.now += waits[-1]
        assert attempt(form_client, "anna", "zle-haslo").status_code == 401
    assert waits == [1, 2, 3]
    clock.now += app.config["LOGIN_WINDOW"] + 1
    assert attempt(form_client, "anna", PASSWORD).status_code == 302, "failures are forgotten after the window"


def test_one_address_guessing_many_names_is_locked_out(form_client, curators, clock, hash_checks):
    for n in range(5):
        assert attempt(form_client, f"kto{n}", "zle-haslo", address="10.0.0.1").status_code == 401
    hash_checks.clear()
    locked = attempt(form_client, "anna", PASSWORD, address="10.0.0.1")
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1
    assert hash_checks == []
    assert attempt(form_client, "anna", PASSWORD, address="10.0.0.2").status_code == 302, "other addresses log in"


def test_unknown_and_disabled_names_cost_one_hash_check_like_existing_ones(form_client, curators, hash_checks):
    curators.disable("piotr")
    checked = {}
    for name in ("anna", "nikt-taki", "piotr"):
        hash_checks.clear()
        assert attempt(form_client, name, "zle-haslo").status_code == 401
        checked[name] = list(hash_checks)
    assert all(len(hashes) == 1 for hashes in checked.values()), checked
    method = checked["anna"][0].split("$")[0]
    assert checked["nikt-taki"][0].split("$")[0] == method, "the dummy hash costs what a real one does"


def copy_of_session(app, client):
    """Another browser holding a copy of `client`'s session cookie (stolen, or kept from before)."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def assert_session_works(app, thief, csrf):
    assert thief.get("/review/api/facts").status_code == 200
    key = first_pending(app, "prezydent")
    decided = thief.post(f"/review/api/facts/{key}/decision", json={"status": "accepted"}, headers={"X-CSRFToken": csrf})
    assert decided.status_code == 200


def assert_session_ended(app, thief, csrf):
    assert thief.get("/review/api/facts").status_code == 401
    assert "/login" in thief.get("/review").headers["Location"]
    key = first_pending(app, "następca")
    decided = thief.post(f"/review/api/facts/{key}/decision", json={"status": "accepted"}, headers={"X-CSRFToken": csrf})
    assert decided.status_code == 401


def test_a_copied_session_cookie_stops_working_after_logout(app, client, curators):
    csrf = login(client)
    thief = copy_of_session(app, client)
    assert_session_works(app, thief, csrf)
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 302
    assert_session_ended(app, thief, csrf)


def test_disabling_an_account_ends_its_sessions_only(app, client, curators):
    csrf = login(client)
    thief = copy_of_session(app, client)
    admin = app.test_client()
    login(admin, "piotr")
    assert_session_works(app, thief, csrf)
    curators.disable("anna")
    assert_session_ended(app, thief, csrf)
    assert admin.get("/review/api/facts").status_code == 200, "other curators stay logged in"


def test_a_new_password_ends_the_sessions_opened_with_the_old_one(app, client, curators):
    csrf = login(client)
    thief = copy_of_session(app, client)
    assert_session_works(app, thief, csrf)
    curators.set_password("anna", "nowe-haslo-2")
    assert_session_ended(app, thief, csrf)
    assert curators.check("anna", PASSWORD) is None and curators.check("anna", "nowe-haslo-2") is not None


def test_password_from_the_command_line(tmp_path):
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["curator", "add", "anna", "--store", str(store)], input="stare-haslo-1\n").exit_code == 0
    accounts = server.curators.Curators(str(store) + "-curators.sqlite")
    session_id = accounts.start_session("anna")
    changed = runner.invoke(cli, ["curator", "password", "anna", "--store", str(store)], input="nowe-haslo-2\n")
    assert changed.exit_code == 0, changed.output
    assert accounts.check("anna", "stare-haslo-1") is None and accounts.check("anna", "nowe-haslo-2") is not None
    assert accounts.by_session(session_id) is None, "the sessions of the old password ended"
    short = runner.invoke(cli, ["curator", "password", "anna", "--store", str(store)], input="krotkie\n")
    assert short.exit_code == 1 and "at least 8" in short.output
    unknown = runner.invoke(cli, ["curator", "password", "nikt", "--store", str(store)], input="nowe-haslo-2\n")
    assert unknown.exit_code == 1 and "no such curator" in unknown.output
