"""Time and peak memory: importing the Södertälje plan, and an Arabic brochure PDF.

Each measurement runs in a process of its own (``python bench/files_bench.py import``
or ``… pdf``), so the peak memory is that step's and not another's.
"""

import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, load_demo_site, peak_rss_mib, test_database

PLAN_FILE = ROOT / "website" / "demo" / "plans" / "sodertalje-vinr-hrv-pom.yaml"


def measure_import():
    with test_database():
        from plans.planfile import import_plan_file
        from plans.yamlfile import load_plan_yaml

        load_demo_site()
        before = peak_rss_mib()
        start = time.perf_counter()
        import_plan_file(load_plan_yaml(PLAN_FILE.read_text(encoding="utf-8")), publish=True)
        seconds = time.perf_counter() - start
        print(
            f"| import the Södertälje plan ({PLAN_FILE.name}, published) | {seconds:.2f} s | {peak_rss_mib():.0f} MiB (before: {before:.0f}) |"
        )


def measure_pdf():
    with test_database():
        from information.models import Brochure
        from information.pdf import BROCHURE_PDF

        load_demo_site()
        brochure = Brochure.objects.get(locale__language_code="ar", live=True)
        before = peak_rss_mib()
        start = time.perf_counter()
        data = BROCHURE_PDF.render(brochure)
        seconds = time.perf_counter() - start
        print(
            f"| Arabic brochure PDF, first render ({len(data) // 1024} KiB) | {seconds:.2f} s | {peak_rss_mib():.0f} MiB (before: {before:.0f}) |"
        )


def main():
    print("| what | time | peak memory of the process |")
    print("|---|---|---|")
    sys.stdout.flush()
    for step in ("import", "pdf"):
        subprocess.run([sys.executable, str(Path(__file__).resolve()), step], check=True)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        {"import": measure_import, "pdf": measure_pdf}[sys.argv[1]]()
    else:
        main()
