"""The finished crawler, called in-process, on a site with every fault."""

import asyncio
import json
import os
import tempfile

from crawl import Options, crawl
from site_with_faults import Faults, TestSite

# Each kind of fault on 5% of requests: about 40% of first tries fail.
FAULTS = Faults(
    slow=0.05,
    error_500=0.05,
    rate_limited=0.05,
    unavailable=0.05,
    dropped=0.05,
    truncated=0.05,
    malformed=0.05,
    redirect=0.05,
    redirect_loop=0.05,
)
OPTIONS = Options(concurrency=5, timeout=1.0, retries=2, backoff=0.2, seed=1)


def read_lines(path):
    with open(path, encoding="utf-8") as file:
        return file.read().splitlines()


# --8<-- [start:main]
async def main():
    site = TestSite(pages=60, delay=0.05, faults=FAULTS, slow_delay=0.5)
    async with site:
        with tempfile.TemporaryDirectory() as folder:
            output = os.path.join(folder, "results.jsonl")
            summary = await crawl(site.page_url(0), OPTIONS, output)
            print(summary.report(timing=False))  # times vary run to run
            lines = read_lines(output)
            print(f"\n{len(lines)} lines in the file; the first is")
            # The site's port changes from run to run, and so does the
            # time a page took: leave them out.
            first = json.loads(lines[0].replace(site.url, ""))
            first["seconds"] = "..."
            print(json.dumps(first))
            again = await crawl(site.page_url(0), OPTIONS, output)
            print(f"\nrun again: {again.requests} requests")
    print(f"\nthe site {site.stats.report()}")
    print("\npages that took more than one try, or failed:")
    records = [json.loads(line) for line in lines]
    shown = set()
    for record in sorted(records, key=lambda r: int(r["url"].split("/")[-1])):
        kind = (record["outcome"], record["attempts"], record["reason"])
        if (record["attempts"] > 1 or record["reason"]) and kind not in shown:
            shown.add(kind)  # one of each kind is enough
            path = record["url"].removeprefix(site.url)
            line = (
                f"  {path:9} {record['outcome']:6} {record['status']!s:4}"
                f" attempts {record['attempts']}  {record['reason'] or ''}"
            )
            print(line.rstrip())


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
