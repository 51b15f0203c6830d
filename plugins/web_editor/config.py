"""The Decap CMS configuration (``config.yml``), made from the kit's own
settings at each build so that the editor never disagrees with the build:
one collection per section, one file per language (``<key>.<lang>.md``), the
fields each kind needs as the front-matter reader requires them, topics from
the vocabulary and regions and people as references to their sections.
"""

from __future__ import annotations

import os
from typing import Any

from multilingual import (
    FIELDS,
    REQUIRED,
    SHOULD_AGREE,
    STATUSES,
    Language,
    Topics,
    languages_from_settings,
    load_translations,
    sections_from_settings,
)

from .settings import SETTINGS

# Written as editors write dates; read by the build in the site's time zone.
DATETIME = {
    "widget": "datetime",
    "format": "YYYY-MM-DD HH:mm",
    "date_format": "YYYY-MM-DD",
    "time_format": "HH:mm",
    "picker_utc": False,
}

# Git hosts on which Decap keeps unpublished items as branches (drafts).
WORKFLOW_BACKENDS = ("github", "gitlab", "bitbucket")

# Field name -> Decap field (without name, label, required, i18n).
WIDGETS: dict[str, dict[str, Any]] = {
    "title": {"widget": "string"},
    "summary": {"widget": "text"},
    "place": {"widget": "string"},
    "seat": {"widget": "string"},
    "role": {"widget": "string"},
    "image_alt": {"widget": "string"},
    "correction": {"widget": "text"},
    "order": {"widget": "number", "value_type": "int", "min": 0},
    "online": {
        "widget": "string",
        "direction": "ltr",  # a web address, in every language
        "pattern": [r"^https?://\S+$", "a web address starting with https://"],
    },
    "reference": {
        "widget": "string",
        "direction": "ltr",
        "pattern": [r"^\d{4}-\d{3,}$", "YEAR-NUMBER, e.g. 2026-017"],
    },
}
# Optional fields the README documents beyond FIELDS, per kind.
EXTRA: dict[str, tuple[str, ...]] = {"press": ("modified", "correction")}


HINTS = {
    "key": "Needed for a new item, in the first language: its file name and "
    "address in every language (e.g. water-summit).",
    "time": "{zone} time",
    "same": 'The same in every translation ("Fill in from another locale" copies it).',
}
LABELS = {"slug": "Key", "body": "Text"}


def _key_field(editor: dict[str, Any]) -> dict[str, Any]:
    """The translation key: the file name (<key>.<lang>.md) and the address."""
    return {
        "name": "slug",
        "label": label(editor, "slug"),
        "widget": "string",
        "direction": "ltr",  # Latin letters, in every language
        "required": False,
        "i18n": True,
        "pattern": [
            r"^[a-z0-9]+(-[a-z0-9]+)*$",
            "a-z, 0-9, - (water-summit)",
        ],
        "hint": hint(editor, "key"),
    }


def label(editor: dict[str, Any], name: str) -> str:
    """A field's name in the editor: WEB_EDITOR's labels, else English."""
    default = LABELS.get(name, name.replace("_", " ").capitalize())
    return editor["labels"].get(name, default)


def hint(editor: dict[str, Any], name: str, **values: str) -> str:
    """One of the editor's hints (HINTS), from WEB_EDITOR's hints if given."""
    return editor["hints"].get(name, HINTS[name]).format(**values)


def editor_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """WEB_EDITOR with its defaults."""
    return {**SETTINGS["WEB_EDITOR"], **(settings.get("WEB_EDITOR") or {})}


def content_folder(settings: dict[str, Any]) -> str:
    """PATH as the git repository sees it (Decap's paths are from its root)."""
    given = editor_settings(settings).get("content_folder")
    if given:
        return given.strip("/")
    path = os.path.abspath(settings["PATH"])
    relative = os.path.relpath(path, os.getcwd())
    if relative.startswith(".."):
        return os.path.basename(path)
    return relative.replace(os.sep, "/")


def _reference(section: str, multiple: bool) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": section,
        "search_fields": ["title"],
        "display_fields": ["title"],
        "value_field": "{{slug}}",
        "multiple": multiple,
    }


