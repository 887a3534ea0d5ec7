"""``make bench``: every benchmark, printed, and written into docs/performance.md.

Sections (each a script of its own, in a process of its own):
1. ``queries_bench.py`` — SQL queries per request at 10 and at 500 measures;
2. ``load_bench.py`` — wrk against gunicorn (production settings): each page uncached,
   cached, and the static-file floor of the same size;
3. ``files_bench.py`` — time and peak memory of a plan import and an Arabic brochure PDF.

``BENCH_SECONDS=5 make bench`` for a quick try (30 s per wrk run otherwise);
``BENCH_ONLY=queries,files`` runs some sections only. The figures go between the
``bench`` markers of docs/performance.md; the rest of that file is left as written.
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
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

SECTIONS = [
    ("queries", "SQL queries per request", "queries_bench.py"),
    ("load", "Latency and throughput against the static floor", "load_bench.py"),
    ("files", "Plan import and brochure PDF", "files_bench.py"),
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
    result = subprocess.run([sys.executable, str(HERE / script)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    print(result.stdout, flush=True)
    if result.returncode:
        raise SystemExit(f"{script} failed (exit {result.returncode})")
    return result.stdout.strip()


def main():
    only = {name for name in os.environ.get("BENCH_ONLY", "").split(",") if name}
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    parts = [
        f"Made by `{' '.join(f'{k}={os.environ[k]}' for k in ('BENCH_SECONDS', 'BENCH_ONLY', 'BENCH_DATABASE_URL') if os.environ.get(k))}"
        f"{' ' if any(os.environ.get(k) for k in ('BENCH_SECONDS', 'BENCH_ONLY', 'BENCH_DATABASE_URL')) else ''}make bench` on {now}: "
        f"{os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}, {database()}, "
        f"load average {load:.1f} when it started (other jobs on the same cores make every time longer).",
    ]
    for name, title, script in SECTIONS:
        if only and name not in only:
            continue
        print(f"== {title}", flush=True)
        parts.append(f"### {title}\n\n{run_section(script)}")
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
    block = f"{START}\n" + "\n\n".join(parts) + f"\n{END}"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Latest figures (`make bench`)\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(f"Written to {DOC.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
