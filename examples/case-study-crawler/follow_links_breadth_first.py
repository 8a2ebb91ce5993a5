"""Follow links breadth-first from one page, once each, on one host."""

import asyncio
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp
from site_with_faults import TestSite

PAGES = 30
CONCURRENCY = 5


# --8<-- [start:links]
class LinkParser(HTMLParser):
    """Collects the href of every <a> tag fed to it."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(
                value for name, value in attrs if name == "href" and value
            )


def links_in(html, base):
    """Absolute URLs of the page's links, without their #fragments."""
    parser = LinkParser()
    parser.feed(html)
    return [urldefrag(urljoin(base, href)).url for href in parser.hrefs]


# --8<-- [end:links]


async def fetch(session, limit, url):
    async with limit, session.get(url) as response:
        return await response.text()


def numbers(urls):
    """Page numbers, for a short line of output."""
    return " ".join(sorted((u.rsplit("/", 1)[1] for u in urls), key=int))


# --8<-- [start:crawl]
async def crawl(session, limit, start):
    home = urlsplit(start)[:2]  # scheme and host (with the port)
    seen = {start}  # every URL ever queued: none is fetched twice
    elsewhere = set()  # links off the site, never fetched
    level = [start]
    depth = 0
    while level:
        print(f"depth {depth}: {numbers(level)}")
        # The whole level at once (the semaphore bounds it), then the next.
        pages = await asyncio.gather(
            *(fetch(session, limit, url) for url in level)
        )
        found = []
        for url, html in zip(level, pages, strict=True):
            for link in links_in(html, url):
                if urlsplit(link)[:2] != home:
                    elsewhere.add(link)
                elif link not in seen:
                    seen.add(link)
                    found.append(link)
        level = found
        depth += 1
    return seen, elsewhere


# --8<-- [end:crawl]


async def main():
    async with TestSite(pages=PAGES, delay=0.05) as site:
        limit = asyncio.Semaphore(CONCURRENCY)
        async with aiohttp.ClientSession() as session:
            seen, elsewhere = await crawl(session, limit, site.page_url(0))
    print(
        f"reached {len(seen)} of the site's {PAGES} pages; "
        f"left alone {len(elsewhere)} links elsewhere"
    )
    print(
        f"site: {site.stats.requests} requests, "
        f"the most for one page: {max(site.stats.paths.values())}"
    )


if __name__ == "__main__":
    asyncio.run(main())
