"""One page fetched with aiohttp from the chapter's test site."""

import asyncio
import re

import aiohttp
from site_with_faults import TestSite


def title_of(html):
    """The text of the page's <title>, or None."""
    found = re.search(r"<title>(.*?)</title>", html)
    return found and found.group(1)


def links_of(html):
    """Every href in the page, as written (a crawler would use a parser)."""
    return re.findall(r'href="([^"]*)"', html)


# --8<-- [start:main]
async def main():
    # The test site runs inside this program, on 127.0.0.1.
    async with TestSite(pages=10, delay=0.05) as site:
        session = aiohttp.ClientSession()
        async with session, session.get(site.page_url(0)) as response:
            html = await response.text()
        print(f"status: {response.status} {response.reason}")
        print(f"type: {response.headers['Content-Type']}")
        print(f"body: {len(html)} characters, title {title_of(html)!r}")
        print(f"links: {links_of(html)}")
    print(site.stats.report())


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
