"""Latency and throughput under load: wrk on loopback against gunicorn with the production
settings, for each page uncached, cached (when the page cache exists), and a static file
of the same size through the same server (the floor), measured right before the page.

``BENCH_SECONDS`` (default 30) is the duration of each wrk run; ``BENCH_CONNECTIONS``
(default 4) its connections. The site is the demo content plus a generated plan of
``BENCH_MEASURES`` (default 50) measures, in a database under ``var/bench/`` (SQLite) or
``BENCH_DATABASE_URL`` (e.g. a PostgreSQL database of its own, emptied first).
"""

import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import ROOT

HERE = Path(__file__).resolve().parent
WORK = ROOT / "var" / "bench"
PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
MEASURES = int(os.environ.get("BENCH_MEASURES", "50"))
WORKERS = os.cpu_count() or 2


def database_url():
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{WORK / 'db.sqlite3'}"


def prepare():
    """(In a process of its own, development settings.) Migrate, load the demo, add the plan."""
    from common import import_generated_plan, page_urls, setup_django

    setup_django("website.settings.dev")
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    plan = import_generated_plan(MEASURES, key=f"bench-{MEASURES}")
    urls = page_urls(plan)
    urls[f"plan page ({MEASURES} measures)"] = urls.pop("plan page")
    urls[f"measure list ({MEASURES})"] = urls.pop("measure list")
    print(json.dumps(urls))


def server_env(cached):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": "bench-only-" + "x" * 40,
            "DATABASE_URL": database_url(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(WORK / "static"),
            "MEDIA_ROOT": str(WORK / "media"),
            "PAGE_CACHE_ENABLED": "true" if cached else "false",
            "LOG_LEVEL": "ERROR",
        }
    )
    env.pop("REDIS_URL", None)  # the local memory cache: nothing but this machine
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with the production settings, one worker per core, on a free loopback port."""

    def __init__(self, cached):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "website.wsgi:application",
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=server_env(cached),
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/sv/", timeout=5)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not answer")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read()


def wrk(url):
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(2, CONNECTIONS)}",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / "wrk_report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"BENCH (.*)", result.stdout)
    figures = dict(item.split("=") for item in match.group(1).split())
    figures = {key: int(value) for key, value in figures.items()}
    return {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50": figures["p50_us"] / 1000,
        "p95": figures["p95_us"] / 1000,
        "errors": figures["errors"],
    }


def main():
    if not shutil.which("wrk"):
        raise SystemExit(
            "wrk is missing: install it with `apt-get install wrk` (Debian), then run `make bench` again."
        )
    WORK.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("BENCH_DATABASE_URL"):
        (WORK / "db.sqlite3").unlink(missing_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "VAR_DIR": str(WORK),
        "MEDIA_ROOT": str(WORK / "media"),
    }
    if os.environ.get("BENCH_DATABASE_URL"):
        subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), "flush", "--noinput"],
            env={**env, "DJANGO_SETTINGS_MODULE": "website.settings.dev"},
            cwd=ROOT,
            check=True,
        )
    prepared = subprocess.run(
        [PYTHON, str(Path(__file__).resolve()), "prepare"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    urls = json.loads(prepared.stdout.strip().splitlines()[-1])
    shutil.rmtree(WORK / "static", ignore_errors=True)
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput", "--verbosity", "0"],
        env=server_env(False),
        cwd=ROOT,
        check=True,
    )

    # The floor: a static file of each page's size, served by the same gunicorn/WhiteNoise
    # (WhiteNoise reads the files at start, so they are written before the server runs).
    server = Server(cached=False)
    sizes = {}
    try:
        for name, url in urls.items():
            status, body = fetch(server.base + url)
            if status != 200:
                raise SystemExit(f"{name} {url}: HTTP {status}")
            sizes[name] = len(body)
    finally:
        server.stop()
    floor_dir = WORK / "static" / "bench-floor"
    floor_dir.mkdir(parents=True, exist_ok=True)
    for index, size in enumerate(sizes.values()):
        (floor_dir / f"page-{index}.html").write_bytes(b"x" * size)

    # Each page is measured right after its floor, on the same server: this machine's speed
    # drifts from one minute to the next, and a floor measured minutes earlier would put
    # that drift into the ratio.
    modes = ["uncached"]
    page_cache = importlib.util.find_spec("website.page_cache") is not None
    if page_cache:
        modes.append("cached")
    results = {}
    for mode in modes:
        server = Server(cached=(mode == "cached"))
        try:
            for index, (name, url) in enumerate(urls.items()):
                floor = f"/static/bench-floor/page-{index}.html"
                fetch(server.base + floor)
                results[(mode, "floor", name)] = wrk(server.base + floor)
                fetch(server.base + url)  # warm (and, cached, fill the cache)
                results[(mode, "page", name)] = wrk(server.base + url)
        finally:
            server.stop()

    print(
        f"wrk -t{min(2, CONNECTIONS)} -c{CONNECTIONS} -d{SECONDS}s --timeout 10s on loopback; gunicorn, {WORKERS} workers, production settings; "
        "each page right after its floor (a static file of its size through the same server), ratio = the page's figure against that floor"
    )
    print()
    floors = " / ".join(modes)
    header = f"| page | size | floor req/s ({floors}) | floor p50 ms ({floors}) |"
    line = "|---|---|---|---|"
    for mode in modes:
        header += f" {mode} req/s (floor ÷) | {mode} p50 / p95 ms (÷ floor p50) |"
        line += "---|---|"
    print(header)
    print(line)
    errors = 0
    for name in urls:
        floor = {mode: results[(mode, "floor", name)] for mode in modes}
        floor_rps = " / ".join(f"{floor[m]['rps']:.0f}" for m in modes)
        floor_p50 = " / ".join(f"{floor[m]['p50']:.1f}" for m in modes)
        row = f"| {name} | {sizes[name] / 1024:.1f} kB | {floor_rps} | {floor_p50} |"
        for mode in modes:
            r, f = results[(mode, "page", name)], floor[mode]
            row += f" {r['rps']:.0f} (1/{f['rps'] / r['rps']:.1f}) | {r['p50']:.1f} / {r['p95']:.1f} ({r['p50'] / f['p50']:.1f}x) |"
        print(row)
        errors += sum(
            results[(mode, kind, name)]["errors"] for mode in modes for kind in ("floor", "page")
        )
    print()
    print(f"Errors (connect, read, write, timeout, non-2xx) in all runs: {errors}.")
    if not page_cache:
        print("Cached: not measured — this version has no page cache (website/page_cache.py).")


if __name__ == "__main__":
    if sys.argv[1:] == ["prepare"]:
        prepare()
    else:
        main()
