"""The press side as a journalist meets it: numbered releases with their
place, contact and files, the press room, the archive by year, the digest,
and reference numbers that never change once published."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT, Site, build_site, copy_project
from PIL import Image

from press_room.references import Release, assign, next_reference

CASABLANCA = ZoneInfo("Africa/Casablanca")
RELEASE = """\
---
title: "{title}"
date: {date}
{reference}summary: "Un communiqué."
place: "Rabat"
---

Le Bureau politique s'est réuni.
"""


def facts(page) -> dict[str, str]:
    dl = page.xpath("//dl[contains(@class, 'release')]")[0]
    terms = [dt.text_content().strip() for dt in dl.xpath("dt")]
    values = [" ".join(dd.text_content().split()) for dd in dl.xpath("dd")]
    return dict(zip(terms, values, strict=True))


def test_release_page_shows_reference_place_and_contact(kit: Site):
    page = kit.page("/fr/communiques/floods-taounate-solidarity/")
    assert facts(page) == {"Référence": "2026-001", "Lieu": "Taounate"}
    # The Fès-Meknès release gets the Fès-Meknès press contact.
    contact = page.xpath("//section[@class='press-contact']")[0]
    assert "Nadia El Fassi" in contact.text_content()
    assert contact.xpath(".//a/@href") == [
        "tel:+212535000000",
        "mailto:fes-meknes@parti-du-cedre.example",
    ]
    arabic = kit.page("/ar/balaghat/floods-taounate-solidarity/")
    assert facts(arabic)["المرجع"] == "2026-001"
    contact = arabic.xpath("//section[@class='press-contact']")[0]
    assert "نادية الفاسي" in contact.text_content()


def test_a_written_reference_wins_and_numbers_are_per_year(kit: Site):
    numbers = {
        key: facts(kit.page(f"/fr/communiques/{key}/"))["Référence"]
        for key in (
            "water-tariff-reform",
            "floods-taounate-solidarity",
            "national-council-session",
            "oriental-school-closures",
            "souss-massa-regional-budget",
        )
    }
    assert numbers == {
        "water-tariff-reform": "2025-017",  # written in the front matter
        "floods-taounate-solidarity": "2026-001",  # the rest in date order
        "national-council-session": "2026-002",
        "oriental-school-closures": "2026-003",
        "souss-massa-regional-budget": "2026-004",
    }
    # Every language carries the same number for the same release.
    zgh = kit.page("/zgh/isiwdn/water-tariff-reform/")
    assert "2025-017" in zgh.xpath("//dd[@class='reference']")[0].text_content()


def test_attachments_are_published_with_type_and_size(kit: Site):
    page = kit.page("/fr/communiques/souss-massa-regional-budget/")
    (item,) = page.xpath("//section[@class='attachments']//li")
    link = item.xpath("a")[0]
    assert link.text_content() == "Le budget 2027 de la région en chiffres"
    assert link.get("type") == "application/pdf"
    published = kit.path(link.get("href"))
    assert published.read_bytes().startswith(b"%PDF-")
    size_kb = published.stat().st_size / 1000
    assert f"(PDF · {size_kb:.1f}".replace(".", ",") in item.text_content()
    image = kit.page("/ar/balaghat/water-tariff-reform/")
    link = image.xpath("//section[@class='attachments']//a")[0]
    assert link.get("type") == "image/png"
    assert Image.open(kit.path(link.get("href"))).format == "PNG"


def test_a_corrected_release_says_when_and_what(kit: Site):
    page = kit.page("/fr/communiques/souss-massa-regional-budget/")
    correction = page.xpath("//dd[@class='correction']")[0]
    assert correction.xpath("time/@datetime") == ["2026-10-22T11:30:00+00:00"]
    assert "47 %, et non de 41 %" in correction.text_content()
    assert page.xpath("//meta[@property='article:modified_time']/@content") == [
        "2026-10-22T11:30:00+00:00"
    ]
    # An uncorrected release shows no correction.
    other = kit.page("/fr/communiques/oriental-school-closures/")
    assert not other.xpath("//dd[@class='correction']")


@pytest.mark.parametrize(
    ("code", "room", "heading"),
    [
        ("fr", "espace-presse", "Espace presse"),
        ("ar", "markaz-sahafa", "فضاء الصحافة"),
        ("zgh", "tasghunt", "ⴰⵙⵉⵍ ⵏ ⵜⵙⵖⵓⵏⵜ"),
    ],
)
def test_press_room_in_every_language(kit: Site, code: str, room: str, heading: str):
    page = kit.page(f"/{code}/{room}/")
    assert page.xpath("//h1")[0].text_content() == heading
    main = page.xpath("//main")[0]
    # Latest releases, newest first.
    dates = main.xpath(".//section[1]//article//time/@datetime")
    assert dates and dates == sorted(dates, reverse=True)
    # National and regional contacts, with phone and e-mail links.
    contacts = main.xpath(
        ".//section[contains(@class,'contacts')]//div[@class='contact vcard']"
    )
    assert len(contacts) == 4
    for contact in contacts:
        hrefs = contact.xpath(".//a/@href")
        assert any(h.startswith("tel:+212") for h in hrefs)
        assert any(h.startswith("mailto:") for h in hrefs)
    # Every link of the page leads somewhere that exists.
    for href in main.xpath(".//a/@href"):
        if href.startswith("/"):
            assert kit.path(href).exists(), href
    press_kit = main.xpath(".//section[contains(@class,'kit')]//a/@href")
    assert "/images/logo.svg" in press_kit and "/images/logo-1024.png" in press_kit
    assert "/images/people/amina-el-idrissi.jpg" in press_kit  # leadership photos
    subscribe = main.xpath(".//section[contains(@class,'subscribe')]//a/@href")
    assert f"/{code}/feeds/" in subscribe
    assert f"/{code}/calendar.ics" in subscribe
    assert f"/{code}/{room}/digest/" in subscribe
    # Every page of the language links to its press room (footer).
    assert f"/{code}/{room}/" in kit.page(f"/{code}/").xpath("//footer//a/@href")
    sitemap = (kit.root / "sitemap.xml").read_text("utf-8")
    assert f"<loc>http://localhost:8000/{code}/{room}/</loc>" in sitemap


def test_press_kit_logo_png_is_drawn_from_the_svg(kit: Site):
    with Image.open(kit.path("/images/logo-1024.png")) as logo:
        assert logo.format == "PNG" and logo.size == (1024, 1024)
        rgba = logo.convert("RGBA")
        assert rgba.getpixel((0, 0))[3] == 0  # transparent outside the disc
        # The disc's gold and the cedar's green, as in the SVG.
        assert rgba.getpixel((512, 60))[:3] == pytest.approx((0xE9, 0xC4, 0x6A), abs=3)
        assert rgba.getpixel((512, 700))[:3] == pytest.approx((0x1F, 0x6F, 0x50), abs=3)


def test_a_real_logo_with_styles_transforms_and_arcs_is_drawn_right(tmp_path):
    """What our old hand-written rasterizer got wrong without a word."""
    from press_room.press_kit import draw_logo_png

    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
        "<style>.leaf { fill: #1f6f50 }</style>"
        '<g transform="translate(100 0)">'
        '<path style="fill:#e9c46a" d="M0 50 A 50 50 0 0 1 100 50 Z"/>'
        '<rect class="leaf" x="0" y="60" width="100" height="40"/></g></svg>',
        "utf-8",
    )
    with Image.open(io.BytesIO(draw_logo_png(str(svg), 200))) as logo:
        rgba = logo.convert("RGBA")
    assert rgba.size == (200, 200)
    # Not square: centred, the upper and lower quarters transparent.
    assert rgba.getpixel((150, 20))[3] == 0
    # The arc (a half disc) moved right by the transform, with its style= fill.
    assert rgba.getpixel((150, 85))[:3] == pytest.approx((0xE9, 0xC4, 0x6A), abs=3)
    assert rgba.getpixel((50, 85))[3] == 0
    # The class from the <style> sheet.
    assert rgba.getpixel((150, 135))[:3] == pytest.approx((0x1F, 0x6F, 0x50), abs=3)


def test_archive_by_year_without_javascript(kit: Site):
    listing = kit.page("/fr/communiques/")
    years = listing.xpath("//nav[@class='years']//a/@href")
    assert years == ["/fr/communiques/2026/", "/fr/communiques/2025/"]
    year = kit.page("/fr/communiques/2025/")
    titles = year.xpath("//main//article/h2/a/@href")
    assert titles == ["/fr/communiques/water-tariff-reform/"]
    current = year.xpath("//nav[@class='years']//span[@aria-current='page']")
    assert current[0].text == "2025"
    assert len(kit.page("/ar/balaghat/2026/").xpath("//main//article")) == 4
    assert not kit.root.joinpath("fr", "communiques", "2024").exists()
    for page in (listing, year):
        assert not page.xpath("//script[not(@type='application/ld+json')]")


# Reference numbers ---------------------------------------------------------
def when(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CASABLANCA)


def test_numbers_never_change_when_releases_are_added():
    before = [
        Release("a", when("2026-01-10 10:00")),
        Release("b", when("2026-02-10 10:00")),
        Release("c", when("2026-03-10 10:00"), "2026-007"),
        Release("old", when("2025-12-30 10:00")),
    ]
    numbers, clashes = assign(before)
    assert numbers == {
        "a": "2026-001",
        "b": "2026-002",
        "c": "2026-007",
        "old": "2025-001",
    }
    assert not clashes
    # A later release without a number, and a back-dated one with the number
    # `invoke new` wrote, renumber nothing.
    written = next_reference(before, 2026)
    assert written == "2026-008"
    after = [
        *before,
        Release("later", when("2026-04-01 10:00")),
        Release("backdated", when("2026-01-05 09:00"), written),
    ]
    numbers_after, clashes = assign(after)
    assert not clashes
    assert {k: numbers_after[k] for k in numbers} == numbers
    assert numbers_after["later"] == "2026-003"
    assert numbers_after["backdated"] == "2026-008"


def test_a_number_used_twice_is_reported_with_the_free_one():
    _, clashes = assign(
        [
            Release("a", when("2026-01-10 10:00")),
            Release("b", when("2026-02-10 10:00"), "2026-001"),
        ]
    )
    (clash,) = clashes
    assert (clash.key, clash.reference, clash.other, clash.free) == (
        "b",
        "2026-001",
        "a",
        "2026-002",
    )


def write_release(project: Path, key: str, date: str, reference: str = "") -> None:
    line = f"reference: {reference}\n" if reference else ""
    for code in ("ar", "fr", "zgh"):
        (project / f"content/press/{key}.{code}.md").write_text(
            RELEASE.format(title=f"{key} {code}", date=date, reference=line), "utf-8"
        )


def site_references(root: Path) -> dict[str, str]:
    site = Site(root)
    found = {}
    for page in (root / "fr/communiques").glob("*/index.html"):
        tree = site.page(site.url_of(page))
        reference = tree.xpath("//dd[@class='reference']")
        if reference:
            found[page.parent.name] = reference[0].text_content()
    return found


def test_built_references_are_stable_when_a_release_is_added(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    build_site(tmp_path / "before", cwd=project)
    before = site_references(tmp_path / "before")
    # Back-dated before the first 2026 release, with the number invoke new gives;
    # and a new one dated after the others, without a number.
    write_release(project, "backdated", "2026-01-15 10:00", "2026-005")
    write_release(project, "newest", "2026-11-01 10:00")
    build_site(tmp_path / "after", cwd=project)
    after = site_references(tmp_path / "after")
    assert {key: after[key] for key in before} == before
    assert after["backdated"] == "2026-005"
    assert after["newest"] == "2026-006"  # 005 is taken by the written one


def test_invoke_new_writes_the_next_free_reference(tmp_path: Path):
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    (project / "tasks.py").write_text((ROOT / "tasks.py").read_text("utf-8"), "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "new",
            "press",
            "harvest-aid",
            "--langs",
            "fr",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = (project / "content/press/harvest-aid.fr.md").read_text("utf-8")
    year = datetime.now(CASABLANCA).year
    expected = "2026-005" if year == 2026 else f"{year}-001"
    assert re.search(rf"^reference: {expected}$", text, re.M), text


# The weekly digest -----------------------------------------------------------
@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Site:
    """The fixture site plus a release of yesterday and a news item of five days ago."""
    project = copy_project(tmp_path_factory.mktemp("fresh") / "project")
    now = datetime.now(CASABLANCA).replace(second=0, microsecond=0)
    yesterday = (now - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    write_release(project, "harvest-aid", yesterday)
    old = (now - timedelta(days=5)).strftime("%Y-%m-%d %H:%M")
    for code in ("ar", "fr", "zgh"):
        (project / f"content/news/old-news.{code}.md").write_text(
            f'---\ntitle: "old {code}"\ndate: {old}\nsummary: "x"\n---\n\nTexte.\n',
            "utf-8",
        )
    build_site(project / "out", cwd=project)
    return Site(project / "out")


def email_of(page):
    """The e-mail HTML the digest page offers to copy."""
    from lxml import html as lxml_html

    return lxml_html.fromstring(
        page.xpath("string(//textarea[@class='digest-source'])")
    )


def test_weekly_digest_lists_the_weeks_releases_ready_to_paste(fresh: Site):
    page = fresh.page("/fr/espace-presse/digest/")
    assert page.xpath("//main//article/h2/a/text()") == ["harvest-aid fr"]
    email = email_of(page)
    releases = email.xpath("//td[@class='release']")
    assert [r.xpath(".//a")[0].text_content() for r in releases] == ["harvest-aid fr"]
    assert releases[0].xpath(".//a/@href") == [
        "http://localhost:8000/fr/communiques/harvest-aid/"
    ]
    # Self-contained for a mailing tool: no stylesheet, no script, every link
    # absolute, styles inline.
    assert not email.xpath("//link[@rel='stylesheet'] | //script | //style")
    for href in email.xpath("//a/@href"):
        assert href.startswith("http://localhost:8000/"), href
    assert releases[0].get("style")
    # The page itself keeps the site's strict policy: no inline style.
    assert not page.xpath("//*[@style]")
    arabic = email_of(fresh.page("/ar/markaz-sahafa/digest/"))
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar-MA", "rtl")
    assert len(arabic.xpath("//td[@class='release']")) == 1


def test_digest_of_a_quiet_week_says_so(kit: Site):
    # The fixture site's newest release is older than a week at any build
    # after 2026-10-28.
    page = kit.page("/fr/espace-presse/digest/")
    assert not email_of(page).xpath("//td[@class='release']")
    assert "Aucun communiqué cette semaine." in page.text_content()


# What an editor sees when a press field is wrong ------------------------------
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "reference: 17\n",
            ':4: reference "17" is not a reference number; write YEAR-NUMBER '
            "with three digits, e.g. 2026-017",
        ),
        (
            "reference: 2025-004\n",
            ':4: reference "2025-004" is not of the year of the date (2026); '
            "use a 2026-... number",
        ),
        (
            "contact: casablanca\n",
            ':4: contact "casablanca" is not a press contact; use one of national, '
            "fes-meknes, oriental, souss-massa",
        ),
        (
            "contact: [national, oriental]\n",
            ":4: contact \"['national', 'oriental']\" is not a press contact; use "
            "one of national, fes-meknes, oriental, souss-massa",
        ),
        (
            "attachments:\n  - file: files/missing.pdf\n",
            ':4: attachment "files/missing.pdf" was not found; put the file in '
            "content/files/ and write files/<name>",
        ),
        (
            'correction: "Le chiffre est 47 %."\n',
            ":4: a correction needs its date: add 'modified: YYYY-MM-DD HH:MM'",
        ),
        (
            "modified: 2026-03-01\n",
            ":4: modified (the date of the correction) is before the date; "
            "check modified",
        ),
    ],
)
def test_press_field_mistakes_name_the_line_and_the_fix(
    fixture_settings, tmp_path: Path, extra: str, message: str
):
    from multilingual.errors import collected
    from multilingual.frontmatter import FrontMatterMarkdownReader

    reader = FrontMatterMarkdownReader(
        {**fixture_settings, "PATH": str(tmp_path / "content")}
    )
    path = tmp_path / "content/press/harvest-aid.fr.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        '---\ntitle: "Aide"\ndate: 2026-04-14 10:30\n'
        + extra
        + 'summary: "Un communiqué."\nplace: "Rabat"\n---\n\nTexte.\n',
        "utf-8",
    )
    with collected() as told:
        reader.read(str(path))
    path = "content/press/harvest-aid.fr.md"
    assert [str(e) for e in told.errors] == [path + message]


def test_a_duplicate_reference_stops_the_production_build(tmp_path: Path):
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    write_release(project, "copy", "2026-11-01 10:00", "2026-002")
    write_release(project, "mixed", "2026-11-02 10:00", "2026-010")
    mixed = project / "content/press/mixed.fr.md"
    mixed.write_text(mixed.read_text("utf-8").replace("2026-010", "2026-011"))
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py"]
        + ["-o", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "COLUMNS": "200"},
    )
    assert result.returncode != 0
    assert (
        "content/press/copy.ar.md:4: reference 2026-002 is already the number of "
        '"national-council-session"; use 2026-011, the next free number'
    ) in result.stdout + result.stderr
    assert (
        'content/press/mixed.ar.md:4: the translations of "mixed" have different '
        "references (2026-010, 2026-011); give them the same"
    ) in result.stdout + result.stderr
    assert not (tmp_path / "out/fr/index.html").exists()


# Google News sitemap (same build: it needs something published this week) ----
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_news_sitemap_lists_the_last_two_days(fresh: Site):
    from lxml import etree

    root = etree.parse(str(fresh.root / "sitemap-news.xml")).getroot()
    entries = {
        url.findtext(f"{SITEMAP}loc"): url.find(f"{NEWS}news")
        for url in root.iter(f"{SITEMAP}url")
    }
    base = "http://localhost:8000"
    assert set(entries) == {
        f"{base}/ar/balaghat/harvest-aid/",
        f"{base}/fr/communiques/harvest-aid/",
        f"{base}/zgh/isiwdn/harvest-aid/",
    }  # the five-day-old news item is left out
    french = entries[f"{base}/fr/communiques/harvest-aid/"]
    assert french.findtext(f"{NEWS}publication/{NEWS}name") == "Parti du Cèdre"
    assert french.findtext(f"{NEWS}publication/{NEWS}language") == "fr"
    assert french.findtext(f"{NEWS}title") == "harvest-aid fr"
    published = datetime.fromisoformat(french.findtext(f"{NEWS}publication_date"))
    assert published.utcoffset() is not None
    arabic = entries[f"{base}/ar/balaghat/harvest-aid/"]
    assert arabic.findtext(f"{NEWS}publication/{NEWS}name") == "حزب الأرز"
    assert arabic.findtext(f"{NEWS}publication/{NEWS}language") == "ar"
    robots = (fresh.root / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {base}/sitemap-news.xml" in robots


def test_news_sitemap_is_valid_against_the_sitemap_schema(fresh: Site):
    from test_sitemaps import valid

    valid(fresh.root / "sitemap-news.xml")


# The program as a PDF in the press kit ------------------------------------------
def pdf_fonts_available() -> bool:
    from PIL import features

    from press_room.program_pdf import DEFAULT_FONTS

    return features.check_feature("raqm") and all(
        Path(f).exists() for f in DEFAULT_FONTS
    )


@pytest.mark.parametrize(
    ("code", "room", "chapters"),
    [("ar", "markaz-sahafa", 5), ("fr", "espace-presse", 5), ("zgh", "tasghunt", 5)],
)
def test_program_pdf_in_the_press_kit(kit: Site, code: str, room: str, chapters: int):
    import os

    if not pdf_fonts_available():
        if os.environ.get("CI") == "true":
            pytest.fail("fonts-noto-core and libfribidi0 are needed in CI")
        pytest.skip("no program PDF here: install fonts-noto-core and libfribidi0")
    page = kit.page(f"/{code}/{room}/")
    href = f"/{code}/{room}/program-{code}.pdf"
    (link,) = page.xpath(f"//section[contains(@class,'kit')]//a[@href='{href}']")
    data = kit.path(href).read_bytes()
    assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
    # A cover, then each chapter starting on its own page.
    count = pdf_page_count(data)
    assert count >= 1 + chapters
    assert len(re.findall(rb"/Type /Page\b", data)) == count
    assert b"/CCITTFaxDecode" in data  # black and white, compressed
    assert len(data) < 400_000
    size = f"{len(data) / 1000:.1f}".replace(".", ",")
    assert size in link.getparent().text_content()


def pdf_page_count(data: bytes) -> int:
    (count,) = re.findall(rb"/Type /Pages\s*/Count (\d+)", data)
    return int(count)


def test_program_pdf_follows_an_edit_in_its_language_only(tmp_path: Path):
    """An editor adds a French chapter: the French PDF gains its page; the
    Arabic and Tamazight PDFs are not drawn again."""
    import os

    if not pdf_fonts_available():
        if os.environ.get("CI") == "true":
            pytest.fail("fonts-noto-core and libfribidi0 are needed in CI")
        pytest.skip("no program PDF here: install fonts-noto-core and libfribidi0")
    rooms = {"ar": "markaz-sahafa", "fr": "espace-presse", "zgh": "tasghunt"}
    project = copy_project(tmp_path / "project")
    build_site(tmp_path / "before", cwd=project)
    logos = list((project / "cache/press-kit").glob("logo-*.png"))
    assert len(logos) == 1, "the kit's PNG logo is drawn once, then kept"
    drawn = logos[0].stat().st_mtime_ns
    (project / "content/program/transport.fr.md").write_text(
        '---\ntitle: "Transports"\nsummary: "Un car par jour."\norder: 6\n---\n\n'
        "Un car par jour dans chaque commune rurale, à l'heure de l'école.\n",
        "utf-8",
    )
    build_site(tmp_path / "after", cwd=project)

    def pdf(build: str, code: str) -> bytes:
        return (
            tmp_path / build / code / rooms[code] / f"program-{code}.pdf"
        ).read_bytes()

    before, after = pdf("before", "fr"), pdf("after", "fr")
    assert after.startswith(b"%PDF-1.") and after.rstrip().endswith(b"%%EOF")
    assert pdf_page_count(after) == pdf_page_count(before) + 1  # its own page
    for code in ("ar", "zgh"):
        assert pdf("after", code) == pdf("before", code)
    # Drawn: three PDFs by the first build, the new French one by the second.
    assert len(list((project / "cache/press-kit").glob("*.pdf"))) == 4
    assert logos[0].stat().st_mtime_ns == drawn  # the logo was not drawn again
    png = "images/logo-1024.png"
    assert (tmp_path / "after" / png).read_bytes() == logos[0].read_bytes()
