"""Builds the JSON-LD of one page from what the template is rendering."""

from __future__ import annotations

import json
import re
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from multilingual import raster_logo, text_in

_KINDS_ARTICLE = ("news", "press")
# The parts of a one-line place: commas, the Arabic comma among them.
_PLACE_PARTS = re.compile("[,\u060c]")


def _iso(value: Any, tz: ZoneInfo) -> str:
    """ISO 8601 with the offset of that day in the party's time zone."""
    return value.astimezone(tz).isoformat()


def party(context: Any, lang: Any) -> dict[str, Any]:
    """The party as one language's pages describe it. One node per language
    (its own @id): merged, a single node would carry every language's name,
    address and slogan without saying which is which."""
    site, settings = context["site"], context
    party = settings["PARTY"]
    data = {
        "@type": "PoliticalParty",
        "@id": site.absolute(f"{site.home_url(lang.code)}#party"),
        "name": text_in(party["name"], lang.code),
        "url": site.absolute(site.home_url(lang.code)),
        "logo": site.absolute(_logo(settings)),
    }
    if text_in(party.get("tagline"), lang.code):
        data["slogan"] = text_in(party["tagline"], lang.code)
    return data


def _logo(settings: Any) -> str:
    """A PNG logo if the press kit draws one (Google wants a raster logo)."""
    return raster_logo(settings)


def _images(context: Any, item: Any, card: Any) -> list[str]:
    """The item's own image (cut to 16:9, 4:3 and 1:1 when the responsive
    images plugin is on: what Google asks), then its social card (1200x630);
    the logo only when there is neither."""
    site = context["site"]
    found = []
    image = getattr(item, "image", None)
    if image:
        crops = context.environment.globals.get("image_crops")
        found += [c.url for c in crops(image)] if crops else []
        found = found or [image]
    if card is not None:
        found.append(card.url)
    return [site.absolute(url) for url in found] or [site.absolute(_logo(context))]


def address(context: Any, item: Any) -> dict[str, Any]:
    """A PostalAddress from the event's place fields: locality (else the last
    part of a one-line place, "Salle municipale, Oujda" -> Oujda, Arabic
    comma too), street,
    postal_code, country (else PARTY's country)."""
    place = getattr(item, "place", "") or ""
    data = {"@type": "PostalAddress"}
    for field, key in (
        ("street", "streetAddress"),
        ("locality", "addressLocality"),
        ("postal_code", "postalCode"),
    ):
        value = getattr(item, field, None)
        if value:
            data[key] = str(value)
    parts = _PLACE_PARTS.split(place)
    if "addressLocality" not in data and len(parts) > 1 and parts[-1].strip():
        data["addressLocality"] = parts[-1].strip()
    country = getattr(item, "country", None) or context["PARTY"].get("country")
    if country:
        data["addressCountry"] = str(country)
    return data


def article(context: Any, item: Any, lang: Any, card: Any = None) -> dict[str, Any]:
    site = context["site"]
    tz = ZoneInfo(context["TIMEZONE"])
    url = site.absolute(item.url)
    data = {
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": url,
        "url": url,
        "headline": item.title[:110],
        "description": getattr(item, "summary", "") or "",
        "inLanguage": lang.tag,
        "datePublished": _iso(item.date, tz),
        "dateModified": _iso(getattr(item, "modified", None) or item.date, tz),
        "image": _images(context, item, card),
        "author": party(context, lang),
        "publisher": party(context, lang),
    }
    reference = getattr(item, "reference", None)
    if reference:
        data["identifier"] = reference
        data["genre"] = "press release"
    if getattr(item, "place", None):
        data["locationCreated"] = {"@type": "Place", "name": item.place}
    if getattr(item, "tags", None):
        data["keywords"] = [tag.name for tag in item.tags]
    return data


def event(context: Any, item: Any, lang: Any, card: Any = None) -> dict[str, Any]:
    site = context["site"]
    tz = ZoneInfo(context["TIMEZONE"])
    online = getattr(item, "online", None)
    place = getattr(item, "place", None)
    locations = []
    if place:
        locations.append(
            {"@type": "Place", "name": place, "address": address(context, item)}
        )
    if online:
        locations.append({"@type": "VirtualLocation", "url": online})
    mode = (
        "MixedEventAttendanceMode"
        if place and online
        else "OnlineEventAttendanceMode"
        if online
        else "OfflineEventAttendanceMode"
    )
    return {
        "@type": "Event",
        "@id": site.absolute(item.url),
        "url": site.absolute(item.url),
        "name": item.title,
        "description": getattr(item, "summary", "") or "",
        "inLanguage": lang.tag,
        "startDate": _iso(item.start, tz),
        "endDate": _iso(item.end, tz),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": party(context, lang),
        "image": _images(context, item, card),
        "isAccessibleForFree": True,
    }


def person(context: Any, item: Any, lang: Any) -> dict[str, Any]:
    site = context["site"]
    data = {
        "@type": "Person",
        "@id": site.absolute(item.url),
        "url": site.absolute(item.url),
        "name": item.title,
        "jobTitle": getattr(item, "role", "") or "",
        "description": getattr(item, "summary", "") or "",
        "memberOf": party(context, lang),
    }
    if getattr(item, "image", None):
        data["image"] = site.absolute(item.image)
    return data


def describe(context: Any, card: Any = None) -> dict[str, Any] | None:
    """The page's main thing, or None for pages that have none of ours."""
    lang = context.environment.globals["here"](context)
    item = context.get("article") or context.get("page")
    if item is not None and getattr(item, "section", None):
        kind = context["site"].sections[item.section].kind
        if kind in _KINDS_ARTICLE:
            return article(context, item, lang, card)
        if kind == "events":
            return event(context, item, lang, card)
        if kind == "people":
            return person(context, item, lang)
        return None
    home = context["site"].home_url(lang.code) + "index.html"
    if context.get("output_file") == home:
        return party(context, lang)
    return None


def json_ld(context: Any, card: Any = None) -> Markup:
    """The page's JSON-LD; card: its social card, if the build draws them."""
    data = describe(context, card)
    if data is None:
        return Markup("")
    data = {"@context": "https://schema.org", **data}
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    # "</script>" or "<!--" inside a title must not end the block.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
