"""Build step beyond pyproject.toml: the wheel's compiled catalogues.

Everything else about the package is declared in pyproject.toml. Here ``build_py`` also
writes each app's share of ``locale/`` into the build folder (wheel_catalogues.py says
why), so ``pip wheel .`` and ``python -m build`` both give a wheel that speaks all
fourteen languages without ``compilemessages`` on the host, and the admin's own Swedish
(``multilingual/admin_locale/``) compiled.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from wheel_catalogues import compile_admin_locale, write_app_catalogues  # noqa: E402


class BuildPyWithCatalogues(build_py):
    def run(self):
        super().run()
        if not self.editable_mode:  # an editable install runs from the folder, like `make run`
            written = write_app_catalogues(HERE / "locale", Path(self.build_lib))
            if not written:
                raise SystemExit(
                    "No catalogues found in locale/: the wheel would have no translations."
                )
            if not compile_admin_locale(HERE, Path(self.build_lib)):
                raise SystemExit(
                    "No catalogues in multilingual/admin_locale/: the admin would be half English."
                )


setup(cmdclass={"build_py": BuildPyWithCatalogues})
