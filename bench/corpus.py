"""A synthetic trilingual corpus, written in four layouts from one text.

The words come from the demo content itself (a word-pair chain per language),
so the Arabic, French and Tifinagh are real words in a plausible order, with
the Markdown editors write: headings, lists, quotes, emphasis, links to other
pages. Every layout (ours, plain Pelican, Pelican + i18n_subsites, Hugo) gets
exactly the same titles, summaries, dates, tags and bodies.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ar", "fr", "zgh")
WORDS_PER_DOC = 400
FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


class Chain:
    """Word pairs of one language, from the demo's bodies and titles."""

    def __init__(self, texts: list[str], rng: random.Random):
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in texts:
            for line in text.splitlines():
                line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links: text
                words = [w.replace("*", "").strip('#>-«»"') for w in line.split()]
                words = [w for w in words if w and "@" not in w and "{" not in w]
                if len(words) < 4:
                    continue
                self.starts.append(words[0])
                for a, b in zip(words, words[1:], strict=False):
                    self.next[a].append(b)
        self.vocabulary = sorted(self.next)

    def words(self, count: int) -> list[str]:
        out = [self.rng.choice(self.starts)]
        while len(out) < count:
            following = self.next.get(out[-1])
            out.append(
                self.rng.choice(following)
                if following
                else self.rng.choice(self.vocabulary)
            )
        return out

    def phrase(self, count: int) -> str:
        return " ".join(self.words(count)).rstrip(".,:;،؛")


@dataclass
class Doc:
    section: str
    key: str
    lang: str
    title: str
    body: str  # Markdown, links written as LINK(section/key)
    summary: str
    date: datetime | None = None
    start: datetime | None = None
    end: datetime | None = None
    order: int | None = None
    tags: list[str] = field(default_factory=list)
    region: str = ""
    image: str = ""
    image_alt: str = ""
    place: str = ""
    role: str = ""
    seat: str = ""
    draft: bool = False


def _demo_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "content").glob("*/*.md")):
        lang = path.name.rsplit(".", 2)[1]
        match = FRONT.match(path.read_text("utf-8"))
        if match:
            texts[lang].append(match.group(2))
            for line in match.group(1).splitlines():
                if line.startswith(("title:", "summary:")):
                    texts[lang].append(line.partition(":")[2].strip().strip('"'))
    return texts


