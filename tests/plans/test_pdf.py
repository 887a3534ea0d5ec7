"""The plan as a PDF opens, carries the plan's text as extractable text and embeds its
fonts; it is made without fetching anything from another host."""

import subprocess

import pytest

pytestmark = pytest.mark.django_db


def pdf_of(client, plan, tmp_path):
    response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    path = tmp_path / "plan.pdf"
    path.write_bytes(response.content)
    return path


def test_plan_pdf_has_text_and_embedded_fonts(client, demo_plans, tmp_path):
    plan = demo_plans["sodertalje-vinr-hrv-pom"]
    path = pdf_of(client, plan, tmp_path)
    assert path.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Handlingsplan mot våld i nära relation" in flat
    assert "Kommunen arbetar våldsförebyggande" in flat
    assert "1:6" in flat and "Orange Week" in flat
    assert "Kultur- och fritidsnämnderna" in flat
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    for row in rows:
        # columns: name type encoding emb sub uni object ID
        assert " yes " in row.split(None, 3)[-1] or row.split()[-5] == "yes", fonts
    assert all(row.split()[-5] == "yes" for row in rows), fonts


def test_arabic_plan_pdf_has_arabic_text(client, demo_plans, tmp_path):
    from tests.helpers.plans import translate_plan

    plan = demo_plans["vingaker-hrv"]
    translated = translate_plan(plan, "ar", "خطة عمل ضد العنف والقمع المرتبطين بالشرف")
    path = pdf_of(client, translated, tmp_path)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in text)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "Arabic" in fonts
