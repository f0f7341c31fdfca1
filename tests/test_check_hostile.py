"""Hostile and broken inputs: each exits 2 with a one-line message, never a traceback."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agreementkit.check.readers import read_document
from agreementkit.check.readers.safety import parse_xml
from agreementkit.cli import main
from agreementkit.errors import InputError
from agreementkit.fileio.input import MAX_DOCUMENT_BYTES


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


# ---- issue 11: the hostile-input corpus of tests/data/hostile/check and the inputs made at run time ----

HOSTILE = Path(__file__).parent / "data" / "hostile" / "check"


def _corpus() -> list[dict[str, Any]]:
    from ruamel.yaml import YAML

    cases: list[dict[str, Any]] = YAML(typ="safe").load((HOSTILE / "cases.yaml").read_text(encoding="utf-8"))
    return cases


@pytest.mark.parametrize("case", _corpus(), ids=lambda c: str(c["name"])[:60])
def test_hostile_corpus_case(case: dict[str, Any], tmp_path: Path) -> None:
    """Each case of the corpus: its exit code, its message, no traceback, nothing written unless exit 0."""
    out = tmp_path / "out"
    out.mkdir()
    file = str(HOSTILE / case["file"]) if case["file"] else ""
    args = [str(a).replace("{file}", file).replace("{tmp}", str(out)) for a in case["args"]]
    result = CliRunner().invoke(main, args)
    output = result.output
    assert result.exit_code == case["exit"], output
    assert re.search(case["message"], output, re.M), output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if case["exit"] == 2:
        assert len([line for line in output.splitlines() if line.strip()]) == 1, output
    if case["exit"] != 0:
        assert list(out.iterdir()) == []


def test_every_corpus_file_has_a_case() -> None:
    named = {c["file"] for c in _corpus() if c["file"]}
    files = {p.name for p in HOSTILE.iterdir() if p.suffix in (".txt", ".docx", ".pdf")}
    assert files - named == {"plain.pdf"}  # the unencrypted original of the encrypted PDFs


def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "contract.txt"
    os.mkfifo(fifo)
    assert_clean_failure(fifo, "not a regular file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    assert_clean_failure(Path(device), "not a regular file")


def test_document_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: nothing is written
    assert_clean_failure(path, "larger than the 50 mb limit")


def test_utf32_is_not_read_as_utf16(tmp_path: Path) -> None:
    from agreementkit.check.readers.text import decode

    text = "本契約依中華民國法律。This Agreement is governed by the laws of Taiwan.\n"
    for encoding in ("utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-8", "utf-8-sig"):
        assert decode(text.encode(encoding), tmp_path / "x.txt") == text, encoding
    with pytest.raises(InputError, match="not valid UTF-32"):
        decode(b"\xff\xfe\x00\x00" + b"A\x00\x00\x00" + b"\x00\x00\x00\xd8", tmp_path / "x.txt")


def test_control_and_non_characters_are_cleaned_private_use_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("Notices go to \ue000 Co. at \x1b[31mTaipei\ufffe\U0010ffff\x07.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.blocks[0].text == "Notices go to \ue000 Co. at  [31mTaipei\ufffd\ufffd ."
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1) and "\x1b" not in result.output


def _big_docx(path: Path, paragraphs: int, text: str) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'.encode())
            for _ in range(paragraphs):
                out.write(para)
            out.write(b"</w:body></w:document>")


def test_docx_body_is_streamed_with_flat_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """document.xml is read by iterparse and each paragraph cleared: the tree never grows with the document."""
    from lxml import etree

    from agreementkit.check.readers import docx as docx_reader

    path = tmp_path / "long.docx"
    _big_docx(path, 10_000, "The Distributor shall pay each invoice within thirty days.")
    real = etree.iterparse
    largest = [0]

    def watching(*args: Any, **kwargs: Any) -> Any:
        for n, (event, el) in enumerate(real(*args, **kwargs)):
            if n % 500 == 0:
                largest[0] = max(largest[0], sum(1 for _ in el.getroottree().iter()))
            yield event, el

    monkeypatch.setattr(docx_reader.etree, "iterparse", watching)
    doc = read_document(path)
    assert len(doc.blocks) == 10_000
    # what the parser has read ahead (one buffer), never the 30,000 elements of the whole tree
    assert 0 < largest[0] < 3_000


def test_docx_xml_and_text_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from agreementkit.check.readers import docx as docx_reader

    path = tmp_path / "long.docx"
    _big_docx(path, 2000, "The Distributor shall pay each invoice within thirty days.")
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_XML_BYTES", 50_000)
    assert_clean_failure(path, "more than 0 mb of xml")
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_XML_BYTES", 64 * 1024 * 1024)
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_CHARS", 10_000)
    assert_clean_failure(path, "characters of text")


def test_one_paragraph_of_endless_runs_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One paragraph is held in memory while it is read, so the number of its elements is bounded."""
    from agreementkit.check.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_ELEMENTS_PER_ITEM", 1_000)  # 20,000 elements of any kind
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    runs = b"<w:r><w:t>a</w:t></w:r>" * 10_001
    xml = f'<w:document xmlns:w="{w}"><w:body><w:p>'.encode() + runs + b"</w:p></w:body></w:document>"
    path = tmp_path / "runs.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:  # stored: no compression ratio to refuse
        zf.writestr("word/document.xml", xml)
    assert_clean_failure(path, "20,000 xml elements")


_RUN_ON = (
    "The Distributor shall not assign this Agreement without the prior written consent of the Supplier; "
    "this Agreement is governed by the laws of Taiwan and either party may terminate it on ninety days notice. "
)


@pytest.mark.parametrize(("size", "joiner"), [(600_000, ""), (300_000, "\n")], ids=["one-line", "no-blank-lines"])
def test_text_of_one_endless_paragraph_is_checked(tmp_path: Path, size: int, joiner: str) -> None:
    """One paragraph of 300-600 KB (one line, or many lines without a blank one) is checked into bounded blocks."""
    path = tmp_path / "one-paragraph.txt"
    path.write_text(joiner.join([_RUN_ON] * (size // len(_RUN_ON))), encoding="utf-8")
    doc = read_document(path)
    assert max(len(b.text) for b in doc.blocks) <= 5_000
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert "governed by the laws of Taiwan" in result.output


def test_text_past_the_character_limit_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "nineteen-mb.txt"
    path.write_text(_RUN_ON * (19_000_000 // len(_RUN_ON)), encoding="utf-8")
    assert_clean_failure(path, "more than 5,000,000 characters of text")