def _sections(n: int) -> list[str]:
    """Which section each translation group is in: mostly news and press."""
    fixed = ["pages"] * 3 + ["regions"] * min(12, max(3, n // 25))
    rest = max(0, n - len(fixed))
    shares = [("people", 0.02), ("program", 0.03), ("events", 0.10), ("press", 0.20)]
    out = list(fixed)
    for name, share in shares:
        out += [name] * max(1, round(rest * share))
    out += ["news"] * (n - len(out))
    return out[:n]


def make_corpus(n: int, seed: int = 2026) -> list[Doc]:
    """n translation groups; most in three languages, some in one or two."""
    rng = random.Random(seed)
    chains = {lang: Chain(t, rng) for lang, t in _demo_texts().items()}
    images = sorted(
        p.name for p in (ROOT / "content/images").iterdir() if p.suffix == ".jpg"
    )
    tags = {lang: [_tag(chains[lang]) for _ in range(40)] for lang in LANGS}
    sections = _sections(n)
    counters: dict[str, int] = defaultdict(int)
    regions: list[str] = []
    complete: list[tuple[str, str]] = []  # groups in every language: link targets
    docs: list[Doc] = []
    base = datetime(2019, 1, 1, 9, 0)
    for index, section in enumerate(sections):
        counters[section] += 1
        number = counters[section]
        key = (
            ("about", "contact", "join")[number - 1]
            if section == "pages"
            else f"{section}-{number:05d}"
        )
        if section == "regions":
            regions.append(key)
        roll = rng.random()
        langs = list(LANGS)
        if section in ("news", "press") and roll < 0.08:
            langs = ["ar", "fr"]
        elif section == "news" and roll < 0.11:
            langs = ["ar"]
        when = base + timedelta(hours=index * 7 + rng.randint(0, 5))
        order = number
        region = rng.choice(regions) if regions and rng.random() < 0.4 else ""
        image = rng.choice(images) if section == "news" and rng.random() < 0.25 else ""
        draft = section == "news" and rng.random() < 0.01
        tag_picks = rng.sample(range(40), rng.randint(0, 4))
        targets = rng.sample(complete, min(2, len(complete)))
        for lang in langs:
            chain = chains[lang]
            doc = Doc(
                section=section,
                key=key,
                lang=lang,
                title=chain.phrase(rng.randint(5, 11)),
                summary=chain.phrase(rng.randint(14, 26)) + ".",
                body=_body(chain, rng, targets),
                region=region if section not in ("regions", "program", "pages") else "",
                draft=draft,
            )
            if section in ("news", "press"):
                doc.date = when
                doc.tags = [tags[lang][i] for i in tag_picks]
            if section == "press":
                doc.place = chain.phrase(2)
            if section == "news" and image:
                doc.image = f"images/{image}"
                doc.image_alt = chain.phrase(8)
            if section == "events":
                doc.start = datetime(2020, 1, 1, 10) + timedelta(days=index)
                doc.end = doc.start + timedelta(hours=3)
                doc.place = chain.phrase(3)
            if section in ("program", "regions", "people", "pages"):
                doc.order = order
            if section == "program":
                doc.tags = [tags[lang][i] for i in tag_picks]
            if section == "regions":
                doc.seat = chain.phrase(1)
            if section == "people":
                doc.role = chain.phrase(3)
            docs.append(doc)
        if len(langs) == 3 and section != "pages" and not draft:
            complete.append((section, key))
    return docs


def _tag(chain: Chain) -> str:
    while True:
        tag = chain.phrase(chain.rng.randint(1, 2)).strip(" .,:;()0123456789")
        if len(tag) > 2 and all(c.isalpha() or c in " '-" for c in tag):
            return tag


def _body(chain: Chain, rng: random.Random, targets: list[tuple[str, str]]) -> str:
    """About WORDS_PER_DOC words of Markdown: paragraphs, headings, a list, a
    quote, some emphasis and links to other pages."""
    parts: list[str] = []
    words = 0
    links = list(targets)
    while words < WORDS_PER_DOC:
        kind = rng.random()
        if kind < 0.12 and parts:
            parts.append("## " + chain.phrase(rng.randint(2, 5)))
            continue
        if kind < 0.22:
            items = [chain.phrase(rng.randint(6, 14)) for _ in range(rng.randint(3, 5))]
            items[0] = f"**{items[0]}**"
            parts.append("\n".join(f"- {item}" for item in items))
            words += sum(len(i.split()) for i in items)
            continue
        if kind < 0.28:
            quote = chain.phrase(rng.randint(12, 24))
            parts.append(f"> «{quote}»")
            words += len(quote.split())
            continue
        sentences = []
        for _ in range(rng.randint(2, 5)):
            sentence = chain.words(rng.randint(9, 24))
            if rng.random() < 0.15:
                i = rng.randrange(len(sentence))
                sentence[i] = f"*{sentence[i]}*"
            if links and rng.random() < 0.3:
                section, key = links.pop()
                sentence[-1] = f"[{sentence[-1]}](LINK:{section}/{key})"
            sentences.append(" ".join(sentence).rstrip(".,:;،؛") + ".")
        parts.append(" ".join(sentences))
        words += sum(len(s.split()) for s in sentences)
    return "\n\n".join(parts) + "\n"


# --- Layouts -------------------------------------------------------------------


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def _copy_images(target: Path) -> None:
    shutil.copytree(ROOT / "content/images", target, dirs_exist_ok=True)


def write_ours(docs: list[Doc], project: Path) -> Path:
    """Our layout: a copy of the kit with content/<section>/<key>.<lang>.md."""
    for name in ("theme", "plugins"):
        shutil.copytree(
            ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    content = project / "content"
    _copy_images(content / "images")
    for doc in docs:
        lines = [f"title: {_q(doc.title)}"]
        for name in ("date", "start", "end"):
            if getattr(doc, name):
                lines.append(f"{name}: {_when(getattr(doc, name))}")
        lines.append(f"summary: {_q(doc.summary)}")
        for name in ("place", "role", "seat", "region", "image", "image_alt"):
            if getattr(doc, name):
                lines.append(f"{name}: {_q(getattr(doc, name))}")
        if doc.order is not None:
            lines.append(f"order: {doc.order}")
        if doc.tags:
            lines.append("tags: [" + ", ".join(_q(t) for t in doc.tags) + "]")
        if doc.draft:
            lines.append("status: draft")
        body = re.sub(
            r"LINK:([^)]+)",
            lambda m, lang=doc.lang: "{filename}/" + f"{m[1]}.{lang}.md",
            doc.body,
        )
        path = content / doc.section / f"{doc.key}.{doc.lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body, "utf-8")
    return project


PELICAN_CONF = """\
SITENAME = "Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "Africa/Casablanca"
DEFAULT_LANG = "ar"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
ARTICLE_URL = "{lang}/{category}/{slug}/"
ARTICLE_SAVE_AS = "{lang}/{category}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_URL = "{lang}/pages/{slug}/"
PAGE_SAVE_AS = "{lang}/pages/{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
SLUGIFY_USE_UNICODE = True
DEFAULT_PAGINATION = 12
LOAD_CONTENT_CACHE = False
PLUGINS = []
"""

I18N_CONF = """\
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = ["i18n_subsites"]
JINJA_ENVIRONMENT = {{"extensions": ["jinja2.ext.i18n"]}}
ARTICLE_URL = "{{category}}/{{slug}}/"
ARTICLE_SAVE_AS = "{{category}}/{{slug}}/index.html"
PAGE_URL = "pages/{{slug}}/"
PAGE_SAVE_AS = "pages/{{slug}}/index.html"
I18N_SUBSITES = {{"fr": {{"SITENAME": "Bench fr"}}, "zgh": {{"SITENAME": "Bench zgh"}}}}
"""


def write_pelican(docs: list[Doc], project: Path, i18n_plugins: str = "") -> Path:
    """Plain Pelican's layout: Markdown metadata lines, one folder for all
    languages, translations linked by slug. With i18n_plugins, the settings of
    Pelican + i18n_subsites (one sub-site per language)."""
    content = project / "content"
    _copy_images(content / "images")
    for doc in docs:
        dated = doc.date or doc.start
        folder = "articles" if dated else "pages"
        lines = [
            f"Title: {doc.title}",
            f"Lang: {doc.lang}",
            f"Slug: {doc.key}",
            f"Summary: {doc.summary}",
        ]
        if dated:
            lines += [f"Date: {_when(dated)}", f"Category: {doc.section}"]
        if doc.tags:
            lines.append("Tags: " + ", ".join(t.replace(",", " ") for t in doc.tags))
        if doc.draft:
            lines.append("Status: draft")
        if doc.image:
            lines.append(f"Image: {doc.image}")

        def link(m: re.Match, lang: str = doc.lang) -> str:
            section, key = m[1].split("/")
            sub = "pages" if section in ("program", "regions", "people") else "articles"
            return "{filename}/" + f"{sub}/{section}/{key}-{lang}.md"

        body = re.sub(r"LINK:([^)]+)", link, doc.body)
        path = content / folder / doc.section / f"{doc.key}-{doc.lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n\n" + body, "utf-8")
    conf = PELICAN_CONF
    if i18n_plugins:
        conf += I18N_CONF.format(plugins=i18n_plugins)
    (project / "pelicanconf.py").write_text(conf, "utf-8")
    return project


HUGO_CONF = """\
baseURL = "https://bench.example/"
title = "Bench"
defaultContentLanguage = "ar"
defaultContentLanguageInSubdir = true
[languages.ar]
  weight = 1
  languageName = "العربية"
  languageDirection = "rtl"
[languages.fr]
  weight = 2
  languageName = "Français"
[languages.zgh]
  weight = 3
  languageName = "ⵜⴰⵎⴰⵣⵉⵖⵜ"
[pagination]
  pagerSize = 12
"""

# A small theme of the same shape as ours (bench/hugo_layouts/): head with
# hreflang, language switcher, menu of sections, the item, paginated listings.
HUGO_LAYOUTS = Path(__file__).resolve().parent / "hugo_layouts"


def write_hugo(docs: list[Doc], project: Path) -> Path:
    """Hugo's layout: the same file names as ours (Hugo links translations by
    the .<lang>.md suffix), a minimal theme, links as relref shortcodes."""
    content = project / "content"
    _copy_images(project / "static/images")
    for doc in docs:
        lines = [f"title: {_q(doc.title)}", f"summary: {_q(doc.summary)}"]
        dated = doc.date or doc.start
        if dated:
            lines.append(f"date: {dated.strftime('%Y-%m-%dT%H:%M:00+01:00')}")
        for name in ("place", "role", "seat", "region", "image", "image_alt"):
            if getattr(doc, name):
                lines.append(f"{name}: {_q(getattr(doc, name))}")
        if doc.order is not None:
            lines.append(f"weight: {doc.order}")
        if doc.tags:
            lines.append("tags: [" + ", ".join(_q(t) for t in doc.tags) + "]")
        if doc.draft:
            lines.append("draft: true")
        body = re.sub(
            r"LINK:([^)]+)", lambda m: '{{< relref "/' + m[1] + '" >}}', doc.body
        )
        path = content / doc.section / f"{doc.key}.{doc.lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body, "utf-8")
    (project / "hugo.toml").write_text(HUGO_CONF, "utf-8")
    shutil.copytree(HUGO_LAYOUTS, project / "layouts/_default")
    return project
