"""The console's modules and the parts it is built from import one way: no module imports
one that imports it back, not even for type checking."""

from __future__ import annotations

import itertools

import grimp

PACKAGES = ("ui.console", "ui.capture", "ui.outcomes", "ui.presenter", "ui.bank")


def test_no_module_of_the_console_imports_one_that_imports_it_back() -> None:
    graph = grimp.build_graph("ui", cache_dir=None)
    modules = sorted(m for m in graph.modules if m.startswith(PACKAGES))
    assert "ui.console.window" in modules
    circles = [
        (a, b)
        for a, b in itertools.combinations(modules, 2)
        if graph.find_shortest_chain(importer=a, imported=b)
        and graph.find_shortest_chain(importer=b, imported=a)
    ]
    assert circles == []
