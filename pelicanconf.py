"""Development settings: what an adopting party edits lives here.

Everything specific to the party (languages, sections, menu, identity) is
configuration; the plugins and the theme read it and hold no party data.
"""

import os
import sys

SITENAME = "Parti du Cèdre"
SITEURL = ""  # development: links are root-relative
# Absolute base for hreflang, canonical links, feeds and the sitemap when
# SITEURL is empty (the development server's address).
DEV_SITEURL = "http://localhost:8000"
TIMEZONE = "Africa/Casablanca"

# --- Languages ---------------------------------------------------------------
# code: file suffix and URL prefix; tag: BCP 47 for lang/hreflang; locale:
# Babel locale for dates and plurals. Direction and native name come from Babel
# (override with "direction"/"name"). og_locale: og:locale for social networks,
# from Facebook's list of locales (default: the locale's language_TERRITORY,
# which Facebook may not know: ar_MA is not in its list, ar_AR is; Tamazight
# is tz_MA there). The first language is the default.
# "typography" (optional): spaces and apostrophe the build writes in that
# language's text (plugins/multilingual/typography.py); none: text as typed.
LANGUAGES = [
    {
        "code": "ar",
        "tag": "ar-MA",
        "locale": "ar_MA",
        "name": "العربية",
        "og_locale": "ar_AR",
    },
    {
        "code": "fr",
        "tag": "fr-MA",
        "locale": "fr_MA",
        "name": "Français",
        "og_locale": "fr_FR",
        # Written at build time in text (never in code, URLs or attributes);
        # editors and translators type ordinary spaces and apostrophes.
        "typography": {
            "space_before": ":",  # no-break space (U+00A0)
            "thin_space_before": ";!?",  # narrow no-break space (U+202F)
            "quotes": "«»",  # no-break spaces inside
            "apostrophe": "’",  # l'eau -> l’eau
        },
    },
    {
        "code": "zgh",
        "tag": "zgh",
        "locale": "zgh",
        "name": "ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "og_locale": "tz_MA",
    },
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
        # Needs native review (theme/translations/glossary.yml, "tagline").
        "zgh": "ⵉ ⵜⵖⵔⵎⴰⵏⵜ ⴷ ⵉⴷⵖⴰⵔⵏ",
    },
    # ISO 3166 code: the country of events' addresses for search engines.
    "country": "MA",
    # The footer of every page: the headquarters' address (per language),
    # phone and e-mail; each line is left out when not given.
    "address": {
        "ar": "8، زنقة الأرز الأزرق، حي حسان، 10020 الرباط، المغرب",
        "fr": "8, rue du Cèdre-Bleu, quartier Hassan, 10020 Rabat, Maroc",
        "zgh": "8, ⴰⵣⵏⵇⵇⵓ ⵏ ⵓⵢⴷⴳⵍ ⴰⵏⵉⵍⵉ, ⴰⵃⵓⵎ ⵏ ⵃⵙⵙⴰⵏ, 10020 ⵔⴱⴰⵟ, ⵍⵎⵖⵔⵉⴱ",
    },
    "phone": "+212 537 00 00 00",
    "email": "contact@parti-du-cedre.example",
    # Social networks, in the footer as self-hosted icons (nothing is asked
    # of the networks). Icons exist for facebook, instagram, x, youtube,
    # tiktok, linkedin, whatsapp and telegram; any other network shows its
    # name. Leave the list empty for none.
    "social": [
        {
            "network": "facebook",
            "url": "https://www.facebook.com/parti.du.cedre.example",
        },
        {
            "network": "instagram",
            "url": "https://www.instagram.com/parti.du.cedre.example",
        },
        {"network": "x", "url": "https://x.com/partiducedre_ex"},
        {
            "network": "youtube",
            "url": "https://www.youtube.com/@parti-du-cedre-example",
        },
    ],
    # The legal notice: a page ("pages/<key>"), linked from the footer with
    # its title in each language it exists in. None: no link.
    "legal": "pages/legal",
    # Permanent ids in feeds are tag: URIs under this authority (RFC 4151):
    # never change it once feeds are published.
    "tag_authority": "parti-du-cedre.example,2026",
}

