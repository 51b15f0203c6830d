""" "Page not found" pages: one per language (``<lang>/404.html``) and one at the
root (``404.html``) that speaks every language. Needs the multilingual plugin,
listed before it.

The web server picks the page by prefix, e.g. with nginx::

    error_page 404 /404.html;
    location /fr/ { error_page 404 /fr/404.html; }

Every address in them is root-relative or absolute, so they work whatever the
missing address was.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from multilingual import requires


def not_found_url(lang: str) -> str:
    return f"{lang}/404.html"


class ErrorPagesGenerator(Generator):
    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        site = self.context["site"]
        template = self.get_template("404")
        for lang in site.languages:
            url = not_found_url(lang.code)
            writer.write_file(
                url,
                template,
                self.context,
                lang=lang,
                page_url=url,
                # The switcher and hreflang lead to the other languages' 404.
                alternates=site.alternates_for(not_found_url),
            )
        writer.write_file(
            "404.html",
            self.get_template("chooser"),
            self.context,
            lang=site.default_language,
            page_url="404.html",
            chooser=True,
            not_found=True,
        )


def get_generators(_pelican: Any) -> type:
    return ErrorPagesGenerator


def register() -> None:
    requires("error_pages")
    signals.get_generators.connect(get_generators)
