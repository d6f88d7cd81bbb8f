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
