"""The ``_headers`` file read by Netlify and Cloudflare Pages: security
headers for every response, and a one-year, immutable cache for files whose
name changes with their content (fingerprinted assets, photo derivatives,
social cards).

Both hosts give a response the headers of every rule it matches, joining
repeated names, so ``Cache-Control`` is set only on those files: pages keep
the hosts' default (revalidate on each visit), which is what HTML needs.
"""

from __future__ import annotations

import os

IMMUTABLE = "public, max-age=31536000, immutable"


def content_security_policy(policy: dict[str, str]) -> str:
    """The header value for a {directive: sources} setting."""
    return "; ".join(
        f"{directive} {sources}".strip() for directive, sources in policy.items()
    )


def write_headers_file(
    output: str,
    security: dict[str, str],
    immutable: list[str],
    by_path: dict[str, dict[str, str]] | None = None,
) -> str:
    """Write output/_headers; `immutable` are URL paths or `/folder/*` patterns;
    `by_path` gives some addresses headers that replace those of every page."""
    lines = ["# Written by the asset_pipeline plugin at each build.", "/*"]
    lines += [f"  {name}: {value}" for name, value in security.items()]
    for pattern, headers in (by_path or {}).items():
        lines.append(pattern)
        for name, value in headers.items():
            # "! Name" detaches the value of /* (Cloudflare Pages): hosts
            # would otherwise send both, and browsers enforce both policies.
            if name in security:
                lines.append(f"  ! {name}")
            lines.append(f"  {name}: {value}")
    for pattern in immutable:
        lines += [pattern, f"  Cache-Control: {IMMUTABLE}"]
    path = os.path.join(output, "_headers")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path
