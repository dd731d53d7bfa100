#!/usr/bin/env python3
"""The handbook in a real browser: Debian's chromium (installed when
missing) opens every page of the example handbook headless from file://;
no console errors, no broken internal link, no request leaving the folder;
screenshots of the front page, a team page and the swimlane diagram are
saved under the build tree (BATON_SCREENSHOTS)."""

import glob
import html.parser
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse

CLI = os.environ["BATON_CLI"]
SOURCE = os.environ["BATON_SOURCE_DIR"]
OUT = os.environ["BATON_HANDBOOK_OUT"]
SHOTS = os.environ["BATON_SCREENSHOTS"]
EXAMPLES = os.path.join(SOURCE, "examples", "born-unge")


def chromium():
    found = shutil.which("chromium")
    if not found:
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        found = shutil.which("chromium")
    return found


def browse(url, *extra):
    """Runs headless chromium on one URL with a fresh profile; returns its
    stderr log and the URLs of every request the page made (from the net log;
    file:// loads do not pass the network stack, so any URL there is one
    that left the folder)."""
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as logs:
        netlog = os.path.join(logs, "net.json")
        r = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                            "--log-net-log=" + netlog, *extra, url],
                           capture_output=True, text=True, timeout=120)
        urls = set()
        if os.path.exists(netlog):
            text = open(netlog, encoding="utf-8", errors="replace").read().rstrip().rstrip(",")
            if not text.endswith("}"):
                text += "]}"
            try:
                events = json.loads(text).get("events", [])
            except json.JSONDecodeError:
                events = []
            # The page's own requests carry its origin as initiator ("null"
            # for file://); the browser's background requests (updates,
            # accounts) say "not an origin" and are not the page's.
            for e in events:
                params = e.get("params") or {}
                if "url" in params and params.get("initiator", "not an origin") != "not an origin":
                    urls.add(params["url"])
        return r, urls


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a:
                self.hrefs.append(a[key])


class Browser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(OUT, ignore_errors=True)
        subprocess.run([CLI, "doc", os.path.join(EXAMPLES, "efter.json"), "-o", OUT, "--old",
                        os.path.join(EXAMPLES, "foer.json"), "--today", "2026-12-01"], check=True)
        cls.pages = sorted(glob.glob(os.path.join(OUT, "*.html")))

    def test_every_page_opens_cleanly(self):
        self.assertGreater(len(self.pages), 10)
        for page in self.pages:
            with self.subTest(os.path.basename(page)):
                r, urls = browse("file://" + page, "--dump-dom")
                self.assertEqual(r.returncode, 0, r.stderr[-2000:])
                self.assertIn("<main>", r.stdout)
                console = [l for l in r.stderr.splitlines() if "CONSOLE" in l]
                self.assertEqual(console, [])
                leaving = [u for u in urls if not u.startswith("file://" + OUT)]
                self.assertEqual(leaving, [])

    def test_no_broken_internal_link(self):
        ids = {}
        parsed = {}
        for page in self.pages:
            p = Links()
            p.feed(open(page, encoding="utf-8").read())
            ids[os.path.basename(page)] = p.ids
            parsed[os.path.basename(page)] = p.hrefs
        for name, hrefs in parsed.items():
            for href in hrefs:
                with self.subTest(page=name, href=href):
                    target = urllib.parse.urlparse(href)
                    self.assertEqual(target.scheme, "")
                    file = target.path or name
                    self.assertIn(file, ids)
                    if target.fragment:
                        self.assertIn(target.fragment, ids[file])

    def test_screenshots(self):
        os.makedirs(SHOTS, exist_ok=True)
        for page, size in [("index.html", "1280,1600"), ("team-modtagelse.html", "1280,1600"),
                           ("workflow.html", "1600,1100")]:
            shot = os.path.join(SHOTS, page.replace(".html", ".png"))
            if os.path.exists(shot):
                os.remove(shot)
            r, _ = browse("file://" + os.path.join(OUT, page), "--window-size=" + size, "--screenshot=" + shot)
            self.assertEqual(r.returncode, 0, r.stderr[-2000:])
            self.assertGreater(os.path.getsize(shot), 10000)
        # The whole diagram on its own: the Markdown form keeps it as an SVG file.
        markdown = OUT + "-markdown"
        shutil.rmtree(markdown, ignore_errors=True)
        subprocess.run([CLI, "doc", os.path.join(EXAMPLES, "efter.json"), "-o", markdown, "--format", "markdown",
                        "--today", "2026-12-01"], check=True)
        svg = os.path.join(markdown, "workflow.svg")
        width, height = (int(float(v)) for v in re.search(r'width="([0-9.]+)" height="([0-9.]+)"',
                                                            open(svg, encoding="utf-8").read()).groups())
        shot = os.path.join(SHOTS, "diagram.png")
        r, urls = browse("file://" + svg, "--window-size=%d,%d" % (width + 20, height + 20), "--screenshot=" + shot)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertEqual([l for l in r.stderr.splitlines() if "CONSOLE" in l], [])
        self.assertGreater(os.path.getsize(shot), 10000)


if __name__ == "__main__":
    unittest.main()
