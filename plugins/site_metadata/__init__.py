"""sitemap.xml with hreflang alternates, a Google News sitemap, and robots.txt.

Search engines learn from the sitemap which pages are translations of each
other (``xhtml:link rel="alternate"``), the same set the pages declare in
their ``<head>``, x-default included. Every indexable page is listed; pages
marked ``noindex`` (search, 404, translation status) are not. The news
sitemap exists only when something was published in the last two days: an
empty ``<urlset/>`` is invalid, so then there is no file and robots.txt does
not name it.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any
from xml.sax.saxutils import quoteattr

from pelican import signals
from pelican.generators import Generator

from multilingual import Alternate, requires, text_in, write_output


class SiteMetadataGenerator(Generator):
    def generate_context(self) -> None:
        pass

    def generate_output(self, _writer: Any) -> None:
        site = self.context["site"]
        pages = self._pages(site)
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ]
        for url, alternates, lastmod, default in pages:
            lines.append(f"<url><loc>{_escape(site.absolute(url))}</loc>")
            if lastmod:
                lines.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
            links = [(alt.language.tag, alt.url) for alt in alternates]
            if default is not None:
                links.append(("x-default", default))
            for tag, href in links:
                lines.append(
                    '<xhtml:link rel="alternate" '
                    f"hreflang={quoteattr(tag)} "
                    f"href={quoteattr(site.absolute(href))}/>"
                )
            lines.append("</url>")
        lines.append("</urlset>\n")
        self._write("sitemap.xml", "\n".join(lines))
        robots = f"User-agent: *\nAllow: /\nSitemap: {site.absolute('sitemap.xml')}\n"
        news = self._news_sitemap(site)
        path = os.path.join(self.output_path, "sitemap-news.xml")
        if news is not None:
            self._write("sitemap-news.xml", news)
            robots += f"Sitemap: {site.absolute('sitemap-news.xml')}\n"
        elif os.path.exists(path):  # from an earlier build into the same folder
            os.remove(path)
        self._write("robots.txt", robots)

    def _news_sitemap(self, site: Any) -> str | None:
        """Google News sitemap: news and press releases of the last two days
        (older ones are ignored by Google News), each with the publication's
        name in its language; None when there are none."""
        since = self.context["now"] - timedelta(days=2)
        party = self.settings.get("PARTY", {}).get("name", {})
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
        ]
        for lang in site.languages:
            name = text_in(party, lang.code)
            recent = [
                item
                for key, section in site.sections.items()
                if section.kind in ("news", "press")
                for item in site.items(key, lang.code)
                if since <= item.date <= self.context["now"]
            ]
            for item in recent:
                lines += [
                    f"<url><loc>{_escape(site.absolute(item.url))}</loc><news:news>",
                    "<news:publication>"
                    f"<news:name>{_text(name)}</news:name>"
                    # ISO 639 code: Google News takes the language, not the region.
                    f"<news:language>{lang.tag.split('-')[0].lower()}</news:language>"
                    "</news:publication>",
                    "<news:publication_date>"
                    f"{item.date.isoformat()}</news:publication_date>",
                    f"<news:title>{_text(item.title)}</news:title>",
                    "</news:news></url>",
                ]
        if len(lines) == 2:
            return None
        lines.append("</urlset>\n")
        return "\n".join(lines)

    def _pages(self, site: Any) -> list[tuple[str, list, Any, str | None]]:
        """(url, available alternates, last modification, x-default) for
        every indexable page; x-default as the page's <head> gives it: the
        root for the root and the home pages, else the default language's
        version."""
        pages = []
        generated = [
            (lambda code, key=key: site.section_url(key, code))
            for key, section in site.sections.items()
            if section.listing_template
        ]
        if "party_feeds" in self.settings.get("PLUGINS", []):
            generated.append(lambda code: site.page_url("feeds", code))
        press = getattr(site, "press_room", None)  # the press_room plugin, if on
        if press is not None:
            generated += [press.url, press.digest_url]
        for url_of in generated:
            alternates = site.alternates_for(url_of)
            pages += [(alt.url, alternates, None) for alt in alternates]
        if press is not None:
            pages += self._press_years(site, press)
        if site.topic_names:
            topics_index = site.alternates_for(site.topics_url)
            pages += [(alt.url, topics_index, None) for alt in topics_index]
            for topic in sorted({topic for topic, _lang in site.by_topic}):
                available = [a for a in site.alternates_of_topic(topic) if a.available]
                pages += [(alt.url, available, None) for alt in available]
        for group in site.groups.values():
            for item in group.values():
                available = [a for a in item.alternates if a.available]
                when = getattr(item, "modified", None) or getattr(item, "date", None)
                pages.append((item.url, available, when))
        default = site.default_language
        homes = site.alternates_for(site.home_url)
        root = [("", homes, None, "")]  # the language chooser
        root += [(alt.url, homes, None, "") for alt in homes]
        return root + [
            (url, alts, when, _url_in(alts, default)) for url, alts, when in pages
        ]

    @staticmethod
    def _press_years(site: Any, press: Any) -> list[tuple[str, list, Any]]:
        """The releases archive by year, in the languages that have that year."""
        pages = []
        for key in press.sections:
            years = {y for lang in site.languages for y in press.years(key, lang.code)}
            for year in sorted(years):
                available = [
                    Alternate(lang, press.year_url(key, year, lang.code), True)
                    for lang in site.languages
                    if year in press.years(key, lang.code)
                ]
                pages += [(alt.url, available, None) for alt in available]
        return pages

    def _write(self, name: str, text: str) -> None:
        path = os.path.join(self.output_path, name)
        write_output(self.settings, path, text.encode("utf-8"))


def _url_in(alternates: list, language: Any) -> str | None:
    return next((a.url for a in alternates if a.language == language), None)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape(url: str) -> str:
    return url.replace("&", "&amp;").replace("<", "&lt;")


def get_generators(_pelican: Any) -> type:
    return SiteMetadataGenerator


def register() -> None:
    requires("site_metadata")
    signals.get_generators.connect(get_generators)
