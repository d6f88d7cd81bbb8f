"""Every dashboard page a role may not open answers that login 403, GET or POST (the shared ``only_for`` guard
of bot/dashboard/__init__.py), so that a page added later with ``admin_only`` or ``roles`` is closed to the
adviser and cadre logins without a test of its own."""

from __future__ import annotations

import re

import pytest

from tests.e2e.dashboard_seed import add_cadre_login, county, csrf_of, login  # noqa: F401 (fixtures)

ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")


def url_of(rule: str) -> str:
    """The page's rule with every argument filled in (an int for an int, a sha256-like string otherwise)."""
    return "/admin" + ARGUMENT.sub(lambda m: "1" if m.group(1) == "int" else "a" * 64, rule)


@pytest.mark.parametrize("username,role", [("wang", "adviser"), ("lin", "cadre")])
def test_pages_a_role_may_not_open_are_403_to_it(app, bot, county, username, role):
    add_cadre_login(bot.db, "lin", "林书记")
    client = app.test_client()
    assert login(client, username).status_code == 302
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    closed = [page for page in bot.dashboard_pages if not page.allows(role)]
    assert closed, "some pages are admin-only"
    for page in closed:
        for method in page.methods:
            url = url_of(page.rule)
            if method == "POST":
                answer = client.post(url, data={"csrf_token": token})
            else:
                answer = client.get(url)
            assert answer.status_code == 403, (method, url, answer.status_code)