# --- Brand: how the site looks ---------------------------------------------------
# Logo, colours, fonts per script and a motif: written into the stylesheet
# (custom properties and font rules, never inline styles), so a party's site
# looks like that party's. Anything left out takes the kit's default
# (plugins/multilingual/brand.py); a wrong value is reported and replaced by
# the default. The build warns when a pair of colours the theme sets text on
# has a contrast below 4.5:1.
BRAND = {
    "logo": "images/logo.svg",  # in content/: header, favicon, root page
    "colors": {
        "primary": "#1f6f50",  # the header
        "primary-dark": "#164f39",  # links, buttons, current language
        "accent": "#e9c46a",  # rules, the motif, highlights
        "ink": "#1d2b33",  # text, the footer
        "paper": "#fdfcf8",  # the page
        "muted": "#55625f",  # dates, roles, captions
        "line": "#d9ddd6",  # separators
        # "surface" (boxes) and "tint" (hovers): made from accent and primary.
    },
    # Per script (ISO 15924: "Arab", "Tfng", "Latn"), per language code, or
    # "*": family (font families, the theme's "Naskh" and "Tifinagh" or those
    # of "faces"), headings (another family list), size (against the other
    # scripts'), line_height, headings_line_height.
    "fonts": {
        "Arab": {"family": ["Naskh"], "size": 1.14, "line_height": 1.85},
        "Tfng": {"family": ["Tifinagh"], "line_height": 1.75},
    },
    # The party's own web fonts (woff2 in theme/static/fonts/), e.g.
    # {"family": "Brand", "file": "fonts/brand-700.woff2", "weight": 700}.
    "faces": [],
    # A small SVG tile (in content/) repeated along the header, the footer
    # and section headings in the accent colour; None: plain rules.
    "motif": "images/motif.svg",
}

# --- Sections ------------------------------------------------------------------
# Folder under content/ -> kind (default: the folder name), interface title
# (a gettext msgid) and URL segment per language (default: the folder name).
SECTIONS = {
    "news": {
        "title": "News",
        "url": {"ar": "akhbar", "fr": "actualites", "zgh": "isaln"},
    },
    "press": {
        "title": "Press releases",
        "url": {"ar": "balaghat", "fr": "communiques", "zgh": "isiwdn"},
    },
    "program": {
        "title": "Program",
        "url": {"ar": "barnamaj", "fr": "programme", "zgh": "aghawas"},
    },
    "events": {
        "title": "Events",
        "url": {"ar": "anshita", "fr": "agenda", "zgh": "timsarin"},
    },
    "regions": {
        "title": "Regions",
        "url": {"ar": "jihat", "fr": "regions", "zgh": "timnadin"},
    },
    "people": {
        "title": "Leadership",
        "url": {"ar": "qiyada", "fr": "direction", "zgh": "tanmhalt"},
    },
    "pages": {"title": "Pages"},
}

# URL segments the site used before, per language: former -> current. Every
# page under the current segment also answers at its former address (a page
# that sends readers on, noindex) and _redirects gets a 301 rule, so links in
# the press and in search engines keep working. Never remove an entry once
# the old addresses were published.
FORMER_URL_SEGMENTS = {
    "ar": {"bayanat": "balaghat"},
    "zgh": {
        "isallen": "isaln",
        "isnghmisn": "isiwdn",
        "timskarin": "timsarin",
        "tanbadt": "tanmhalt",
        "tasnsiwt": "tasghunt",
    },
}

# The main menu: a section key (its listing) or "section/key" (one page).
# Topic pages (one per tag of content/tags.yml, in each language) and the
# URL segment of their index per language.
TOPICS = {
    "title": "Topics",
    "url": {"ar": "mawadi", "fr": "sujets", "zgh": "isental"},
}
MENU = ["news", "press", "program", "events", "regions", "people", "pages/join"]
# Footer links.
FOOTER_MENU = ["pages/about", "pages/contact", "pages/join"]

# --- Home page -------------------------------------------------------------------
# The lead story is the newest item marked `featured: true` of these kinds,
# else the newest of the first kind (default: ("news",)). The message block
# shows a page's summary (default: none), signed by a person of the people
# section with their portrait.
HOME = {
    "lead_kinds": ("news", "press"),
    "message": {"page": "pages/about", "person": "amina-el-idrissi"},
}
# Calls to action, under the lead story; the first is the most prominent.
# "link": a page ("pages/join"), a section ("events"), a generated page
# ("feeds", "search") or an address (https://..., mailto:..., tel:...).
# "label": the text per language, or an interface string (a gettext msgid,
# translated by the catalogs); where it gives no text for a language, the
# title of the page it leads to. An action is left out in a language its page
# is missing in (or, for an address, that has no label).
# Default when this setting is absent: [{"link": "pages/join"}].
CALLS_TO_ACTION = [
    {"link": "pages/join"},
    {
        "link": "pages/contact",
        "label": {"ar": "تطوّعوا معنا", "fr": "Devenir bénévole"},
    },
    {"link": "feeds", "label": "Follow our publications"},
]

