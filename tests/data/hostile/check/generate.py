"""Write the small hostile inputs of this folder (run from the repository root to regenerate them).

    python tests/data/hostile/check/generate.py

Each file is a few KB. The encrypted PDFs need ``pypdf`` with ``cryptography`` (for AES) at
generation time only; the checker reads them with PDFium, which needs neither. Inputs that would
be megabytes (a 19 MB single-line text, a DOCX with a 60 MB ``document.xml``) or that are not files
(a FIFO) are made at run time by ``tests/test_check_hostile.py`` instead.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTRACT = (
    "DISTRIBUTION AGREEMENT\n\n"
    "1. Appointment. The Supplier appoints the Distributor as its non-exclusive distributor of the Products.\n\n"
    "2. Term. This Agreement starts on the Effective Date and continues for three years.\n\n"
    "3. Governing Law. This Agreement is governed by the laws of Taiwan.\n"
)
BODY = (
    f'<w:document xmlns:w="{W_NS}"><w:body>'
    "<w:p><w:r><w:t>DISTRIBUTION AGREEMENT</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>3. Governing Law. This Agreement is governed by the laws of Taiwan.</w:t></w:r></w:p>"
    "</w:body></w:document>"
)
PDF_LINES = [
    "DISTRIBUTION AGREEMENT",
    "1. Appointment. The Supplier appoints the Distributor as its exclusive distributor",
    "in the Territory for the Products during the Term.",
    "2. Term. This Agreement starts on the Effective Date and",
    "continues for three years.",
    "3. Governing Law. This Agreement is governed by the laws of Taiwan.",
]


def docx(document_xml: bytes) -> bytes:
    """A minimal DOCX around ``document_xml``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'), ("word/document.xml", document_xml)):
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _page_objects(lines: list[str]) -> list[str]:
    """Catalog, page tree, one page with ``lines`` in its text layer (Helvetica), its content and font."""
    content = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    return [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ``lines`` in its text layer, written by hand."""
    return _pdf(_page_objects(lines), "")


def _pdf(objects: list[str], trailer_extra: str) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def certificate_pdf() -> bytes:
    """A PDF whose /Encrypt dictionary names public-key (certificate) security, which PDFium cannot open."""
    objects = [
        *_page_objects(PDF_LINES),
        "<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /R 4 /Length 128 /Recipients [<3000>] >>",
    ]
    return _pdf(objects, "/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")


def encrypted(plain: bytes, user: str, algorithm: str) -> bytes:
    """``plain`` encrypted by pypdf (AES needs ``cryptography``)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    """Write every file."""
    files: dict[str, bytes] = {
        "utf32-le-bom.txt": CONTRACT.encode("utf-32"),
        "utf32-be-no-bom.txt": CONTRACT.encode("utf-32-be"),
        "utf32-invalid.txt": b"\xff\xfe\x00\x00" + "Agreement".encode("utf-32-le") + b"\x00\x00\x11\x00",
        "utf16-le-bom.txt": CONTRACT.encode("utf-16"),
        "private-use-and-noncharacters.txt": (
            CONTRACT + "\n4. Notices. Sent to \ue000\uf8ff Co., Ltd \ufffe\uffff\U0010ffff at \x1b[31mTaipei\x1b[0m.\n"
        ).encode("utf-8"),
        "docx-utf16-dtd.docx": docx(
            ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' + BODY).encode("utf-16")
        ),
        "docx-utf16-be-no-bom-dtd.docx": docx(
            ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document SYSTEM "http://example.invalid/x.dtd">' + BODY).encode(
                "utf-16-be"
            )
        ),
        "docx-utf16-dtd-after-long-comment.docx": docx(
            ('<?xml version="1.0" encoding="UTF-16"?><!--' + "x" * 100_000 + '--><!DOCTYPE d [<!ENTITY a "b">]>' + BODY).encode(
                "utf-16"
            )
        ),
        "docx-utf32-xml.docx": docx(('<?xml version="1.0" encoding="UTF-32"?>' + BODY).encode("utf-32")),
        "docx-utf7-declared.docx": docx(
            b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE d +AFs-+ADw-!ENTITY a +ACI-x+ACI-+AD4-+AF0-+AD4-'
            + BODY.encode()
        ),
        "docx-utf16-plain.docx": docx(('<?xml version="1.0" encoding="UTF-16"?>' + BODY).encode("utf-16")),
        "plain.pdf": text_pdf(PDF_LINES),
        "encrypted-certificate.pdf": certificate_pdf(),
    }
    try:
        plain = files["plain.pdf"]
        files["encrypted-aes256-password.pdf"] = encrypted(plain, "secret", "AES-256")
        files["encrypted-aes128-password.pdf"] = encrypted(plain, "secret", "AES-128")
        files["encrypted-rc4-password.pdf"] = encrypted(plain, "secret", "RC4-128")
        files["encrypted-aes256-no-password.pdf"] = encrypted(plain, "", "AES-256")
    except Exception as exc:  # pypdf or cryptography missing: keep the committed PDFs
        print(f"encrypted PDFs not regenerated: {exc}")
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
