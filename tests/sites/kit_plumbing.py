# The kit's plumbing: the settings every fixture site under tests/sites/
# starts from (tests/conftest.py puts them before the site's own
# settings.py). Nothing of a party here: a party's values are in each
# fixture site's settings.py. When a setting moves into a plugin's defaults,
# delete it here; this is the only place the tests hold it.

import os
import sys

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