def _field(
    name: str,
    kind: str,
    settings: dict[str, Any],
    sections_of_kind: dict[str, str],
    topics: Topics | None,
    languages: list[Language],
) -> dict[str, Any] | None:
    editor = editor_settings(settings)
    folder = content_folder(settings)
    if name in ("date", "start", "end", "modified"):
        field = {**DATETIME, "hint": hint(editor, "time", zone=settings["TIMEZONE"])}
    elif name in ("region", "people"):
        target = sections_of_kind.get("regions" if name == "region" else "people")
        if target is None:
            return None  # no such section: nothing to refer to
        field = _reference(target, multiple=name == "people")
    elif name == "tags":
        if topics is None:  # no vocabulary: free words
            field = {"widget": "list"}
        else:
            field = {
                "widget": "topics",
                # The names editors may use, in each language.
                "vocabulary": {
                    lang.code: [
                        names[lang.code]
                        for names in topics.names.values()
                        if names.get(lang.code)
                    ]
                    for lang in languages
                },
            }
    elif name == "image":
        field = {"widget": "image", "choose_url": False}
    elif name == "attachments":
        field = {
            "widget": "list",
            "fields": [
                {
                    "name": "file",
                    "label": label(editor, "file"),
                    "widget": "file",
                    "choose_url": False,
                    "media_folder": f"/{folder}/{editor['files_folder']}",
                    "public_folder": editor["files_folder"],
                },
                {"name": "title", "label": label(editor, "title"), "widget": "string"},
            ],
        }
    elif name == "contact":
        contacts = list(settings.get("PRESS", {}).get("contacts", {}))
        if not contacts:
            return None
        field = {"widget": "select", "options": contacts}
    else:
        field = dict(WIDGETS.get(name, {"widget": "string"}))
    required = name in REQUIRED[kind]
    field = {
        "name": name,
        "label": label(editor, name),
        **field,
        "required": required,
        # Every field is written per language, none "duplicate": Decap copies
        # a duplicated field into every language's data, and so writes a
        # file for a translation nobody wrote (a file the build rejects).
        "i18n": True,
    }
    agree = SHOULD_AGREE.get(kind, ())
    if name in agree or (name == "tags" and "topics" in agree):
        field["hint"] = f"{field.get('hint', '')} {hint(editor, 'same')}".strip()
    return field


def decap_config(settings: dict[str, Any]) -> dict[str, Any]:
    """The whole config.yml as a dict."""
    editor = editor_settings(settings)
    languages = languages_from_settings(settings)
    sections = sections_from_settings(settings)
    folder = content_folder(settings)
    try:
        topics = Topics.load(settings, settings.get("TAGS_FILE", "tags.yml"))
    except ValueError:
        topics = None  # the build reports a broken vocabulary itself
    sections_of_kind: dict[str, str] = {}
    for section in sections.values():
        sections_of_kind.setdefault(section.kind, section.key)

    # Section titles are the site's own msgids: in the interface language
    # when it is one of the site's.
    gettext = str
    for lang in languages:
        if lang.code == editor["ui_locale"]:
            gettext = load_translations(settings["THEME"], [lang])[lang.code].gettext
    collections = []
    for section in sections.values():
        names = FIELDS[section.kind] + EXTRA.get(section.kind, ())
        fields = [_key_field(editor)] + [
            field
            for name in names
            if (
                field := _field(
                    name, section.kind, settings, sections_of_kind, topics, languages
                )
            )
        ]
        fields.append(
            {
                "name": "status",
                "label": label(editor, "status"),
                "widget": "select",
                "options": list(STATUSES),  # as the build reads them
                "required": False,
                "i18n": True,
            }
        )
        fields.append(
            {
                "name": "body",
                "label": label(editor, "body"),
                "widget": "markdown",
                # Raw Markdown first: {filename} links, videos and HTML stay
                # as written.
                "modes": ["raw", "rich_text"],
                "required": False,
                "i18n": True,
            }
        )
        collections.append(
            {
                "name": section.key,
                "label": gettext(section.title),
                "folder": f"{folder}/{section.key}",
                "create": True,
                "extension": "md",
                "format": "yaml-frontmatter",
                # The file name comes from the key field, not from a title
                # that may be in Arabic or Tifinagh.
                "slug": "{{fields.slug}}",
                "identifier_field": "title",
                "summary": "{{title}}",
                "i18n": True,
                "fields": fields,
            }
        )

    config: dict[str, Any] = {
        "locale": editor["ui_locale"],
        "media_folder": f"{folder}/{editor['media_folder']}",
        "public_folder": editor["media_folder"],
        "i18n": {
            "structure": "multiple_files",
            "locales": [lang.code for lang in languages],
            "default_locale": languages[0].code,
        },
        "collections": collections,
    }
    backend = editor["backend"]
    if backend:
        config["backend"] = {"branch": editor["branch"], **backend}
        if editor["editorial_workflow"] and backend.get("name") in WORKFLOW_BACKENDS:
            config["publish_mode"] = "editorial_workflow"
    else:
        # Without a git host, the local proxy is the only way to save; Decap
        # needs a backend entry all the same.
        config["backend"] = {
            "name": "proxy",
            "proxy_url": editor["local_proxy_url"],
            "branch": editor["branch"],
        }
    config["local_backend"] = {"url": editor["local_proxy_url"]}
    siteurl = settings.get("SITEURL") or settings.get("DEV_SITEURL", "")
    if siteurl:
        config["site_url"] = siteurl
        config["display_url"] = siteurl
    return config
