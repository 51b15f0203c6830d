"""site_search's settings, with their defaults."""

from __future__ import annotations

from typing import Any

SETTINGS: dict[str, Any] = {
    # The most pages one Pagefind run indexes; a language with more is cut
    # into parts the search page merges. Pagefind holds about 300 KB a page
    # (2,000 pages: about 600 MB), so a 3,000-document site (about 1,000
    # pages a language) stays one part a language and a 30,000-document one
    # stays well under 1.5 GB a process. Lower: less memory and a faster
    # rebuild after an edit, one more small download a search per part.
    "SEARCH_PAGES_PER_INDEX": 2000,
}
