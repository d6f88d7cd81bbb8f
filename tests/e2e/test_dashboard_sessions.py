"""Dashboard sessions and logins (issue 13, 6): logout ends the session on the server, the login throttle
holds under parallel attempts and slows one address's guesses at one name without locking out the
right password from elsewhere, unknown names cost what known ones cost, and the pages cannot be framed."""

from __future__ import annotations

import threading

import pytest

from tests.e2e.dashboard_seed import PASSWORD, admin, county, csrf_of, login  # noqa: F401 (fixtures)


def client_from(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


# -- sessions ----------------------------------------------------------------------------------------
def test_logout_ends_the_session_for_a_copied_cookie_too(app, admin):
    cookie = admin.get_cookie("session")
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    assert thief.get("/admin/").status_code == 200  # a copied cookie works while the session lives
    assert (
        admin.post(
            "/admin/logout", data={"csrf_token": csrf_of(admin.get("/admin/").get_data(as_text=True))}
        ).status_code
        == 302
    )
    assert thief.get("/admin/").status_code == 302
    assert admin.get("/admin/").status_code == 302


def test_a_session_unused_for_session_minutes_is_gone_on_the_server(app, bot, admin, clock):
    cookie = admin.get_cookie("session").value
    clock.advance(minutes=bot.config.get("dashboard.session_minutes") + 1)
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/admin/").status_code == 302


def test_an_active_session_stays(app, bot, admin, clock):
    for _ in range(4):
        clock.advance(minutes=bot.config.get("dashboard.session_minutes") - 1)
        assert admin.get("/admin/").status_code == 200


# -- the throttle ------------------------------------------------------------------------------------
def test_parallel_wrong_guesses_get_no_more_tries_than_allowed(app, bot, county, clock):
    clock.set(clock())  # stopped: a slow machine cannot let a delay pass between two attempts
    limit = bot.config.get("dashboard.login_max_failures")
    tries = limit * 3
    barrier, statuses = threading.Barrier(tries), []

    def guess(n: int) -> None:
        client = client_from(app, "10.0.0.66")
        token = csrf_of(client.get("/admin/login").get_data(as_text=True))
        barrier.wait()
        statuses.append(
            client.post(
                "/admin/login", data={"username": "admin", "password": f"guess-{n}", "csrf_token": token}
            ).status_code
        )

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [401] * limit + [429] * (tries - limit)


def test_guesses_from_one_address_do_not_lock_out_the_right_password_from_another(app, bot, county, clock):
    clock.set(clock())
    attacker, office = client_from(app, "10.0.0.66"), client_from(app, "10.0.0.7")
    for _ in range(bot.config.get("dashboard.login_max_failures")):
        assert login(attacker, "admin", "guess").status_code == 401
    assert login(attacker, "admin").status_code == 429  # this address waits, even with the right password
    assert login(office, "admin").status_code == 302  # the office does not


def test_the_delay_grows_with_each_failure_and_is_bounded(app, bot, county, clock):
    clock.set(clock())
    attacker = client_from(app, "10.0.0.66")
    first = bot.config.get("dashboard.login_delay_seconds")
    longest = bot.config.get("dashboard.login_lock_minutes") * 60
    for _ in range(bot.config.get("dashboard.login_max_failures")):
        assert login(attacker, "admin", "guess").status_code == 401
    waits = [min(first * 2**n, longest) for n in range(12)]  # 2, 4, 8 … 512 s, then 900 s
    assert waits[-3:] == [longest] * 3
    for wait in waits:
        assert login(attacker, "admin").status_code == 429  # even the right password waits
        clock.advance(seconds=wait - 1)
        assert login(attacker, "admin", "guess").status_code == 429
        clock.advance(seconds=1)
        assert login(attacker, "admin", "guess").status_code == 401  # one more try, one more failure
    clock.advance(seconds=longest + 1)  # quiet for login_lock_minutes: the failures are forgotten
    assert login(attacker, "admin").status_code == 302


def test_an_unknown_name_costs_a_password_check_like_a_known_one(app, bot, county, monkeypatch):
    from bot.dashboard import auth

    checked = []
    real = auth.check_password_hash
    monkeypatch.setattr(auth, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))

    def attempt(name: str) -> None:
        client = client_from(app, f"10.0.1.{len(checked) + 1}")
        assert login(client, name, "guess").status_code == 401

    for name in ("admin", "nobody-1", "nobody-2"):
        attempt(name)
    assert len(checked) == 3  # a hash was checked for every attempt, the unknown names included
    # and the same work: the stand-in hash has the real one's method and cost (no wall-clock timing, which flaked on
    # a loaded machine: 0.08 s against 0.26 s / 3 while other suites ran)
    methods = {h.split("$", 1)[0] for h in checked}
    assert len(methods) == 1, methods


def test_old_failures_are_forgotten(app, bot, county, clock):
    clock.set(clock())
    attacker = client_from(app, "10.0.0.66")
    for _ in range(bot.config.get("dashboard.login_max_failures")):
        assert login(attacker, "admin", "guess").status_code == 401
    clock.advance(minutes=bot.config.get("dashboard.login_lock_minutes") + 1)
    assert login(attacker, "admin", "guess").status_code == 401
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM login_failures"))["n"] == 1


# -- cookies and headers -----------------------------------------------------------------------------
@pytest.mark.parametrize("public_url, secure", [("https://lvmei.example.org", True), ("http://127.0.0.1:8080", False)])
def test_the_session_cookie_is_secure_behind_https(app_with, public_url, secure):
    from tests.e2e.dashboard_seed import seed

    flask_app = app_with(**{"server.public_url": public_url})
    seed(flask_app.extensions["bot"])
    response = login(flask_app.test_client(), "admin")
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert ("; Secure" in cookie) is secure and "HttpOnly" in cookie


@pytest.mark.parametrize(
    "path", ["/admin/login", "/admin/", "/admin/villages", "/admin/no-such-page", "/admin/exports/people.xlsx"]
)
def test_dashboard_pages_cannot_be_framed_and_carry_a_policy(admin, path):
    response = admin.get(path)
    assert response.headers["X-Frame-Options"] == "DENY"
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert "script-src" not in policy  # no script is ever allowed
