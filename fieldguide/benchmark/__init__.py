"""The measurements behind the asyncio-vs-threading chapter (``make bench``).

Every figure on that page comes from ``benchmarks/results.json``, which
``python -m fieldguide.benchmark`` writes. Each measurement runs in a fresh
interpreter (``client``, ``idle``, ``switch``) against a server in another
process (``server``), all on 127.0.0.1; ``report`` turns the data into the
page's tables, figures and plots.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results.json"
CRAWLER_RESULTS = ROOT / "benchmarks" / "crawler.json"  # the crawler chapter's
SERVER_RESULTS = ROOT / "benchmarks" / "server.json"  # the server chapter's
