# The kit's production plumbing for fixture sites (tests/conftest.py writes it,
# then the site's publish.py, into the fixture project's publishconf.py): the
# same as the kit's publishconf.py without a party's public address.

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# A content mistake stops the build before anything is written (the
# development build reports it and publishes the rest).
CONTENT_ERRORS_FATAL = True
# The editors' translation status page is for the team, not the public.
TRANSLATION_REPORT = False
# .gz and .br copies of every text file, served as they are by the host.
PRECOMPRESS = True
# Link-preview images for every page (drawn once, then cached).
SOCIAL_CARDS = {**SOCIAL_CARDS, "enabled": True}  # noqa: F405
# The web editor goes online only with a git host to save to (README:
# "Editing in the browser"); without one it is for `invoke edit` only.
WEB_EDITOR = {**WEB_EDITOR, "enabled": bool(WEB_EDITOR.get("backend"))}  # noqa: F405
