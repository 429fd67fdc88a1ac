"""Render static/favicon.svg to the PNG icons the pages and the web app manifest name.

Run once after changing the SVG (needs Chromium and Playwright, as the browser tests do):
    .venv/bin/python scripts/build_icons.py
The PNGs are committed, so neither the server nor `make run` needs a browser.
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SVG = (ROOT / "static" / "favicon.svg").read_text()
OUT = ROOT / "static" / "icons"
# name -> (size, background): iOS fills transparency with black, so its icon gets white
ICONS = {
    "icon-32.png": (32, None),
    "apple-touch-icon.png": (180, "#ffffff"),
    "icon-192.png": (192, None),
    "icon-512.png": (512, None),
}


def main():
    OUT.mkdir(exist_ok=True)
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, (size, background) in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = SVG.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(
                f"<html><body style='margin:0;background:{background or 'transparent'}'>"
                f"{svg}</body></html>"
            )
            page.screenshot(path=OUT / name, omit_background=background is None)
            page.close()
            print(f"{name}: {size}×{size}")
        browser.close()


if __name__ == "__main__":
    main()
