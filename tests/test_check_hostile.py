"""Hostile and broken inputs: each exits 2 with a one-line message, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.check.readers import read_document
from agreementkit.check.readers.safety import parse_xml
from agreementkit.cli import main
from agreementkit.errors import InputError


def run(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(path)])
    return result.exit_code, result.output


def assert_clean_failure(path: Path, needle: str) -> None:
    code, output = run(path)
    assert code == 2, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith("error: ") and needle in lines[0].lower(), output
    assert "Traceback" not in output


def minimal_docx(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert_clean_failure(path, "empty")


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    assert_clean_failure(path, "damaged")


def test_truncated_real_docx(tmp_path: Path) -> None:
    data = minimal_docx(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert_clean_failure(path, "docx")


def test_zip_bomb_refused_before_unzipping(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (80 * 1024 * 1024))  # 80 MB of zeros → ~80 KB
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 1024 * 1024
    assert_clean_failure(path, "zip bomb")


def test_too_many_entries(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(2100):
            zf.writestr(f"x/{i}.xml", "")
    path = tmp_path / "many.docx"
    path.write_bytes(buf.getvalue())
    assert_clean_failure(path, "entries")


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><d>&b;</d>',
        b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://example.invalid/evil.dtd"><d/>',
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
    ],
)
def test_xml_with_dtd_or_entities_refused(tmp_path: Path, xml: bytes) -> None:
    path = tmp_path / "dtd.docx"
    path.write_bytes(minimal_docx(xml))
    assert_clean_failure(path, "dtd")


def test_parse_xml_refuses_doctype_directly() -> None:
    with pytest.raises(InputError, match="DTD"):
        parse_xml(b"<!DOCTYPE x><x/>", "test")


def test_zip_without_word_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    path = tmp_path / "other.docx"
    path.write_bytes(buf.getvalue())
    assert_clean_failure(path, "not a word document")


def test_encrypted_office_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert_clean_failure(path, "encrypted")


def _image_only_pdf(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (200, 280), "white").save(path, "PDF")


def test_image_only_pdf(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _image_only_pdf(path)
    assert_clean_failure(path, "no text layer")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "scan.pdf"
    _image_only_pdf(plain)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert_clean_failure(path, "encrypted")


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"nonsense" * 50)
    assert_clean_failure(path, "pdf")


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 10)
    assert_clean_failure(path, "binary")


def test_missing_file(tmp_path: Path) -> None:
    assert_clean_failure(tmp_path / "nope.docx", "no such")


def test_reader_raises_input_error_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError):
        read_document(path)
