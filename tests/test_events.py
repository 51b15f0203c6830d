"""Events: upcoming and past as of the build, in the party's time zone, on the
agenda, the home page and their region's page."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import Site, build_site, copy_project

EVENT = """\
---
title: "{title}"
start: {start}
end: {end}
summary: "Rencontre avec les militants."
{where}
region: oriental
---

Programme de la rencontre.
"""


@pytest.fixture(scope="module")
def agenda(tmp_path_factory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("events") / "project")
    for file in (project / "content/events").glob("*.md"):
        file.unlink()
    now = datetime.now(ZoneInfo("Africa/Casablanca")).replace(second=0, microsecond=0)
    events = {
        "soon": (now + timedelta(days=10), "place: Salle municipale, Oujda"),
        "later": (now + timedelta(days=40), "online: https://meet.example/atelier"),
        "before": (now - timedelta(days=20), "place: Maison des jeunes, Berkane"),
    }
    for key, (start, where) in events.items():
        for code in ("ar", "fr", "zgh"):
            text = EVENT.format(
                title=f"{key} {code}",
                start=start.strftime("%Y-%m-%d %H:%M"),
                end=(start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                where=where,
            )
            (project / f"content/events/{key}.{code}.md").write_text(text, "utf-8")
    build_site(project / "out", cwd=project)
    return Site(project / "out")


def titles(section) -> list[str]:
    return [a.text_content() for a in section.xpath(".//h3/a")]


def test_agenda_splits_upcoming_and_past(agenda: Site):
    page = agenda.page("/fr/agenda/")
    upcoming, past = page.xpath("//main/section")
    assert titles(upcoming) == ["soon fr", "later fr"]  # soonest first
    assert titles(past) == ["before fr"]
    assert "En ligne" in upcoming.text_content()


def test_event_page_shows_start_end_and_place(agenda: Site):
    page = agenda.page("/ar/anshita/soon/")
    times = page.xpath("//dl[@class='facts']//time/@datetime")
    assert len(times) == 2 and times[0] < times[1]
    assert "Salle municipale, Oujda" in page.xpath("//dl")[0].text_content()
    assert "نشاط مقبل" in page.xpath("//p[@class='kicker']")[0].text_content()
    online = agenda.page("/zgh/timsarin/later/")
    assert online.xpath("//dd/a/@href")[0] == "https://meet.example/atelier"


def test_home_and_region_pages_list_events(agenda: Site):
    home = agenda.page("/fr/")
    assert "soon fr" in home.text_content()
    assert "before fr" not in home.text_content()
    region = agenda.page("/fr/regions/oriental/")
    assert {"soon fr", "later fr", "before fr"} <= set(
        region.xpath("//article[contains(@class,'event')]//h3/a/text()")
    )
