"""A party's pelicanconf.py, checked before anything is read: a misspelt key
of a plugin's setting, a text missing in a language and a Pelican setting the
kit must replace each get one line naming the setting and the fix."""

from __future__ import annotations

import pytest
from conftest import fixture_site, run_pelican


def build_with(tmp_path, lines: str):
    project = fixture_site(tmp_path / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write("\n" + lines + "\n")
    return project, run_pelican(project, project / "output")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            'SOCIAL_CARDS = {**SOCIAL_CARDS, "enabeld": True}',
            'pelicanconf.py: SOCIAL_CARDS has no setting "enabeld" (social_cards '
            'does not know it); did you mean "enabled"?',
        ),
        (
            'HOME = {"lead_kind": ("news",)}',
            'pelicanconf.py: HOME has no setting "lead_kind" (multilingual does not '
            'know it); did you mean "lead_kinds"?',
        ),
        (
            'PARTY = {**PARTY, "tagline": {"ar": "شعار", "fr": "Devise"}}',
            "pelicanconf.py: PARTY['tagline'] has no text in 'zgh'; add \"zgh\": "
            '"..." (every language of LANGUAGES needs one)',
        ),
        (
            'PRESS["contacts"]["national"]["role"] = {"ar": "", "fr": "x", "zgh": "y"}',
            "pelicanconf.py: PRESS['contacts']['national']['role'] has no text in "
            '\'ar\'; add "ar": "..." (every language of LANGUAGES needs one)',
        ),
    ],
)
def test_a_settings_mistake_stops_at_once_with_one_line(tmp_path, lines, message):
    project, result = build_with(tmp_path, lines)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (result.stdout + result.stderr).strip().splitlines()[-1] == message
    assert not (project / "output").exists()


def test_a_pelican_setting_the_kit_replaces_is_said_not_silently_ignored(tmp_path):
    project, result = build_with(tmp_path, 'ARTICLE_URL = "{date:%Y}/{slug}.html"')
    assert result.returncode == 0, result.stderr
    told = " ".join((result.stdout + result.stderr).split())
    assert (
        "pelicanconf.py: ARTICLE_URL is set by the kit ('{prefix}{slug}/'), yours "
        "('{date:%Y}/{slug}.html') is not used; remove it" in told
    )
    assert (project / "output/fr/actualites/wells/index.html").exists()
