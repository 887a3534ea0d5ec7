"""Run every benchmark in bench/ and print its numbers.

Each ``bench/*_bench.py`` module has a ``main()`` that prints what it measured.
"""

import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))  # bench/common.py
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")


def main():
    modules = sorted(HERE.glob("*_bench.py"))
    if not modules:
        print("no benchmarks")
        return
    for path in modules:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}")
        module.main()


if __name__ == "__main__":
    main()
