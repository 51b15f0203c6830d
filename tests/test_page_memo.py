"""The key of a kept page (fast_build/memo.py) changes whenever what the page
is made from changes: a value reached through a cycle, a closure's captured
values, a template that shows other items' bodies. A value it cannot
describe makes the page render every time instead."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from fast_build.memo import Encoder, Templates, Unstable


class Node:
    def __init__(self, label: str):
        self.label = label
        self.other: Node | None = None


def pair(label: str) -> tuple[Node, Node]:
    first, second = Node(label), Node("b")
    first.other, second.other = second, first
    return first, second


def test_a_value_reached_through_a_cycle_says_what_the_cycle_holds():
    """Encoding `a` first cuts the cycle at `b -> a`; `b` met later, from a
    page that reaches it alone, must still depend on `a`'s label."""
    keys = []
    for label in ("one", "two"):
        a, b = pair(label)
        encoder = Encoder({}, [])
        encoder.value(a)
        keys.append(encoder.value(b))
    assert keys[0] != keys[1]


def test_a_closure_is_described_by_what_it_captured():
    def made(value: str):
        return lambda: value

    encoder = Encoder({}, [])
    assert encoder.value(made("ar")) != encoder.value(made("fr"))


def test_an_object_without_a_stable_description_is_not_kept():
    with pytest.raises(Unstable):
        Encoder({}, []).value(object())


def test_a_template_showing_other_items_bodies_is_known():
    environment = Environment(
        loader=DictLoader(
            {
                "base.html": "{{ SITENAME }}{% block body %}{% endblock %}",
                "article.html": '{% extends "base.html" %}'
                "{% block body %}{{ article.content }}{% endblock %}",
                "digest.html": '{% extends "base.html" %}{% block body %}'
                "{% for item in items %}{{ item.content }}{% endfor %}{% endblock %}",
                "dynamic.html": "{% include name %}",
            }
        )
    )
    templates = Templates(environment, {})
    names, bodies = templates.reads("article.html")
    assert names is not None and {"article", "SITENAME"} <= names and not bodies
    assert templates.reads("digest.html")[1], "items' bodies are read"
    # A template named at render time could read anything.
    assert templates.reads("dynamic.html")[0] is None


def test_a_template_not_from_the_theme_is_never_kept():
    """A template made from a string has no source in any key: asked twice,
    it is unstable both times (not taken for one that reads nothing)."""
    template = Environment().from_string("{{ text }}")
    templates = Templates(template.environment, {})
    for _time in range(2):
        with pytest.raises(Unstable):
            templates.reads("feeds.html")
