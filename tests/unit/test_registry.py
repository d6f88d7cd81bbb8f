"""The dispatch order is written once, in handlers/__init__.py's docstring, and must match ROUTES."""

import re

import handlers


def test_docstring_lists_routes_in_dispatch_order():
    documented = re.findall(r"^- (\w+) —", handlers.__doc__, flags=re.M)
    assert documented == [route.name for route in handlers.ROUTES]


def test_route_names_are_unique():
    names = [route.name for route in handlers.ROUTES]
    assert len(names) == len(set(names))


def test_fallback_is_last():
    assert handlers.ROUTES[-1].name == "fallback"


def test_a_service_built_from_another_service_does_not_deadlock(bot):
    """planting.display_names builds on species_table: asked first on a fresh app (the certificates job does),
    the nested build must not wait on the lock its caller holds."""
    import threading

    from bot import planting

    assert "species_table" not in bot._services
    found: dict = {}
    thread = threading.Thread(target=lambda: found.update(planting.display_names(bot)), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    assert found["桃"] == "桃子"


def test_the_cadre_login_role_is_written_once():
    """Tidy80: the cadre login's role string lives in bot.registry (LOGIN_ROLES); the ticket pages and the login read
    it from there, never a copy of their own."""
    import inspect

    from bot import registry
    from bot.dashboard import auth, ticket_pages

    assert registry.CADRE_LOGIN in registry.LOGIN_ROLES
    assert ticket_pages.CADRE_LOGIN is registry.CADRE_LOGIN
    for module in (auth, ticket_pages):
        assert '"cadre"' not in inspect.getsource(module), module.__name__


def test_the_login_roles_are_written_once_on_every_page():
    """Tidy81: the binding, event and record-correction pages name the office's and a cadre's logins as the ticket pages
    do since tidy80 (bot.registry's constants), and the login reads admin and adviser from there too."""
    import inspect

    from bot import registry
    from bot.dashboard import auth, binding_pages, correction_pages, event_pages, ticket_pages

    for module in (auth, binding_pages, correction_pages, event_pages, ticket_pages):
        source = inspect.getsource(module)
        for role in (registry.ADMIN_LOGIN, registry.CADRE_LOGIN):
            assert f'"{role}"' not in source, (module.__name__, role)
    assert f'"{registry.ADVISER_LOGIN}"' not in inspect.getsource(auth)
    for module in (binding_pages, correction_pages, event_pages):
        assert module.PAGES and all(page.roles == registry.ADMIN_AND_CADRE for page in module.PAGES), module.__name__


def test_withdrawals_are_collected_from_each_manifests_withdrawal_routes(bot):
    """withdraw84: one manifest name (WITHDRAWAL_ROUTES); the registry derives the matchers core's 取消 yields to."""
    routes = [route for module in handlers.CAPABILITIES for route in getattr(module, "WITHDRAWAL_ROUTES", ())]
    names = {"pledge_changed", "pledge_cancel", "adoption_withdrawn", "zone_left", "event_signup_withdrawn"}
    assert {r.name for r in routes} == names
    assert bot.withdrawal_routes == tuple(routes)
    assert bot.withdrawals == tuple(route.matches for route in routes)
    assert not any(hasattr(module, "WITHDRAWALS") for module in handlers.CAPABILITIES)


def test_a_withdrawal_route_outside_its_capabilitys_routes_is_refused():
    import types

    import pytest

    from bot import registry
    from bot.router import Route

    route = Route("stray_withdrawal", lambda ctx: False, lambda ctx, said: None)
    module = types.ModuleType("handlers.stray")
    module.WITHDRAWAL_ROUTES = [route]
    with pytest.raises(registry.RegistryError, match="stray_withdrawal"):
        registry.collect([module], [])
