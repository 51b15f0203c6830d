"""Click-to-load videos: a YouTube or Vimeo link alone on its line becomes a
local preview that asks nothing of the video host until the visitor clicks,
then the host's privacy-minded player; without JavaScript, a plain link."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import Site, build_site, copy_project, plain_name, serve_with_csp

ARTICLE = "/fr/actualites/candidates-virtual-training/"
WATCH = "https://www.youtube.com/watch?v=Zp0kQ8xW3cE"
EMBED = "https://www.youtube-nocookie.com/embed/Zp0kQ8xW3cE?autoplay=1"
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com")


def test_a_lone_video_link_becomes_a_translated_preview(kit):
    for url, label in [
        (ARTICLE, "Regarder sur YouTube"),
        ("/ar/akhbar/candidates-virtual-training/", "شاهدوا على YouTube"),
        ("/zgh/isaln/candidates-virtual-training/", "ⵥⵕ ⴳ ⵢⵓⵜⵓⴱ"),
    ]:
        page = kit.page(url)
        (link,) = page.xpath("//figure[@class='video']/a")
        assert link.get("href") == WATCH
        # An id and a host, never an address: video.js builds the player's.
        assert link.get("data-host") == "www.youtube-nocookie.com"
        assert link.get("data-video") == "Zp0kQ8xW3cE"
        assert link.get("data-embed") is None
        assert link.xpath("string(.//*[@class='video-host'])") == label
        assert link.xpath("string(.//*[@class='video-title'])").strip()
        # No iframe, no image from the host, in the page as served.
        assert not page.xpath("//iframe")
        assert not [src for src in page.xpath("//@src") if urlparse(src).netloc], (
            "nothing loaded from another host"
        )
        assert [plain_name(src) for src in page.xpath("//script/@src")] == [
            "/theme/video.js"
        ]


def test_only_listed_hosts_become_players(tmp_path):
    project = copy_project(tmp_path / "project")
    conf = project / "pelicanconf.py"
    # The last assignment wins: this party allows Vimeo only.
    conf.write_text(conf.read_text() + '\nVIDEO_HOSTS = ["player.vimeo.com"]\n')
    (project / "content/pages/videos.fr.md").write_text(
        "---\ntitle: Vidéos\nsummary: Nos vidéos.\norder: 9\n---\n\n"
        "https://vimeo.com/76979871\n\n"
        "https://youtu.be/Zp0kQ8xW3cE\n\n"
        "Voir aussi [cette vidéo](https://vimeo.com/1234) dans une phrase.\n"
    )
    build_site(tmp_path / "out", cwd=project)
    page = Site(tmp_path / "out").page("/fr/videos/")
    (link,) = page.xpath("//figure[@class='video']/a")
    assert link.get("href") == "https://vimeo.com/76979871"
    assert (link.get("data-host"), link.get("data-video")) == (
        "player.vimeo.com",
        "76979871",
    )
    assert link.xpath("string(.//*[@class='video-title'])") == "Vidéo"
    assert link.xpath("string(.//*[@class='video-host'])") == "Regarder sur Vimeo"
    # YouTube is not in VIDEO_HOSTS here; a link inside a sentence stays a link.
    assert "https://youtu.be/Zp0kQ8xW3cE" in page.xpath("string(//main)")
    assert page.xpath("//p/a[@href='https://vimeo.com/1234']")


@pytest.mark.browser
def test_the_player_loads_only_after_the_click(browser, kit_server):
    context = browser.new_context()
    asked: list[str] = []

    def block_off_site(route):
        # There is no network: record what leaves the site, then refuse it.
        asked.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(kit_server), block_off_site)
    serve_with_csp(context, kit_server)  # works with script-src 'self'
    page = context.new_page()
    page.goto(kit_server + ARTICLE, wait_until="networkidle")
    assert page.is_visible(".video-link .video-play")
    assert not asked, f"asked of other hosts before the click: {asked}"
    page.click(".video-link")
    frame = page.wait_for_selector(".video iframe")
    assert frame.get_attribute("src") == EMBED
    assert frame.get_attribute("title").startswith("École des élus locaux")
    page.wait_for_timeout(200)
    assert asked and all(urlparse(u).netloc.endswith(VIDEO_HOSTS) for u in asked)
    assert urlparse(asked[0]).netloc == "www.youtube-nocookie.com"
    assert page.evaluate("window.__violations") == []
    context.close()


@pytest.mark.browser
def test_without_javascript_the_video_is_a_plain_link(browser, kit_server):
    context = browser.new_context(java_script_enabled=False)
    asked: list[str] = []
    context.route(
        lambda url: not url.startswith(kit_server),
        lambda route: (asked.append(route.request.url), route.abort()),
    )
    page = context.new_page()
    page.goto(kit_server + ARTICLE)
    page.click(".video-link")
    page.wait_for_timeout(300)
    # The click follows the link to the video's own page.
    assert asked and asked[0] == WATCH
    assert not page.query_selector(".video iframe")
    context.close()
