"""What the app-server tests of tests/scale/ share: the project folder, a GET to one
server, and the text of a PDF."""

import subprocess
import uuid
from urllib.request import Request, urlopen

from tests.services import HOST


def get(port, path):
    with urlopen(
        Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST}), timeout=120
    ) as response:
        return response.status, dict(response.headers), response.read()


def pdf_text(data, folder):
    path = folder / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
