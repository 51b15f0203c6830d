"""Dates as Moroccan readers write them, in the party's time zone."""

from __future__ import annotations

import re

import pytest
from conftest import Site, build_site, copy_project

MOROCCAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]
MASHRIQ = ["مايو", "يوليو", "أغسطس", "سبتمبر", "نوفمبر", "ديسمبر"]


def time_texts(site: Site, url: str) -> list[str]:
    return [t.text_content().strip() for t in site.page(url).iter("time")]


def language_time_texts(site: Site, code: str) -> list[str]:
    """Every date shown anywhere in one language's tree."""
    texts = [
        text
        for file in (site.root / code).rglob("*.html")
        for text in time_texts(site, site.url_of(file))
    ]
    assert texts, code
    return texts


def test_arabic_dates_use_moroccan_months_and_latin_digits(kit: Site):
    for text in language_time_texts(kit, "ar"):
        assert any(month in text for month in MOROCCAN), text
        assert not any(month in text.split() for month in MASHRIQ), text
        assert not re.search("[\u0660-\u0669]", text), f"Arabic-Indic digits in {text}"
        assert re.search("[0-9]{4}", text), text


def test_tamazight_dates_use_tifinagh_months(kit: Site):
    for text in language_time_texts(kit, "zgh"):
        assert re.search("[\u2d30-\u2d7f]", text), text
        assert re.search("[0-9]{4}", text), text


SCRATCH = """\
---
title: "{title}"
date: {date}
summary: "Un article pour vérifier les dates."
---

Texte.
"""


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("dates") / "project")
    for key, date in (
        ("ramadan-check", "2026-02-25 10:00"),
        ("summer-check", "2026-08-14 10:00"),
    ):
        for code in ("ar", "fr", "zgh"):
            path = project / "content/news" / f"{key}.{code}.md"
            path.write_text(SCRATCH.format(title=key, date=date), "utf-8")
    build_site(project / "out", cwd=project)
    return Site(project / "out")


def test_month_names_per_locale(dated: Site):
    assert time_texts(dated, "/ar/akhbar/summer-check/")[0] == "14 غشت 2026"
    assert time_texts(dated, "/fr/actualites/summer-check/")[0] == "14 août 2026"
    assert "ⵖⵓⵛⵜ" in time_texts(dated, "/zgh/isaln/summer-check/")[0]
    assert time_texts(dated, "/ar/akhbar/ramadan-check/")[0] == "25 فبراير 2026"


def test_times_follow_casablanca_offset_changes(dated: Site):
    """Morocco is UTC+1, but UTC+0 during Ramadan (zoneinfo, not a fixed offset)."""
    ramadan = dated.page("/fr/actualites/ramadan-check/").xpath("//time/@datetime")[0]
    summer = dated.page("/fr/actualites/summer-check/").xpath("//time/@datetime")[0]
    assert ramadan == "2026-02-25T10:00:00+00:00"
    assert summer == "2026-08-14T10:00:00+01:00"
