"""asset_pipeline's settings, with their defaults."""

from __future__ import annotations

from typing import Any

from multilingual import Table

SETTINGS: dict[str, Any] = {
    # Theme CSS, JS and fonts get content-hashed names (site.3f9a1c2b.css),
    # cached a year by hosts; these extensions.
    "ASSET_FINGERPRINT": True,
    "ASSET_EXTENSIONS": (".css", ".js", ".woff2", ".woff"),
    # Addresses (fnmatch patterns) holding only content-hashed files (photo
    # copies, social cards): cached a year.
    "IMMUTABLE_PATHS": ["/images/sized/*", "/images/social/*"],
    # .br and .gz copies of text files (production builds).
    "PRECOMPRESS": False,
    # The Content-Security-Policy of every page (directive -> sources),
    # written into output/_headers; deploy/nginx.conf holds the same.
    # frame-src: the video hosts pages may embed (VIDEO_HOSTS).
    "CONTENT_SECURITY_POLICY": Table(
        {
            "default-src": "'self'",
            "script-src": "'self' 'wasm-unsafe-eval'",  # Pagefind's WebAssembly
            "style-src": "'self'",
            "img-src": "'self' data:",
            "font-src": "'self'",
            "connect-src": "'self'",
            "media-src": "'self'",
            "frame-src": "https://www.youtube-nocookie.com https://player.vimeo.com",
            "object-src": "'none'",
            "base-uri": "'self'",
            "form-action": "'self'",
            "frame-ancestors": "'none'",
        }
    ),
    # Other headers of every page (name -> value).
    "SECURITY_HEADERS": Table(
        {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Permissions-Policy": (
                "camera=(), microphone=(), geolocation=(), payment=()"
            ),
            "Cross-Origin-Opener-Policy": "same-origin",
        }
    ),
    # Headers of some addresses only, replacing those of every page there.
    "PATH_HEADERS": Table(),
}
