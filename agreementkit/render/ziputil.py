"""Reproducible zip packages (DOCX): fixed timestamps, fixed order, optional parts dropped."""

from __future__ import annotations

import io
import re
import zipfile

FIXED_DATE = (2026, 1, 1, 0, 0, 0)


def normalize_zip(data: bytes, drop: tuple[str, ...] = ()) -> bytes:
    """Rewrite a zip package with fixed timestamps and sorted entries so equal input gives equal bytes.

    ``drop`` names parts to remove together with their relationship and content-type entries.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = [n for n in source.namelist() if n not in drop]
        names.sort(key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            payload = source.read(name)
            for dropped in drop:
                if name == "[Content_Types].xml":
                    payload = re.sub(
                        rb'<Override PartName="/' + re.escape(dropped.encode()) + rb'"[^>]*/>', b"", payload
                    )
                elif name.endswith(".rels"):
                    payload = re.sub(
                        rb'<Relationship [^>]*Target="/?' + re.escape(dropped.encode()) + rb'"[^>]*/>',
                        b"",
                        payload,
                    )
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, payload)
    return out.getvalue()
