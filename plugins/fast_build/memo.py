"""Pages kept from earlier builds, by everything they were made from.

A routine build (one file edited) would otherwise render every page again.
Each page the writer is asked for gets a key: a hash of the build's world
(settings, theme and plugin files, library versions, every content item as
read — its metadata, address, translations, summary — but not the bodies),
of the template, of the context values the template can reach and of the
page's own item with its body. A page whose key was rendered before is
linked from the cache instead of rendered. A body edit then renders the
pages of that item only; an edit that changes what other pages show of an
item (its title, summary, date, topics...) changes the world and renders
everything, as it must.

What is not a plain value (the site model, the press room) enters the key
through its attributes, so a page whose template reads the clock (`now`,
the press room's week) is rendered every time. A value the encoder cannot
describe stably (an object without attributes, a repr with an address)
makes that page render every time too: a wrong page is never kept.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import pickle
import types
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateNotFound, meta, nodes
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from multilingual import build_state

# Attributes of a content item that are not what it shows: the shared
# context and settings (the world has them) and its body (the page's own
# item only).
_NOT_ITEM_DATA = {"_context", "settings", "_content", "content"}
# A template that reads these of a loop's item shows other items' bodies.
BODY_ATTRIBUTES = {"content", "get_content", "_content"}


_PLAIN = {type(None), bool, int, float, str, bytes}
_CODE = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)


class Unstable(Exception):
    """A value without a stable description: the page is rendered."""


class Encoder:
    """Stable bytes for the values a page is made from, memoized by identity
    for the build (the same lists and objects are in every page's context).

    A content item met inside a value is its source path: what every item
    shows (all but its body) is in the world key, which every page's key
    holds. An item outside the world adds its own data."""

    def __init__(self, settings: dict[str, Any], items: Iterable[Content]):
        self.settings = settings
        self.known: dict[int, bytes] = {}
        self.keep: list[Any] = []  # ids stay valid while memoized
        self.stack: set[int] = set()
        self.cut: set[int] = set()  # objects a cycle led back to
        self.world_items = {id(item): item for item in items}
        self.data: dict[int, bytes] = {}

    def item_data(self, item: Content) -> bytes:
        """All an item shows but its body: metadata, address, translations
        (as paths), summary..."""
        if id(item) not in self.data:
            fields = {k: v for k, v in vars(item).items() if k not in _NOT_ITEM_DATA}
            self.data[id(item)] = self.value(fields)
            self.keep.append(item)
        return self.data[id(item)]

    def item(self, item: Content, body: bool = False) -> bytes:
        """A page's own item (`body`: with its body as the page shows it)."""
        digest = hashlib.sha256(item.source_path.encode("utf-8", "surrogatepass"))
        digest.update(self.item_data(item))
        if body:
            digest.update(item.content.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def value(self, value: Any) -> bytes:
        if type(value) in _PLAIN:
            return repr(value).encode("utf-8", "surrogatepass")
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            return repr(value).encode()
        if isinstance(value, Content):
            path = b"C" + value.source_path.encode("utf-8", "surrogatepass")
            if id(value) in self.world_items:
                return path
            if id(value) in self.stack:
                self.cut.add(id(value))
                return path
            self.stack.add(id(value))
            try:
                return path + self.item_data(value)
            finally:
                self.stack.discard(id(value))
                self.cut.discard(id(value))
        if value is self.settings:
            return b"SETTINGS"
        key = id(value)
        if key in self.known:
            return self.known[key]
        if key in self.stack:
            self.cut.add(key)
            return b"CYCLE"
        self.stack.add(key)
        try:
            encoded = self._container(value)
        finally:
            self.stack.discard(key)
            self.cut.discard(key)
        if self.cut:
            # A cycle back to an object still being described was cut here:
            # this value alone does not say all it leads to, so it is not
            # reused for a page that reaches it by another way.
            return encoded
        self.known[key] = encoded
        self.keep.append(value)
        return encoded

    def _container(self, value: Any) -> bytes:
        digest = hashlib.sha256(type(value).__qualname__.encode())
        if isinstance(value, _CODE):
            # Code is in the world; a bound method reads its object, a
            # closure the values it captured.
            digest.update(getattr(value, "__qualname__", "").encode())
            owner = getattr(value, "__self__", None)
            if owner is not None and not isinstance(owner, types.ModuleType):
                digest.update(self.value(owner))
            for cell in getattr(value, "__closure__", None) or ():
                try:
                    digest.update(self.value(cell.cell_contents))
                except ValueError:  # a cell not filled yet
                    digest.update(b"EMPTY")
        elif isinstance(value, URLWrapper):
            digest.update(str(value).encode("utf-8", "surrogatepass"))
        elif isinstance(value, dict):
            for k, v in sorted(value.items(), key=lambda kv: repr(kv[0])):
                digest.update(self.value(k) + b"=" + self.value(v) + b";")
        elif isinstance(value, (list, tuple)):
            for entry in value:
                digest.update(self.value(entry) + b",")
        elif isinstance(value, (set, frozenset)):
            for entry in sorted(self.value(entry) for entry in value):
                digest.update(entry + b",")
        elif hasattr(value, "__dict__") or hasattr(value, "__slots__"):
            fields = dict(getattr(value, "__dict__", {}))
            for slot in getattr(type(value), "__slots__", ()):
                if hasattr(value, slot):
                    fields[slot] = getattr(value, slot)
            if not fields:
                raise Unstable(type(value).__qualname__)
            digest.update(self.value(fields))
        else:
            text = repr(value)
            if " at 0x" in text:
                raise Unstable(type(value).__qualname__)
            digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.digest()


# Markdown files are read into items (their data and bodies are keyed);
# every other content file (photos, tags.yml) is keyed by its bytes.
MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")


def _file_digest(path: str) -> bytes:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.digest()


def _tree_digest(digest: Any, folder: str) -> None:
    for where, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(where, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
            digest.update(_file_digest(path))


def world_key(settings: dict[str, Any], encoder: Encoder, extra: Any = None) -> bytes:
    """Everything every page may depend on, bodies aside: settings, theme
    and plugin files, library versions, content files other than Markdown
    (photos, data files), every item's data, and `extra` (what plugins
    worked out, such as the assets' hashed names)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    plain = {k: v for k, v in settings.items() if k != "BUILD_STATE"}
    digest.update(
        json.dumps(plain, sort_keys=True, default=lambda v: repr(type(v))).encode()
    )
    for folder in [settings["THEME"], *settings.get("PLUGIN_PATHS", [])]:
        _tree_digest(digest, folder)
    for package in ("pelican", "jinja2", "babel", "markupsafe"):
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{package}={version(package)}".encode())
    content = settings["PATH"]
    for where, dirs, files in os.walk(content):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(MARKDOWN):
                path = os.path.join(where, name)
                digest.update(os.path.relpath(path, content).encode() + b"\0")
                digest.update(_file_digest(path))
    items = sorted(encoder.world_items.values(), key=lambda item: item.source_path)
    for item in items:
        digest.update(encoder.item(item))
    digest.update(encoder.value(extra))
    return digest.digest()


def bodies_key(encoder: Encoder) -> bytes:
    """Every item's body: for the pages whose template shows other items'."""
    digest = hashlib.sha256()
    items = sorted(encoder.world_items.values(), key=lambda item: item.source_path)
    for item in items:
        digest.update(item.content.encode("utf-8", "surrogatepass") + b"\0")
    return digest.digest()


class Templates:
    """What a template, with those it extends, includes and imports, can
    read: the context names (None: any, a template named at render time)
    and whether it shows the body of an item other than a context value
    (`{{ item.content }}` in a loop). Parsing the theme takes a second, so
    what each template's source reads is kept in the cache by its digest."""

    def __init__(self, environment: Any, known: dict[str, Any]):
        self.environment = environment
        self.known = known  # {digest of a source: [names, bodies, referenced]}
        # None: a template whose source cannot be had (see _reads).
        self.found: dict[str, tuple[frozenset[str] | None, bool] | None] = {}

    def reads(self, name: str) -> tuple[frozenset[str] | None, bool]:
        if name not in self.found:
            self.found[name] = (frozenset(), False)  # one that includes itself
            try:
                self.found[name] = self._reads(name)
            except Unstable:
                self.found[name] = None
        found = self.found[name]
        if found is None:
            raise Unstable(name)
        return found

    def _reads(self, name: str) -> tuple[frozenset[str] | None, bool]:
        loader = self.environment.loader
        try:
            source, _file, _uptodate = loader.get_source(self.environment, name)
        except (AttributeError, TemplateNotFound):
            # Not the theme's (a template made from a string): its source is
            # in no key, so its pages are rendered every time.
            raise Unstable(name) from None
        digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        if digest not in self.known:
            tree = self.environment.parse(source)
            own = set(meta.find_undeclared_variables(tree))
            bodies = any(
                node.attr in BODY_ATTRIBUTES
                and not (isinstance(node.node, nodes.Name) and node.node.name in own)
                for node in tree.find_all(nodes.Getattr)
            )
            referenced = list(meta.find_referenced_templates(tree))
            self.known[digest] = [sorted(own), bodies, referenced]
        own_names, bodies, referenced = self.known[digest]
        names: set[str] | None = set(own_names)
        for other in referenced:
            found, other_bodies = self.reads(other) if other else (None, True)
            bodies = bodies or other_bodies
            names = None if names is None or found is None else names | found
        return (None if names is None else frozenset(names)), bodies


# Index files kept (one per output folder: development, production, a
# test's); the blobs any of them names are kept.
KEEP_INDEXES = 4


@dataclass(frozen=True)
class Page:
    """What one call to the writer made: files (path in the output, digest
    of the bytes) and the files plugins published for it (cached, target)."""

    files: list[tuple[str, str]]
    needs: list[tuple[str, str]]


class PageMemo:
    """{key: [(output path relative to the output, blob digest)]} for one
    output folder; the blobs (the pages' bytes, named by their digest) in
    CACHE_PATH/pages, hard-linked into the output."""

    def __init__(self, settings: dict[str, Any], output: str):
        self.output = output
        self.folder = os.path.join(settings["CACHE_PATH"], "pages")
        which = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
        self.index_path = os.path.join(self.folder, f"index-{which}.pickle")
        self.entries: dict[str, Page] = _load(self.index_path)

    def blob(self, digest: str) -> str:
        return os.path.join(self.folder, digest[:2], digest[2:])

    def get(self, key: str) -> Page | None:
        """The page kept under key, if its files and those it needs are
        still in the cache."""
        page = self.entries.get(key)
        if page is None:
            return None
        blobs = [self.blob(digest) for _name, digest in page.files]
        if not all(
            os.path.exists(path) for path in blobs + [c for c, _t in page.needs]
        ):
            return None
        return page

    def put(self, files: list[tuple[str, str]]) -> None:
        """Keep the files just written (in the output) as blobs; a page that
        cannot be kept (no hard links here) is rendered next time."""
        for name, digest in files:
            blob = self.blob(digest)
            if os.path.exists(blob):
                continue
            os.makedirs(os.path.dirname(blob), exist_ok=True)
            temporary = f"{blob}.{os.getpid()}.tmp"
            try:
                os.link(os.path.join(self.output, name), temporary)
            except OSError:
                continue
            os.replace(temporary, blob)

    def save(self, used: dict[str, Page]) -> None:
        """This build's index; blobs no kept index names leave the cache."""
        os.makedirs(self.folder, exist_ok=True)
        temporary = f"{self.index_path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            pickle.dump(used, handle, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.index_path)
        indexes = sorted(
            (e for e in os.scandir(self.folder) if e.name.startswith("index-")),
            key=lambda entry: entry.stat().st_mtime_ns,
            reverse=True,
        )
        for entry in indexes[KEEP_INDEXES:]:
            os.remove(entry.path)
        wanted = set()
        for entry in indexes[:KEEP_INDEXES]:
            for page in _load(entry.path).values():
                wanted.update(digest for _name, digest in page.files)
        for sub in os.scandir(self.folder):
            if sub.is_dir():
                for entry in os.scandir(sub.path):
                    if sub.name + entry.name not in wanted:
                        os.remove(entry.path)


def _load(path: str) -> dict[str, Page]:
    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
    except (OSError, EOFError, pickle.PickleError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


# Arguments of Pelican's Writer.write_file that are not template variables.
WRITER_ARGUMENTS = (
    "relative_urls",
    "paginated",
    "template_name",
    "override_output",
    "url",
)


def page_keys(writer: Any, queue: list) -> list[str | None]:
    """A key per page the writer was asked for (None: render it, always)."""
    settings = writer.settings
    state = build_state(settings)
    items: dict[int, Content] = {}
    for generator in state.generators or []:
        for value in vars(generator).values():
            if isinstance(value, list):
                for entry in value:
                    if isinstance(entry, Content):
                        items[id(entry)] = entry
    encoder = Encoder(settings, items.values())
    try:
        world = world_key(settings, encoder, state.data.get("asset_names"))
    except Unstable:
        return [None] * len(queue)
    bodies: bytes | None = None
    templates: dict[int, Templates] = {}
    analysed = os.path.join(settings["CACHE_PATH"], "fast_build-templates.json")
    known = _load_json(analysed)
    count = len(known)
    keys: list[str | None] = []
    for args, kwargs, _source in queue:
        name, template, context, *rest = args
        environment = template.environment
        reader = templates.setdefault(id(environment), Templates(environment, known))
        digest = hashlib.sha256(world)
        try:
            names, reads_bodies = reader.reads(template.name)
            if reads_bodies:
                bodies = bodies if bodies is not None else bodies_key(encoder)
                digest.update(bodies)
            digest.update(encoder.value([name, template.name, rest]))
            local = dict(context)
            for argument in WRITER_ARGUMENTS:
                digest.update(encoder.value(kwargs.get(argument)))
            local.update((k, v) for k, v in kwargs.items() if k not in WRITER_ARGUMENTS)
            wanted = sorted(local) if names is None else sorted(names & set(local))
            for variable in wanted:
                value = local[variable]
                if variable in settings and settings[variable] is value:
                    continue  # in the world
                digest.update(variable.encode() + b"=")
                if isinstance(value, Content):
                    digest.update(encoder.item(value, body=True))
                else:
                    digest.update(encoder.value(value))
        except Unstable:
            keys.append(None)
            continue
        keys.append(digest.hexdigest())
    if len(known) != count:
        os.makedirs(settings["CACHE_PATH"], exist_ok=True)
        with open(f"{analysed}.{os.getpid()}.tmp", "w", encoding="utf-8") as handle:
            json.dump(known, handle)
        os.replace(f"{analysed}.{os.getpid()}.tmp", analysed)
    return keys


def _load_json(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
