"""Debian's Chromium, as the browser tests and `invoke budget` launch it:
never a browser downloaded at run time."""

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
