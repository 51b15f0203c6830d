"""A web editor at /admin/: Decap CMS over the same Markdown files.

Editors who never use a terminal write and translate content in the browser;
the editor saves ``content/<section>/<key>.<lang>.md`` as they would, through
a git host (GitHub, GitLab...) or, on one machine, through Decap's local
proxy (``invoke edit``). Its configuration is made from the settings at each
build (see config.py), so it never disagrees with the build.

Settings (pelicanconf.py)::

    WEB_EDITOR = {
        "enabled": True,
        "path": "admin",              # the editor's address
        "backend": None,              # a git host: {"name": "github", "repo": "o/r"}
        "editorial_workflow": True,   # drafts as branches where the host allows
        "local_proxy_url": "http://localhost:8081/api/v1",
        "branch": "main",             # the branch it saves to
        "ui_locale": "en",            # the editor's interface language
        "labels": {}, "hints": {},    # field names and hints in that language
        "media_folder": "images",     # uploads, under PATH
        "files_folder": "files",      # attachments, under PATH
    }

The Decap CMS bundle comes from npm (``decap-cms``, pinned in package.json;
``npm ci --ignore-scripts`` installs it into node_modules/) and is copied into
the site: the editor loads nothing from another host. Without it /admin/ is
left out and the build says how to get it.
The page has no inline script; /admin/ needs a policy of its own (Decap
evaluates its configuration schema and injects styles): see PATH_HEADERS.
"""

from __future__ import annotations

import filecmp
import html
import json
import logging
import os
import re
import shutil
from typing import Any

import yaml
from pelican import signals

from multilingual import (
    languages_from_settings,
    record_tree,
    requires,
    sections_from_settings,
)

from .config import decap_config, editor_settings, hint, label
from .settings import SETTINGS as SETTINGS  # the core merges them

logger = logging.getLogger(__name__)

HERE = os.path.dirname(os.path.abspath(__file__))
STATIC = os.path.join(HERE, "static")
# Where npm puts Decap CMS's bundle, from the project's folder.
BUNDLE = os.path.join("node_modules", "decap-cms", "dist")
# Served with the bundle: its code (the decap-cms build; dist/ also holds a
# second build, cms.js, and source maps), image encoders and licences.
BUNDLE_FILE = re.compile(r"^(\d+\.)?decap-cms\.js(\.LICENSE\.txt)?$|\.wasm$")


def bundle_folder(settings: dict[str, Any]) -> str:
    """node_modules/decap-cms/dist beside content/ (the project's folder)."""
    project = os.path.dirname(os.path.abspath(settings["PATH"]))
    return os.path.join(project, BUNDLE)


PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<link rel="stylesheet" href="editor.css">
<script type="application/json" id="web-editor-settings">{data}</script>
</head>
<body>
<noscript>{noscript}</noscript>
<script src="decap-cms.js"></script>
<script src="editor.js"></script>
</body>
</html>
"""

FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
CSS_VARIABLE = re.compile(r"(--[\w-]+)\s*:\s*([^;}]+)")
PAGE_FONT = re.compile(r"html:lang\(([\w-]+)\)\s*\{\s*font-family:\s*([^;}]+)")


class _PlainDumper(yaml.SafeDumper):
    """YAML without anchors: a field shared by collections is written out in
    each, as a person would."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _copy_if_changed(source: str, target: str) -> None:
    if not (os.path.exists(target) and filecmp.cmp(source, target, shallow=True)):
        shutil.copy2(source, target)


def _editor_css(settings: dict[str, Any], output: str) -> str:
    """The kit's styles for the editor: each field in its language's font
    (the site's own font faces and per-language families), then ours."""
    theme = settings["THEME_STATIC_DIR"]
    try:
        with open(os.path.join(output, theme, "site.css"), encoding="utf-8") as f:
            site_css = f.read()
    except OSError:
        site_css = ""
    faces = [
        face.replace("url(fonts/", f"url(../{theme}/fonts/")
        for face in FONT_FACE.findall(site_css)
    ]
    fields = ":is(input, textarea, [contenteditable], .CodeMirror, .cm-editor)"
    families = [
        f".web-editor-field:lang({code}) {fields},"
        f" .web-editor-field:lang({code}) {{ font-family: {family.strip()}; }}"
        for code, family in PAGE_FONT.findall(site_css)
    ]
    # The families name the theme's variables (var(--sans)): bring their values.
    used = set(re.findall(r"var\((--[\w-]+)\)", "".join(families)))
    variables = "".join(
        f"{name}:{value.strip()};"
        for name, value in CSS_VARIABLE.findall(site_css)
        if name in used
    )
    with open(os.path.join(STATIC, "editor.css"), encoding="utf-8") as f:
        own = f.read()
    return "\n".join(
        [
            "/* Written by the web_editor plugin at each build. */",
            f":root{{{variables}}}",
            *faces,
            *families,
        ]
    ) + ("\n\n" + own)


def _page(settings: dict[str, Any]) -> str:
    editor = editor_settings(settings)
    languages = languages_from_settings(settings)
    siteurl = settings.get("SITEURL", "")
    data = {
        "languages": [
            {"code": lang.code, "tag": lang.tag, "direction": lang.direction}
            for lang in languages
        ],
        "stylesheet": f"{siteurl}/{settings['THEME_STATIC_DIR']}/site.css",
        # Said when a new item is published without its key (file name).
        "missingKey": f"{label(editor, 'slug')}: {hint(editor, 'key')}",
        "sections": {
            key: section.kind
            for key, section in sections_from_settings(settings).items()
        },
    }
    # JSON inside <script>: "<" escaped, so no "</script>" can close it.
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return PAGE.format(
        lang=html.escape(editor["ui_locale"]),
        title=html.escape(f"{settings.get('SITENAME', '')} · editor"),
        data=text,
        noscript="The editor needs JavaScript.",
    )


def write_editor(pelican: Any) -> None:
    settings = pelican.settings
    editor = editor_settings(settings)
    if not editor["enabled"]:
        return
    bundle = bundle_folder(settings)
    if not os.path.isfile(os.path.join(bundle, "decap-cms.js")):
        logger.warning(
            "web_editor: /admin/ is left out: Decap CMS is not installed; run "
            "`npm ci --ignore-scripts` once (Node.js), then build again"
        )
        return
    target = os.path.join(pelican.output_path, editor["path"].strip("/"))
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(bundle)):
        if BUNDLE_FILE.search(name):
            _copy_if_changed(os.path.join(bundle, name), os.path.join(target, name))
    for name in ("editor.js",):
        _copy_if_changed(os.path.join(STATIC, name), os.path.join(target, name))
    files = {
        "index.html": _page(settings),
        "config.yml": "# Written by the web_editor plugin from pelicanconf.py: "
        "edit the settings, not this file.\n"
        + yaml.dump(
            decap_config(settings),
            Dumper=_PlainDumper,
            allow_unicode=True,
            sort_keys=False,
        ),
        "editor.css": _editor_css(settings, pelican.output_path),
    }
    for name, text in files.items():
        path = os.path.join(target, name)
        try:
            with open(path, encoding="utf-8") as handle:
                if handle.read() == text:
                    continue  # unchanged files keep their time (rsync, caches)
        except OSError:
            pass
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    record_tree(settings, target)
    logger.info("web_editor: the editor written to %s/", editor["path"].strip("/"))


def register() -> None:
    requires("web_editor")
    signals.finalized.connect(write_editor)
