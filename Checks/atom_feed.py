#!/usr/bin/env python3
"""Reads diplomap's "What changed" feed with feedparser, as a feed reader would, and checks it is Atom.

    atom_feed.py URL

URL is a running server's /changes.atom with its filters. The feed must parse
without error as Atom 1.0 (feedparser's `bozo` flag clear, version `atom10`),
carry an id, a title, an update time and a self link, and hold at least one
entry, each with an id, a title, an update time, a link to the pair's page and
a summary; entry ids must be unique.
"""
import sys
import urllib.request

import feedparser


def main(url):
    with urllib.request.urlopen(url, timeout=120) as response:
        kind = response.headers.get("Content-Type", "")
        body = response.read()
    assert kind.startswith("application/atom+xml"), f"Content-Type is {kind!r}"
    feed = feedparser.parse(body, response_headers={"content-type": kind, "content-location": url})
    assert not feed.bozo, f"not well-formed: {feed.bozo_exception}"
    assert feed.version == "atom10", f"read as {feed.version!r}, not Atom 1.0"
    for field in ("id", "title", "updated"):
        assert feed.feed.get(field), f"the feed has no {field}"
    assert any(link.get("rel") == "self" for link in feed.feed.links), "the feed has no self link"
    assert feed.entries, "the feed has no entries"
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids), "entry ids repeat"
    for entry in feed.entries:
        for field in ("id", "title", "updated", "link", "summary"):
            assert entry.get(field), f"entry {entry.get('id')} has no {field}"
        assert "/dyad/" in entry.link, f"entry {entry.id} links to {entry.link}, not a pair's page"
    print(f"{url}: Atom 1.0, {len(feed.entries)} entries")


if __name__ == "__main__":
    main(sys.argv[1])
