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
