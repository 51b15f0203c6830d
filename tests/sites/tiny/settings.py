# The tiny fixture site's party: three languages, a few sections, one press
# contact. tests/conftest.py puts tests/sites/kit_plumbing.py before it.

SITENAME = "Parti des Oasis"
SITEURL = ""
DEV_SITEURL = "http://localhost:8000"
TIMEZONE = "Africa/Casablanca"
LANGUAGES = [
    {"code": "ar", "tag": "ar-MA", "locale": "ar_MA", "name": "العربية"},
    {"code": "fr", "tag": "fr-MA", "locale": "fr_MA", "name": "Français"},
    {"code": "zgh", "tag": "zgh", "locale": "zgh", "name": "ⵜⴰⵎⴰⵣⵉⵖⵜ"},
]
DEFAULT_LANG = "ar"
PARTY = {
    "name": {"ar": "حزب الواحات", "fr": "Parti des Oasis", "zgh": "ⴰⴽⴰⴱⴰⵔ ⵏ ⵜⵉⵎⵉⵔⵉⵏ"},
    "tagline": {"ar": "ماء للواحات", "fr": "De l'eau pour les oasis", "zgh": "ⴰⵎⴰⵏ"},
    "country": "MA",
    "logo": "images/logo.svg",
    "colors": {
        "primary": "#7a4b0b",
        "primary-dark": "#543307",
        "accent": "#59a2f4",
        "ink": "#201d14",
    },
    "tag_authority": "oasis.example,2026",
}
SECTIONS = {
    "news": {"title": "News", "url": {"ar": "akhbar", "fr": "actualites"}},
    "press": {"title": "Press releases", "url": {"fr": "communiques"}},
    "events": {"title": "Events", "url": {"fr": "agenda"}},
    "regions": {"title": "Regions"},
    "pages": {"title": "Pages"},
}
TOPICS = {"title": "Topics", "url": {"fr": "sujets"}}
MENU = ["news", "press", "events", "regions"]
FOOTER_MENU = []
FORMER_URL_SEGMENTS = {}
PRESS = {
    "url": {"ar": "sahafa", "fr": "presse", "zgh": "tasghunt"},
    "seat": {"ar": "تنغير", "fr": "Tinghir", "zgh": "ⵜⵉⵏⵖⵉⵔ"},
    "contacts": {
        "national": {
            "name": {"ar": "سعيد", "fr": "Saïd", "zgh": "ⵙⵄⵉⴷ"},
            "role": {"ar": "الناطق", "fr": "Porte-parole", "zgh": "ⴰⵎⵙⴰⵡⴰⵍ"},
            "phone": "+212 524 00 00 00",
            "email": "presse@oasis.example",
        },
    },
    "kit": [
        {
            "file": "images/logo.svg",
            "title": {"ar": "الشعار", "fr": "Logo", "zgh": "ⴰⵣⴰⵎⵓⵍ"},
        }
    ],
    "program_pdf": None,
}
PRELOAD_FONTS = {"ar": ["noto-naskh-arabic-400.woff2"]}
FEED_LOGO = "images/logo.png"