# --- Press room ----------------------------------------------------------------
# Contacts for journalists, the press kit and the press room's address. Texts
# are given per language; a language missing from a text shows the first one.
PRESS = {
    "url": {"ar": "markaz-sahafa", "fr": "espace-presse", "zgh": "tasghunt"},
    # Where a release without "place:" is dated from: its region's seat (the
    # region page's "seat:"), else this, one name per language.
    "seat": {"ar": "الرباط", "fr": "Rabat", "zgh": "ⵔⴱⴰⵟ"},
    # "national" first, then one per region (keys of content/regions/). A
    # release shows its "contact:", else its region's, else the national one.
    "contacts": {
        "national": {
            "name": {
                "ar": "عثمان بلقاضي",
                "fr": "Othmane Belkadi",
                "zgh": "ⵄⵓⵜⵎⴰⵏ ⴱⵍⵇⴰⴹⵉ",
            },
            "role": {"ar": "الناطق الرسمي", "fr": "Porte-parole", "zgh": "ⴰⵎⵙⴰⵡⴰⵍ"},
            "phone": "+212 537 00 00 00",
            "email": "presse@parti-du-cedre.example",
        },
        "fes-meknes": {
            "name": {
                "ar": "نادية الفاسي",
                "fr": "Nadia El Fassi",
                "zgh": "ⵏⴰⴷⵢⴰ ⵍⴼⴰⵙⵉ",
            },
            "role": {
                "ar": "مكلفة بالإعلام، جهة فاس مكناس",
                "fr": "Chargée de presse, Fès-Meknès",
                "zgh": "ⵜⴰⵎⵙⵍⴰⵢⵜ ⵏ ⵜⵙⵖⵓⵏⵜ, ⴼⴰⵙ-ⵎⴽⵏⴰⵙ",
            },
            "phone": "+212 535 00 00 00",
            "email": "fes-meknes@parti-du-cedre.example",
        },
        "oriental": {
            "name": {"ar": "يوسف الزياني", "fr": "Youssef Ziani", "zgh": "ⵢⵓⵙⴼ ⵣⵉⵢⴰⵏⵉ"},
            "role": {
                "ar": "مكلف بالإعلام، جهة الشرق",
                "fr": "Chargé de presse, Oriental",
                "zgh": "ⴰⵎⵙⵍⴰⵢ ⵏ ⵜⵙⵖⵓⵏⵜ, ⴰⴳⵎⵎⵓⴹ",
            },
            "phone": "+212 536 00 00 00",
            "email": "oriental@parti-du-cedre.example",
        },
        "souss-massa": {
            "name": {
                "ar": "فاطمة أيت باها",
                "fr": "Fatima Aït Baha",
                "zgh": "ⴼⴰⵟⵉⵎⴰ ⴰⵢⵜ ⴱⴰⵀⴰ",
            },
            "role": {
                "ar": "مكلفة بالإعلام، جهة سوس ماسة",
                "fr": "Chargée de presse, Souss-Massa",
                "zgh": "ⵜⴰⵎⵙⵍⴰⵢⵜ ⵏ ⵜⵙⵖⵓⵏⵜ, ⵙⵓⵙ-ⵎⴰⵙⵙⴰ",
            },
            "phone": "+212 528 00 00 00",
            "email": "souss-massa@parti-du-cedre.example",
        },
    },
    # Files to download, from content/. The logo's PNG is drawn from the SVG
    # at build time; leadership photos come from content/people/ (image:);
    # the program PDF is made from the program section, one per language.
    "kit": [
        {
            "file": "images/logo.svg",
            "title": {"ar": "الشعار (SVG)", "fr": "Logo (SVG)", "zgh": "ⴰⵣⴰⵎⵓⵍ (SVG)"},
        },
        {
            "file": "images/logo-1024.png",
            "from": "images/logo.svg",
            "size": 1024,
            "title": {
                "ar": "الشعار (PNG، 1024 بكسل)",
                "fr": "Logo (PNG, 1024 pixels)",
                "zgh": "ⴰⵣⴰⵎⵓⵍ (PNG, 1024 px)",
            },
        },
    ],
    "program_pdf": "program",  # the section made into a PDF; None: no PDF
}

# Fonts every page in a language needs, fetched with the stylesheet rather
# than after it: text does not change width (and move the page) once drawn.
PRELOAD_FONTS = {
    "ar": ["noto-naskh-arabic-400.woff2"],
    "zgh": ["noto-sans-tifinagh-400.woff2", "noto-sans-tifinagh-digits-400.woff2"],
}

# --- Serving ---------------------------------------------------------------------
# The Content-Security-Policy and security headers of every page, video hosts
# (VIDEO_HOSTS), fingerprinted assets and photo sizes are the kit's defaults
# (each plugin's settings.py); set one here to change it, and change
# deploy/nginx.conf with a policy.

# --- Pelican ---------------------------------------------------------------------
PATH = "content"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
# The feature plugins import the core (multilingual) by name: importable
# whatever the order of PLUGINS, so a wrong order is said, not a plugin lost.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))
# Explicit: Pelican would otherwise load every installed pelican.plugins.* package.
PLUGINS = [
    "multilingual",
    "party_feeds",
    "site_metadata",
    "photo_privacy",
    "fast_build",  # same output, faster: every core, read cache, changed files only
    "error_pages",
    "redirects",  # former addresses (FORMER_URL_SEGMENTS); before site_search
    # /admin/: Decap CMS over content/; written before the search index looks
    # for changed pages, and before asset_pipeline compresses files.
    "web_editor",
    "site_search",
    "video_embeds",
    "press_room",
    "event_calendar",
    "structured_data",
    "responsive_images",
    "social_cards",
    "asset_pipeline",  # last: rewrites and compresses the finished pages
]
# Feeds' images, drawn from this raster logo (in content/) in the sizes RSS and
# Atom ask for: images/feed-icon.png (144x144) and images/feed-logo.png (2:1).
# None: the press kit's PNG logo, as it is.
FEED_LOGO = "images/logo.png"
# Open Graph images (1200x630) with the title in the page's language (fonts:
# plugins/social_cards/settings.py). Drawn by production builds only
# (publishconf.py): link previews need the public address, and development
# builds stay fast.
SOCIAL_CARDS = {
    "enabled": False,
    "logo": "images/logo.png",  # Pillow cannot draw SVG
}
# Markdown (Python-Markdown's "extra"), template escaping, Unicode slugs,
# embargo (an item dated in the future waits) and pagination (12) are the
# kit's settings: plugins/multilingual/settings.py lists them; set one here
# to change it. Pelican's own feeds are off (party_feeds writes them); said
# here because Pelican looks at them before any plugin is loaded.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# The translation status page for editors (development builds only).
TRANSLATION_REPORT = True

# --- Web editor (/admin/) ------------------------------------------------------
# Decap CMS over the same Markdown files (plugins/web_editor; README: "Editing
# in the browser"). Its configuration is made from the settings above.
WEB_EDITOR = {
    "enabled": True,
    "path": "admin",
    # Where the editor saves once the site is online: a git host, e.g.
    # {"name": "github", "repo": "parti-du-cedre/site", "branch": "main"},
    # {"name": "gitlab", "repo": "parti/site", "auth_type": "pkce", "app_id": "..."},
    # {"name": "gitea", "repo": "parti/site", "base_url": "https://git.example",
    #  "api_root": "https://git.example/api/v1", "app_id": "..."}.
    # None: only `invoke edit` (the local proxy on this machine) can save.
    "backend": None,
    "editorial_workflow": True,  # on GitHub/GitLab/Bitbucket: drafts as branches
    "local_proxy_url": "http://localhost:8081/api/v1",
    "ui_locale": "fr",  # the editor's own menus (a Decap locale: en, fr, de...)
    # Field names and hints in that language (English when left out).
    "labels": {
        "slug": "Clé",
        "title": "Titre",
        "date": "Date",
        "summary": "Résumé",
        "tags": "Sujets",
        "region": "Région",
        "people": "Personnes",
        "image": "Photo",
        "image_alt": "Description de la photo",
        "reference": "Numéro",
        "place": "Lieu",
        "contact": "Contact presse",
        "attachments": "Pièces jointes",
        "file": "Fichier",
        "modified": "Corrigé le",
        "correction": "Correction",
        "order": "Ordre",
        "start": "Début",
        "end": "Fin",
        "online": "Lien de la réunion en ligne",
        "seat": "Siège",
        "role": "Fonction",
        "status": "État",
        "body": "Texte",
    },
    "hints": {
        "key": "Pour un nouvel élément, dans la première langue : le nom du "
        "fichier et de l'adresse, le même dans toutes les langues "
        "(ex. sommet-eau, en lettres latines).",
        "time": "Heure de {zone}",
        "same": "Le même dans chaque traduction (« Fill in from another "
        "locale » le recopie).",
    },
}
# /admin/ gets a policy of its own: Decap compiles its configuration schema
# (eval) and injects its styles; connect-src lists the local proxy and the
# git host's API (add yours). Every other address keeps the strict policy
# above. Keep deploy/nginx.conf's "location /admin/" equal (a test compares).
WEB_EDITOR_CSP = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self' blob: http://localhost:8081 https://api.github.com",
    "media-src": "'self' blob:",
    "frame-src": "'self' blob:",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Headers for some addresses only, replacing those of every page (_headers).
PATH_HEADERS = {
    "/admin/*": {
        "Content-Security-Policy": WEB_EDITOR_CSP,
        # The git host's sign-in window must be able to answer the editor.
        "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
        "X-Robots-Tag": "noindex",
    },
}
