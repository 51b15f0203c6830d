"""Whatever an editor types, the reader answers with a page or a message,
never a traceback (property-based, with hypothesis)."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multilingual.errors import collected
from multilingual.frontmatter import FrontMatterMarkdownReader
from multilingual.sections import FIELDS

FIELD_NAMES = sorted({name for names in FIELDS.values() for name in names}) + [
    "slug",
    "status",
    "modified",
    "regoin",
]
SECTIONS = ["news", "press", "program", "events", "regions", "people", "pages", "x"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(
        ["2026-03-14", "2026-03-14 10:30", "2024-13-45", "oriental", "../x", "/etc"]
    )
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
front_matter = st.dictionaries(
    st.sampled_from(FIELD_NAMES) | st.text(max_size=8), values, max_size=8
)


def reader_for(root: Path, settings: dict) -> FrontMatterMarkdownReader:
    (root / "regions").mkdir(parents=True, exist_ok=True)
    (root / "regions" / "oriental.fr.md").write_text("---\ntitle: x\n---\n")
    return FrontMatterMarkdownReader({**settings, "PATH": str(root)})


def assert_page_or_message(reader, path: Path) -> None:
    with collected() as messages:
        html, meta = reader.read(str(path))  # must not raise
    told = messages.errors + messages.warnings
    assert all(str(m).startswith(f"content/{path.parent.name}/") for m in told)
    if meta.get("status") == "skip":
        assert told  # never left out without a word
    else:
        assert messages.errors == [] and meta["title"] and isinstance(html, str)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=front_matter,
    section=st.sampled_from(SECTIONS),
    body=st.text(max_size=200),
    lang=st.sampled_from(["fr", "ar", "zgh", "en", ""]),
)
def test_random_front_matter_never_gives_a_traceback(
    tmp_path, fixture_settings, data, section, body, lang
):
    root = tmp_path / "content"
    reader = reader_for(root, fixture_settings)
    path = root / section / f"random.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    path.write_text(text, encoding="utf-8")
    assert_page_or_message(reader, path)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_bytes_never_give_a_traceback(tmp_path, fixture_settings, raw):
    root = tmp_path / "content"
    reader = reader_for(root, fixture_settings)
    path = root / "news" / "random.fr.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"---\n" + raw)
    assert_page_or_message(reader, path)
