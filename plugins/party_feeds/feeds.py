"""Atom and RSS feeds per language, written with feedgen.

Per language: everything dated (news and press releases), press releases
only, and one feed per region. What the press needs and Pelican's own feed
writer lacks: the language declared, full HTML with absolute links, the lead
image as an enclosure, and ids that survive edits to title, slug or date.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from babel.dates import format_date
from feedgen.feed import FeedGenerator
from lxml import etree
from pelican.contents import Content
from pelican.generators import Generator

from multilingual import (
    N_,
    Site,
    build_state,
    load_translations,
    published_size,
    raster_logo,
    record,
    text_in,
    write_if_changed,
)

from .images import FeedImages, draw_feed_images

logger = logging.getLogger(__name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
# <updated> of a feed when the site has published nothing yet.
NOTHING_YET = datetime(1970, 1, 1, tzinfo=UTC)
_URL_ATTR = re.compile(r"""(\s(?:href|src|poster)=)(["'])(.*?)\2""", re.IGNORECASE)

# Feed kinds and their interface titles (gettext msgids).
ALL, PRESS, REGION = "all", "press", "region"
TITLES = {
    ALL: N_("News and press releases"),
    PRESS: N_("Press releases"),
    REGION: N_("Region"),
}
FORMATS = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


@dataclass
class Feed:
    lang: str
    kind: str  # ALL, PRESS or REGION
    format: str  # "atom" or "rss"
    url: str  # from the site root, no leading slash
    subject: str = ""  # the region's name, for region feeds
    region: str = ""  # the region's key
    entries: list[Content] = field(default_factory=list)

    @property
    def title(self) -> str:
        return TITLES[self.kind]

    @property
    def media_type(self) -> str:
        return FORMATS[self.format]


def absolutize(html: str, base: str) -> str:
    """Resolve every href/src in HTML against the page's absolute URL."""
    return _URL_ATTR.sub(lambda m: f"{m[1]}{m[2]}{urljoin(base, m[3])}{m[2]}", html)


def entry_id(authority: str, item: Content) -> str:
    """A tag: URI from what an edit never changes: section, key, language."""
    return f"tag:{authority}:{item.section}/{item.key}/{item.lang}"


class FeedIndex:
    """Which feeds exist; templates ask it for autodiscovery links."""

    def __init__(self, site: Site, max_items: int):
        self.site = site
        self.feeds: list[Feed] = []
        dated = [key for key, s in site.sections.items() if s.dated]
        press = [key for key, s in site.sections.items() if s.kind == "press"]
        regions = [key for key, s in site.sections.items() if s.kind == "regions"]
        for lang in site.languages:
            code = lang.code
            everything = self._newest([i for k in dated for i in site.items(k, code)])
            for fmt in FORMATS:
                self.feeds.append(
                    Feed(
                        code,
                        ALL,
                        fmt,
                        f"{code}/feed.{fmt}",
                        entries=everything[:max_items],
                    )
                )
                for key in press:
                    releases = site.items(key, code)[:max_items]
                    url = f"{site.section_url(key, code)}feed.{fmt}"
                    self.feeds.append(Feed(code, PRESS, fmt, url, entries=releases))
                for key in regions:
                    for region in site.items(key, code):
                        entries = site.for_region(region.key, code, ("news", "press"))
                        self.feeds.append(
                            Feed(
                                code,
                                REGION,
                                fmt,
                                f"{region.url}feed.{fmt}",
                                subject=region.title,
                                region=region.key,
                                entries=entries[:max_items],
                            )
                        )

    @staticmethod
    def _newest(items: list[Content]) -> list[Content]:
        return sorted(items, key=lambda item: item.date, reverse=True)

    def of(self, lang: str, kind: str | None = None) -> list[Feed]:
        return [f for f in self.feeds if f.lang == lang and kind in (None, f.kind)]

    def discovery(self, lang: str, item: Content | None = None) -> list[Feed]:
        """Feeds to announce in a page's <head>: the language's main ones, and
        the region's own on a region page."""
        found = [f for f in self.feeds if f.lang == lang and f.kind in (ALL, PRESS)]
        section = self.site.sections.get(getattr(item, "section", None))
        if section is not None and section.kind == "regions":
            found += [f for f in self.of(lang, REGION) if f.region == item.key]
        return found

    def region_feed(self, lang: str, region: str) -> Feed | None:
        for feed in self.of(lang, REGION):
            if feed.region == region and feed.format == "atom":
                return feed
        return None

    def page_url(self, lang: str) -> str:
        return self.site.page_url("feeds", lang)


class FeedsGenerator(Generator):
    def generate_context(self) -> None:
        site: Site = self.context["site"]
        self.index = FeedIndex(site, self.settings.get("FEED_MAX_ITEMS") or 50)
        self.context["feeds"] = self.index

    def generate_output(self, writer: Any) -> None:
        site: Site = self.context["site"]
        translations = load_translations(self.theme, site.languages)
        self.images: FeedImages | None = None
        if self.settings.get("FEED_LOGO"):
            source = os.path.join(self.settings["PATH"], self.settings["FEED_LOGO"])
            self.images = draw_feed_images(
                self.settings, source, self.output_path, "images"
            )
            if self.images is None:
                logger.warning(
                    "FEED_LOGO %s: not a PNG or JPEG in content/; the feeds use "
                    "the press kit's logo as it is (set FEED_LOGO to a raster "
                    "logo, e.g. images/logo.png)",
                    self.settings["FEED_LOGO"],
                )

        def make(feed: Feed) -> str:
            title = translations[feed.lang].gettext(feed.title)
            if feed.subject:
                title = f"{title}: {feed.subject}"
            path = os.path.join(self.output_path, feed.url)
            xml = self.render(site, feed, title, translations[feed.lang])
            write_if_changed(path, xml)
            return path

        # Every language, section, region and topic has its feeds (84 for
        # the bench's site): made and written on every core (a worker sends
        # back the file's name, not its megabytes), recorded here.
        feeds = self.index.feeds
        state = build_state(self.settings)
        weights = [float(len(feed.entries) + 1) for feed in feeds]
        record(self.settings, *state.map(make, feeds, weights))
        template = self.get_template("feeds")
        for lang in site.languages:
            url = self.index.page_url(lang.code)
            writer.write_file(
                url + "index.html",
                template,
                self.context,
                lang=lang,
                page_url=url,
                alternates=site.alternates_for(self.index.page_url),
            )

    def render(self, site: Site, feed: Feed, title: str, translations: Any) -> bytes:
        party = self.settings["PARTY"]
        authority = party["tag_authority"]
        language = site.language[feed.lang]
        home = site.absolute(site.home_url(feed.lang))
        fg = FeedGenerator()
        fg.id(site.absolute(feed.url))
        fg.title(f"{text_in(party['name'], feed.lang)} · {title}")
        fg.subtitle(text_in(party.get("tagline"), feed.lang) or title)
        fg.link(href=site.absolute(feed.url), rel="self", type=feed.media_type)
        fg.link(href=home, rel="alternate", type="text/html")  # RSS takes the last
        fg.language(language.tag)
        author = text_in(party["name"], feed.lang)
        fg.author(name=author, uri=home)
        if self.images is None:
            fg.logo(site.absolute(raster_logo(self.settings)))  # RSS: GIF, JPEG or PNG
        elif feed.format == "rss":  # at most 144 px wide, its size given
            size = self.images.size
            fg.image(site.absolute(self.images.icon), width=str(size), height=str(size))
        else:  # Atom: a square icon, a logo twice as wide as tall
            fg.icon(site.absolute(self.images.icon))
            fg.logo(site.absolute(self.images.logo))
        fg.generator("Pelican + feedgen")
        # An empty feed (a language with no news yet) is as new as the site's
        # newest item, not the build's clock: two builds give the same file.
        fg.updated(
            max((self._updated(i) for i in feed.entries), default=None)
            or self._site_updated
        )
        enclosures = {}
        for item in feed.entries:
            url = site.absolute(item.url)
            fe = fg.add_entry(order="append")
            fe.guid(entry_id(authority, item), permalink=False)  # also the Atom id
            fe.title(item.title)
            # Readers show an entry's own author, not the feed's (newsboat,
            # feedparser): the party, in RSS as dc:creator (<author> must be
            # an e-mail address).
            if feed.format == "rss":
                fe.load_extension("dc")
                fe.dc.dc_creator(author)
            else:
                fe.author(name=author, uri=home)
            fe.link(href=url, rel="alternate")
            fe.published(item.date)
            fe.updated(self._updated(item))
            if getattr(item, "summary", None):
                # The summary is text. Readers show RSS <description> as HTML,
                # so it goes in HTML-safe ("<img" stays words); Atom's
                # <summary> is typed text and takes it as it is.
                summary = item.summary
                fe.summary(escape(summary) if feed.format == "rss" else summary)
            body = absolutize(
                self._notes(item, language, translations) + item.content, url
            ) + self._attachments(site, item, translations)
            if feed.format == "rss":
                # "]]>" (possible in an attribute) would end the CDATA section;
                # "&gt;" means the same in HTML.
                body = body.replace("]]>", "]]&gt;")
            fe.content(body, type="CDATA" if feed.format == "rss" else "html")
            for tag in getattr(item, "tags", []) or []:
                fe.category(term=tag.name)
            enclosure = self._enclosure(site, item)
            if enclosure:
                enclosures[entry_id(authority, item)] = enclosure
                if feed.format == "rss":
                    fe.enclosure(*enclosure)
        if feed.format == "rss":
            return fg.rss_str(pretty=True)
        return self._fix_atom_links(fg.atom_str(pretty=True), feed, site, enclosures)

    @functools.cached_property
    def _site_updated(self) -> datetime:
        """The newest item's date; a site with no item at all yet gets a
        fixed date, not the build's clock, so two builds give the same feed."""
        everything = (i for feed in self.index.feeds for i in feed.entries)
        return max(map(self._updated, everything), default=NOTHING_YET)

    @staticmethod
    def _updated(item: Content):
        return getattr(item, "modified", None) or item.date

    def _notes(self, item: Content, language: Any, translations: Any) -> str:
        """A corrected release says so at the top, with the date and what changed."""
        modified = getattr(item, "modified", None)
        if not modified or not getattr(item, "reference", None):
            return ""
        when = format_date(
            modified.astimezone(ZoneInfo(self.settings["TIMEZONE"])),
            "long",
            locale=language.locale,
        )
        note = escape(getattr(item, "correction", "") or "")
        return (
            f'<p class="correction"><strong>{escape(translations.gettext("Corrected"))}'
            f"</strong> · {when}{' · ' + note if note else ''}</p>\n"
        )

    @staticmethod
    def _attachments(site: Site, item: Content, translations: Any) -> str:
        """Files published with a release, linked at the end of the text."""
        files = getattr(item, "attachment_files", None)
        if not files:
            return ""
        links = "".join(
            f'<li><a href="{escape(site.absolute(f.path))}">{escape(f.title)}</a> '
            f"({f.format}, {f.size} B)</li>"
            for f in files
        )
        return (
            f"\n<h2>{escape(translations.gettext('Attachments'))}</h2><ul>{links}</ul>"
        )

    def _enclosure(self, site: Site, item: Content) -> tuple[str, str, str] | None:
        """One enclosure per item (RSS allows one): the first attachment of a
        release, else the lead image."""
        files = getattr(item, "attachment_files", None)
        if files:
            first = files[0]
            return site.absolute(first.path), str(first.size), first.media_type
        image = getattr(item, "image", None)
        if not image:
            return None
        source = os.path.join(self.settings["PATH"], image)
        if not os.path.exists(source):
            return None
        media_type = mimetypes.guess_type(source)[0] or "application/octet-stream"
        size = published_size(self.settings, source)  # EXIF removed: smaller
        return site.absolute(image), str(size), media_type

    @staticmethod
    def _fix_atom_links(xml: bytes, feed: Feed, site: Site, enclosures: dict) -> bytes:
        """feedgen 1.0 drops rel/type from Atom entry links (python-feedgen #135):
        write each entry's links ourselves."""
        root = etree.fromstring(xml)
        for entry in root.iter(f"{{{ATOM_NS}}}entry"):
            ident = entry.findtext(f"{{{ATOM_NS}}}id")
            links = entry.findall(f"{{{ATOM_NS}}}link")
            href = links[0].get("href")
            for link in links:
                entry.remove(link)
            anchor = entry.find(f"{{{ATOM_NS}}}title")
            position = list(entry).index(anchor) + 1
            alternate = etree.Element(
                f"{{{ATOM_NS}}}link", rel="alternate", type="text/html", href=href
            )
            entry.insert(position, alternate)
            if ident in enclosures:
                url, length, media_type = enclosures[ident]
                entry.insert(
                    position + 1,
                    etree.Element(
                        f"{{{ATOM_NS}}}link",
                        rel="enclosure",
                        href=url,
                        length=length,
                        type=media_type,
                    ),
                )
        return etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )
