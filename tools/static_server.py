"""A small local server that answers like the production host: the .br or .gz
copy when the browser accepts it, and the headers of output/_headers (the
Content-Security-Policy, a year's cache for fingerprinted files).

Used by `invoke audit`, so Lighthouse measures what visitors get. For local
checks only: deploy with nginx (deploy/nginx.conf) or a static host.
"""

from __future__ import annotations

import fnmatch
import functools
import http.server
import os
import threading
from pathlib import Path

ENCODINGS = [("br", ".br"), ("gzip", ".gz")]


def read_headers_file(root: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """output/_headers as [(URL pattern, [(name, value), ...]), ...]."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    path = root / "_headers"
    if not path.exists():
        return rules
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")):
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
        else:
            rules.append((line.strip(), []))
    return rules


class Handler(http.server.SimpleHTTPRequestHandler):
    rules: list[tuple[str, list[tuple[str, str]]]] = []

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        self._encoding = None
        for encoding, suffix in ENCODINGS:
            if encoding in accepted and os.path.isfile(path + suffix):
                self._encoding = (encoding, path + suffix)
                break
        if self._encoding is None or not self.path.split("?")[0].endswith(
            ("/", ".html", ".css", ".js", ".xml", ".svg", ".json", ".txt")
        ):
            self._encoding = None
            return super().send_head()
        encoding, file = self._encoding
        handle = open(file, "rb")  # noqa: SIM115 (the base class closes it)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(os.fstat(handle.fileno()).st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return handle

    def send_error(self, code: int, message=None, explain=None) -> None:  # noqa: ANN001
        """A missing page gets the site's "page not found" page: the one of
        the language its address starts with (/fr/...), else the root one."""
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        first = self.path.split("?")[0].lstrip("/").split("/")[0]
        for candidate in ([root / first / "404.html"] if first else []) + [
            root / "404.html"
        ]:
            if (
                candidate.resolve().is_relative_to(root.resolve())
                and candidate.is_file()
            ):
                return candidate
        return None

    def end_headers(self) -> None:
        url = self.path.split("?")[0]
        chosen: list[tuple[str, str]] = []
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(url, pattern):
                for name, value in headers:
                    if name.startswith("!"):  # "! Name": drop what came before
                        gone = name[1:].strip().lower()
                        chosen = [h for h in chosen if h[0].lower() != gone]
                    else:
                        chosen.append((name, value))
        for name, value in chosen:
            self.send_header(name, value)
        super().end_headers()


def start(root: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `root` in a background thread; return the server and its address."""
    handler = type("SiteHandler", (Handler,), {"rules": read_headers_file(root)})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
