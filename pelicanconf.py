"""Development settings: what an adopting party edits lives here.

Everything specific to the party (languages, sections, menu, identity) is
configuration; the plugins and the theme read it and hold no party data.
"""

SITENAME = "Parti du Cèdre"
SITEURL = ""  # development: links are root-relative
# Absolute base for hreflang, canonical links, feeds and the sitemap when
# SITEURL is empty (the development server's address).
DEV_SITEURL = "http://localhost:8000"
TIMEZONE = "Africa/Casablanca"

# --- Languages ---------------------------------------------------------------
# code: file suffix and URL prefix; tag: BCP 47 for lang/hreflang; locale:
# Babel locale for dates and plurals. Direction and native name come from Babel
# (override with "direction"/"name"). The first language is the default.
LANGUAGES = [
    {"code": "ar", "tag": "ar-MA", "locale": "ar_MA", "name": "العربية"},
    {"code": "fr", "tag": "fr-MA", "locale": "fr_MA", "name": "Français"},
    {"code": "zgh", "tag": "zgh", "locale": "zgh", "name": "ⵜⴰⵎⴰⵣⵉⵖⵜ"},
]
DEFAULT_LANG = "ar"

# --- Party identity ------------------------------------------------------------
PARTY = {
    "name": {
        "ar": "حزب الأرز",
        "fr": "Parti du Cèdre",
        "zgh": "ⴰⴽⴰⴱⴰⵔ ⵏ ⵓⵢⴷⴳⵍ",
    },
    "tagline": {
        "ar": "من أجل المواطنة والمجالات الترابية",
        "fr": "Pour la citoyenneté et les territoires",
        "zgh": "ⵖⴼ ⵜⵖⴰⵔⴰⵎⵜ ⴷ ⵉⴷⴳⴰⵔⵏ",
    },
    "logo": "images/logo.svg",
    # Written into the stylesheet as CSS variables.
    "colors": {
        "primary": "#1f6f50",
        "primary-dark": "#164f39",
        "accent": "#e9c46a",
        "ink": "#1d2b33",
    },
    # Permanent ids in feeds are tag: URIs under this authority (RFC 4151):
    # never change it once feeds are published.
    "tag_authority": "parti-du-cedre.example,2026",
}

# --- Sections ------------------------------------------------------------------
# Folder under content/ -> kind (default: the folder name), interface title
# (a gettext msgid) and URL segment per language (default: the folder name).
SECTIONS = {
    "news": {
        "title": "News",
        "url": {"ar": "akhbar", "fr": "actualites", "zgh": "isallen"},
    },
    "press": {
        "title": "Press releases",
        "url": {"ar": "bayanat", "fr": "communiques", "zgh": "isnghmisn"},
    },
    "program": {
        "title": "Program",
        "url": {"ar": "barnamaj", "fr": "programme", "zgh": "aghawas"},
    },
    "events": {
        "title": "Events",
        "url": {"ar": "anshita", "fr": "agenda", "zgh": "timskarin"},
    },
    "regions": {
        "title": "Regions",
        "url": {"ar": "jihat", "fr": "regions", "zgh": "timnadin"},
    },
    "people": {
        "title": "Leadership",
        "url": {"ar": "qiyada", "fr": "direction", "zgh": "tanbadt"},
    },
    "pages": {"title": "Pages"},
}

# The main menu: a section key (its listing) or "section/key" (one page).
MENU = ["news", "press", "program", "events", "regions", "people", "pages/join"]
# Footer links.
FOOTER_MENU = ["pages/about", "pages/contact", "pages/join"]

# --- Pelican ---------------------------------------------------------------------
PATH = "content"
THEME = "theme"
THEME_STATIC_DIR = "theme"
STATIC_PATHS = ["images", "files"]
PLUGIN_PATHS = ["plugins"]
# Explicit: Pelican would otherwise load every installed pelican.plugins.* package.
PLUGINS = [
    "multilingual",
    "party_feeds",
    "site_metadata",
    "photo_privacy",
    "fast_build",  # same output, faster: every core, read cache, changed files only
]
DEFAULT_PAGINATION = 12
MARKDOWN = {
    "extensions": ["markdown.extensions.extra"],
    "output_format": "html5",
}
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
SLUGIFY_USE_UNICODE = True
LOAD_CONTENT_CACHE = False
# An item dated in the future (an embargoed press release) waits: it is
# published by the first build after that moment, Casablanca time.
WITH_FUTURE_DATES = False
# Feeds are written by the party_feeds plugin (per language, with feedgen);
# Pelican's own feed writer stays off.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
