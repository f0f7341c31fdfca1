"""Rebuild the binary cases of this folder: python tests/data/hostile/review/build.py (from the repo root)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="actuals" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def _row(n: int, values: list[str]) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{n}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{n}">{cells}</row>'


def good_rows() -> str:
    lines = (ROOT / "examples" / "distributor-zh-TW-actuals.csv").read_text(encoding="utf-8").splitlines()
    return "".join(_row(i, line.split(",")) for i, line in enumerate(lines, start=1))


def xlsx(name: str, sheet: bytes) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            zf.writestr(zipfile.ZipInfo(part, (2026, 1, 1, 0, 0, 0)), text)
        zf.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2026, 1, 1, 0, 0, 0)), sheet,
                    compress_type=zipfile.ZIP_DEFLATED)
    (HERE / name).write_bytes(buf.getvalue())


def main() -> None:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    body = f'<worksheet xmlns="{MAIN}"><sheetData>{good_rows()}</sheetData></worksheet>'
    xlsx("xlsx-valid.xlsx", (head + body).encode())
    xlsx("xlsx-malformed-sheet.xlsx", (head + body[: len(body) // 2]).encode())
    laughs = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    dtd = f'<!DOCTYPE worksheet [<!ENTITY l0 "lol">{laughs}]>'
    entity_body = body.replace("<t>SE-GW200</t>", "<t>&l9;</t>", 1)
    xlsx("xlsx-entity.xlsx", (head + dtd + entity_body).encode())
    utf16 = '<?xml version="1.0" encoding="UTF-16"?>' + dtd + entity_body
    xlsx("xlsx-entity-utf16.xlsx", utf16.encode("utf-16"))
    xlsx("xlsx-external-entity.xlsx", (head + '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                       + body.replace("<t>SE-GW200</t>", "<t>&x;</t>", 1)).encode())
    wide = body.replace('<c r="E2"', '<c r="XFD2"', 1)
    xlsx("xlsx-far-column.xlsx", (head + wide).encode())
    bomb = head + f'<worksheet xmlns="{MAIN}"><sheetData>{good_rows()}</sheetData>' + " " * (60 * 1024 * 1024) + "</worksheet>"
    xlsx("xlsx-zip-bomb.xlsx", bomb.encode())


if __name__ == "__main__":
    main()
