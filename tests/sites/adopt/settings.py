# An adopting party's edits to the kit's pelicanconf.py, as the README tells
# them: other languages (Arabic and English), another name, logo, sections'
# addresses, regions and press contacts. Every party value is given here:
# tests/test_adoption.py appends this to a copy of pelicanconf.py (the
# adopter's edit), and fixture_site("adopt") puts the kit's plumbing before it.

SITENAME = "Coastal Greens"
SITEURL = ""
DEV_SITEURL = "http://localhost:8000"
TIMEZONE = "Africa/Casablanca"
LANGUAGES = [
    {"code": "ar", "tag": "ar", "locale": "ar", "name": "العربية"},
    {"code": "en", "tag": "en", "locale": "en", "name": "English"},
]
DEFAULT_LANG = "ar"
PARTY = {
    "name": {"ar": "خضر الساحل", "en": "Coastal Greens"},
    "tagline": {"ar": "بحر نظيف للجميع", "en": "A clean sea for everyone"},
    "tag_authority": "coastal-greens.example,2026",
}
# Its own look: colours, a motif drawn from its logo, Arabic headings in Kufi.
BRAND = {
    "logo": "images/wave.svg",
    "colors": {
        "primary": "#0b5c7a",
        "primary-dark": "#073f54",
        "accent": "#f4a259",
        "ink": "#14213d",
        "paper": "#fbfdfe",
    },
    "fonts": {"Arab": {"family": ["Naskh"], "size": 1.1}},
    "motif": "images/wave-motif.svg",
}
SECTIONS = {
    "news": {"title": "News", "url": {"ar": "akhbar", "en": "news"}},
    "press": {"title": "Press releases", "url": {"ar": "balaghat", "en": "press"}},
    "program": {"title": "Program", "url": {"ar": "barnamaj", "en": "program"}},
    "events": {"title": "Events", "url": {"ar": "anshita", "en": "events"}},
    "regions": {"title": "Regions", "url": {"ar": "jihat", "en": "regions"}},
    "people": {"title": "Leadership", "url": {"ar": "qiyada", "en": "leadership"}},
    "pages": {"title": "Pages"},
}
TOPICS = {"title": "Topics", "url": {"ar": "mawadi", "en": "topics"}}
MENU = ["news", "press", "program", "events", "regions", "people", "pages/join"]
FOOTER_MENU = ["pages/join"]
HOME = {"lead_kinds": ("news",)}
CALLS_TO_ACTION = [
    {"link": "pages/join"},
    {"link": "feeds", "label": "Follow our publications"},
]
PRESS = {
    "url": {"ar": "sahafa", "en": "press-room"},
    "contacts": {
        "national": {
            "name": {"ar": "ليلى بناني", "en": "Leila Bennani"},
            "role": {"ar": "الناطقة الرسمية", "en": "Spokeswoman"},
            "phone": "+212 539 00 00 01",
            "email": "press@coastal-greens.example",
        },
    },
    "kit": [
        {"file": "images/wave.svg", "title": {"ar": "الشعار", "en": "Logo (SVG)"}},
    ],
    "program_pdf": None,
}
PRELOAD_FONTS = {"ar": ["noto-naskh-arabic-400.woff2"]}
# The demo party's renamed addresses are its own history, not ours.
FORMER_URL_SEGMENTS = {}
FEED_LOGO = "images/wave.png"  # a raster logo for feed readers
SOCIAL_CARDS = {**SOCIAL_CARDS, "logo": "images/wave.png"}  # noqa: F821
