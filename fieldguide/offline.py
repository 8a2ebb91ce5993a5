"""Finish and zip the offline edition: ``python -m fieldguide.offline SITE ZIP``.

The zip holds one folder, ``a-field-guide-to-asyncio/``; a reader unzips it and
opens ``index.html`` in a browser, with no server and no network. Before zipping,
the iframe-worker shim that mkdocs-offline.yml names (so that search works from
file://) is copied in from node_modules, where `npm ci` put it.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

FOLDER = "a-field-guide-to-asyncio"
ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_IN_SITE = Path("assets/javascripts/iframe-worker-shim.js")


def make_zip(site: Path, target: Path, shim: Path = SHIM) -> int:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} holds no built site (no index.html): run the build")
    if not shim.is_file():
        raise SystemExit(f"{shim} is missing: run `npm ci` (make does it for you)")
    (site / SHIM_IN_SITE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, site / SHIM_IN_SITE)
    target.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
                count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m fieldguide.offline SITE_DIR ZIP_PATH")
    files = make_zip(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[2]} ({files} files)")
