"""``make bench``: every benchmark, printed, and written into docs/performance.md.

Sections (each a script of its own, in a process of its own):
1. ``queries_bench.py`` — SQL queries per request at 10 and at 500 measures;
2. ``load_bench.py`` — wrk against gunicorn (production settings): each page uncached,
   cached, and the static-file floor of the same size;
3. ``files_bench.py`` — time and peak memory of a plan import and an Arabic brochure PDF;
4. ``routing_bench.py`` — uncached p50 per page with and without the per-publication
   memos in front of Wagtail's routing (``website.middleware``), in one process.

``BENCH_SECONDS=5 make bench`` for a quick try (30 s per wrk run otherwise);
``BENCH_ONLY=queries,files`` runs some sections only. Each section's figures go between
its own ``bench:<name>`` markers in docs/performance.md; the rest of that file is left
as written.
"""

import datetime
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOC = ROOT / "docs" / "performance.md"

SECTIONS = [
    ("queries", "SQL queries per request", "queries_bench.py"),
    ("load", "Latency and throughput against the static floor", "load_bench.py"),
    ("files", "Plan import and brochure PDF", "files_bench.py"),
    ("routing", "Uncached p50 with and without the routing and site memos", "routing_bench.py"),
]


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def database():
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if url.startswith("postgres"):
        return "PostgreSQL (" + re.sub(r"//[^@]*@", "//", url) + ")"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def run_section(script):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test", "PYTHONPATH": str(ROOT)}
    if os.environ.get("BENCH_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    result = subprocess.run(
        [sys.executable, str(HERE / script)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    print(result.stdout, flush=True)
    if result.returncode:
        raise SystemExit(f"{script} failed (exit {result.returncode})")
    return result.stdout.strip()


def replace_section(text, name, body):
    """``text`` with the figures of section ``name`` replaced (or added at the end)."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{body}\n{end}"
    if start in text and end in text:
        return text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    if "## Latest figures (`make bench`)" not in text:
        text = text.rstrip("\n") + "\n\n## Latest figures (`make bench`)\n"
    return text.rstrip("\n") + "\n\n" + block + "\n"


def main():
    only = {name for name in os.environ.get("BENCH_ONLY", "").split(",") if name}
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    settings = [
        f"{k}={os.environ[k]}"
        for k in ("BENCH_SECONDS", "BENCH_ONLY", "BENCH_DATABASE_URL")
        if os.environ.get(k)
    ]
    made_by = (
        f"`{' '.join(settings + ['make bench'])}`, {now}: {os.cpu_count()} cores ({cpu_model()}), "
        f"Python {platform.python_version()}, {database()}, load average {load:.1f} at the start "
        "(other jobs on the same cores make every time longer)."
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    for name, title, script in SECTIONS:
        if only and name not in only:
            continue
        print(f"== {title}", flush=True)
        figures = run_section(script)
        # Each section is replaced on its own: BENCH_ONLY=load keeps the other figures.
        text = replace_section(text, name, f"### {title}\n\n{made_by}\n\n{figures}")
        DOC.write_text(text, encoding="utf-8")
    print(f"Written to {DOC.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
