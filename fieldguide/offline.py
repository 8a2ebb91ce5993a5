"""Zip the offline edition: ``python -m fieldguide.offline SITE_DIR ZIP_PATH``.

The zip holds one folder, ``a-field-guide-to-asyncio/``; a reader unzips it and
opens ``index.html`` in a browser, with no server and no network.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FOLDER = "a-field-guide-to-asyncio"


def make_zip(site: Path, target: Path) -> int:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} holds no built site (no index.html): run the build")
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
