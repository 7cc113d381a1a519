"""Console render benchmark (issue 17): server time and page weight of every console page on the demo data.

Signs in as each role over HTTP (cookies and form tokens as a browser sends them), fetches each
page `--requests` times one after another on a warm server, and reports per page the median and
95th percentile of the time to the last byte (on 127.0.0.1, so it bounds the server's time from
above), and the page's whole weight: its HTML with the stylesheet, the script and the images it
loads. Any reference to another site counts as a failure. The whole run is repeated `--runs`
times and the median of the runs' p95 is what is compared with the target.
"""
import argparse
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

TARGET_MS, TARGET_BYTES = 30.0, 100_000
PASSWORD = "lianjian-demo"


class Session:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=30) as r:
                return r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read(), e.headers

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self.opener.open(request, timeout=30) as r:
                return r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read(), e.headers


def csrf(html):
    m = re.search(rb'name="_csrf" value="([^"]+)"', html)
    return m.group(1).decode() if m else ""


def sign_in(base, login):
    s = Session(base)
    _, page, _ = s.get("/login")
    status, _, _ = s.post("/login", {"_csrf": csrf(page), "login": login, "password": PASSWORD})
    if status != 303:
        sys.exit(f"console-bench: signing in as {login} answered {status}")
    return s


def first_link(s, path, pattern):
    _, html, _ = s.get(path)
    m = re.search(pattern, html)
    return m.group(1).decode() if m else None


def weight(s, html):
    """The page's bytes with what it loads from this site; any other site's URL is returned too."""
    total, external = len(html), []
    for m in re.finditer(rb'(?:src|href)="([^"#]+)"', html):
        url = m.group(1).decode()
        if url.startswith(("http://", "https://", "//")):
            external.append(url)
    for m in re.finditer(rb'<(?:link rel="stylesheet"|script|img)[^>]*(?:href|src)="(/[^"]+)"', html):
        status, body, _ = s.get(m.group(1).decode().replace("&amp;", "&"))
        total += len(body) if status == 200 else 0
    return total, external


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", required=True)
    p.add_argument("--requests", type=int, default=100)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()

    organiser, admin, liaison = sign_in(a.base, "xiangyuanjie"), sign_in(a.base, "admin"), sign_in(a.base, "tcm-hospital")
    # The demo's busiest week (its roster starts next Monday) and its pages by id.
    _, week, _ = organiser.get("/week")
    nxt = re.search(rb'href="(/week\?start=[0-9-]+)">[^<]*\xe4\xb8\x8b\xe4\xb8\x80\xe5\x91\xa8', week)
    week_path = nxt.group(1).decode() if nxt else "/week"
    event = first_link(organiser, week_path, rb'href="(/events/[0-9a-f-]{36})"')
    ershilipu = sign_in(a.base, "ershilipu")
    facility = first_link(ershilipu, "/facilities", rb'href="(/facilities/[0-9a-f-]{36})"')
    pages = [
        ("login", Session(a.base), "/login"),
        ("week (60 residents' film)", organiser, week_path),
        ("event page", organiser, event),
        ("event sheet", organiser, (event or "") + "/sheet"),
        ("plans", organiser, "/plans"),
        ("residents (60)", organiser, "/residents"),
        ("car park day", ershilipu, facility),
        ("runs", organiser, "/runs"),
        ("outbox", organiser, "/outbox"),
        ("unit (liaison)", liaison, "/unit"),
        ("accounts", admin, "/admin/accounts"),
        ("tokens", admin, "/admin/tokens"),
        ("audit log", admin, "/admin/audit"),
    ]
    results = {}
    for run in range(a.runs):
        for name, session, path in pages:
            if not path:
                sys.exit(f"console-bench: the demo has no page for {name}")
            for _ in range(5):
                session.get(path)
            times = []
            for _ in range(a.requests):
                t0 = time.perf_counter()
                status, body, _ = session.get(path)
                times.append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    sys.exit(f"console-bench: {path} answered {status}")
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            results.setdefault(name, []).append((statistics.median(times), p95))
    failed = False
    print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'weight kB':>10}  external")
    for name, session, path in pages:
        runs = results[name]
        median = statistics.median(r[0] for r in runs)
        p95 = statistics.median(r[1] for r in runs)
        _, html, _ = session.get(path)
        total, external = weight(session, html)
        over = p95 > TARGET_MS or total > TARGET_BYTES or external
        failed |= bool(over)
        print(f"{name:28} {median:10.2f} {p95:8.2f} {total / 1000:10.1f}  {len(external)}{'  OVER TARGET' if over else ''}")
    print(f"({a.runs} runs × {a.requests} requests per page; p95 is the median of the runs' p95; "
          f"targets p95 ≤ {TARGET_MS:.0f} ms and weight ≤ {TARGET_BYTES // 1000} kB with no external requests)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
