"""A renamed URL segment keeps its former addresses working (plugins/redirects)."""

from __future__ import annotations

import pytest
from conftest import Site
from redirects import former_segments


def test_every_former_address_of_the_demo_sends_readers_on(demo: Site, settings):
    segments = former_segments(settings)
    assert ("zgh", "tanbadt", "tanmhalt") in segments
    assert ("ar", "bayanat", "balaghat") in segments
    checked = 0
    for code, old, new in segments:
        current = demo.root / code / new
        pages = sorted(current.rglob("index.html"))
        assert pages, f"/{code}/{new}/ has no pages"
        for file in pages:
            rel = file.parent.relative_to(current).as_posix()
            rel = "" if rel == "." else rel + "/"
            target = f"/{code}/{new}/{rel}"
            stub = demo.page(f"/{code}/{old}/{rel}")
            assert stub.xpath("//meta[@http-equiv='refresh']/@content") == [
                f"0; url={target}"
            ]
            assert stub.xpath("//link[@rel='canonical']/@href") == [target]
            assert stub.xpath("//meta[@name='robots']/@content") == ["noindex"]
            assert stub.xpath("//a/@href") == [target]  # for those who stay
            assert stub.get("lang") == demo.page(target).get("lang")
            checked += 1
    assert checked > 20
    rules = (demo.root / "_redirects").read_text("utf-8").splitlines()
    assert "/zgh/tanbadt/* /zgh/tanmhalt/:splat 301" in rules
    assert "/ar/bayanat/* /ar/balaghat/:splat 301" in rules


def test_former_addresses_stay_out_of_the_pages_and_the_sitemap(demo: Site):
    urls = {demo.url_of(file) for file in demo.html_files()}
    assert "/zgh/tanmhalt/" in urls and "/zgh/tanbadt/" not in urls
    assert "/tanbadt/" not in (demo.root / "sitemap.xml").read_text("utf-8")


@pytest.mark.parametrize(
    "value",
    [{"ar": {"bayanat": "bayanat"}}, {"ar": {"a/b": "c"}}, {"ar": {"": "c"}}],
)
def test_a_wrong_setting_is_named(value):
    with pytest.raises(ValueError, match="FORMER_URL_SEGMENTS"):
        former_segments({"FORMER_URL_SEGMENTS": value})
