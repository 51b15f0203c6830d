"""A renamed URL segment keeps its former addresses working (plugins/redirects)."""

from __future__ import annotations

import pytest
from conftest import Site
from redirects import former_segments


def check_former_addresses(site: Site, settings) -> int:
    """Every page under a renamed segment answers at its former address: a
    page that sends readers on, noindex, in the same language; how many."""
    checked = 0
    for code, old, new in former_segments(settings):
        current = site.root / code / new
        pages = sorted(current.rglob("index.html"))
        assert pages, f"/{code}/{new}/ has no pages"
        for file in pages:
            rel = file.parent.relative_to(current).as_posix()
            rel = "" if rel == "." else rel + "/"
            target = f"/{code}/{new}/{rel}"
            stub = site.page(f"/{code}/{old}/{rel}")
            assert stub.xpath("//meta[@http-equiv='refresh']/@content") == [
                f"0; url={target}"
            ]
            assert stub.xpath("//link[@rel='canonical']/@href") == [target]
            assert stub.xpath("//meta[@name='robots']/@content") == ["noindex"]
            assert stub.xpath("//a/@href") == [target]  # for those who stay
            assert stub.get("lang") == site.page(target).get("lang")
            checked += 1
        rules = (site.root / "_redirects").read_text("utf-8").splitlines()
        assert f"/{code}/{old}/* /{code}/{new}/:splat 301" in rules
        # Out of the sitemap.
        assert f"/{code}/{old}/" not in (site.root / "sitemap.xml").read_text("utf-8")
    return checked


@pytest.mark.site
def test_every_former_address_sends_readers_on(party_site: Site, settings):
    check_former_addresses(party_site, settings)


def test_every_former_address_of_the_fixture_site_sends_readers_on(
    kit: Site, fixture_settings
):
    segments = former_segments(fixture_settings)
    assert ("zgh", "tanbadt", "tanmhalt") in segments
    assert ("ar", "bayanat", "balaghat") in segments
    assert check_former_addresses(kit, fixture_settings) > 20


def test_former_addresses_stay_out_of_the_pages_and_the_sitemap(kit: Site):
    urls = {kit.url_of(file) for file in kit.html_files()}
    assert "/zgh/tanmhalt/" in urls and "/zgh/tanbadt/" not in urls
    assert "/tanbadt/" not in (kit.root / "sitemap.xml").read_text("utf-8")


@pytest.mark.parametrize(
    "value",
    [{"ar": {"bayanat": "bayanat"}}, {"ar": {"a/b": "c"}}, {"ar": {"": "c"}}],
)
def test_a_wrong_setting_is_named(value):
    with pytest.raises(ValueError, match="FORMER_URL_SEGMENTS"):
        former_segments({"FORMER_URL_SEGMENTS": value})
