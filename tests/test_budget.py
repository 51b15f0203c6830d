"""The weight budget, checked on the production build with the same
measurement as `invoke budget`: what chromium fetches for a first visit to an
article, at the size a host sends it."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, Site

pytestmark = [pytest.mark.site, pytest.mark.browser]


def test_article_first_visit_fits_the_budget(
    party_production: Site, production_settings, browser
):
    sys.path.insert(0, str(ROOT))
    from bench.budget import BUDGET_KB, measure, pages_to_measure

    urls = pages_to_measure(party_production.root)
    articles = [url for url in urls if url.count("/") > 2]
    codes = [lang["code"] for lang in production_settings["LANGUAGES"]]
    assert {url.split("/")[1] for url in articles} == set(codes)
    fonts = production_settings.get("PRELOAD_FONTS", {})
    for row in measure(party_production.root, articles, browser):
        assert row["js"] == 0, row["page"]
        assert row["html"] and row["css"], row["page"]
        assert row["total"] <= BUDGET_KB * 1024, (
            f"{row['page']}: {row['total'] / 1024:.1f} KB "
            + ", ".join(p.name for p in row["files"])
        )
        if fonts.get(row["page"].split("/")[1]):  # its script's font came too
            assert row["fonts"] > 5 * 1024, row["page"]
