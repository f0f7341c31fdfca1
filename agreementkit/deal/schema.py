"""JSON Schema of the deal file, with the limits validation applies (so editors flag them too)."""

from __future__ import annotations

import json
from typing import Any

from agreementkit.deal.validation import DEAL_TEXT
from agreementkit.models.deal import Deal


def _limit(node: Any, name: str | None = None) -> None:
    """Add validation's text-length and list-size limits to every string and array in ``node``."""
    if isinstance(node, list):
        for item in node:
            _limit(item, name)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind == "string" and not {"enum", "const", "format", "maxLength"} & set(node):
        long_field = name in DEAL_TEXT.long_fields
        node["maxLength"] = DEAL_TEXT.long_limit if long_field else DEAL_TEXT.short_limit
    if kind == "array" and "maxItems" not in node and DEAL_TEXT.max_items is not None:
        node["maxItems"] = DEAL_TEXT.max_items
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            for prop, sub in value.items():
                _limit(sub, prop)
        else:
            _limit(value, name)


def _text_accepts_plain_string(defs: dict[str, Any]) -> None:
    """``Text`` is written either as one string (every language) or as ``{zh-TW: …, en: …}``."""
    text = defs.get("Text")
    if text is None:
        return
    longest = DEAL_TEXT.long_limit or DEAL_TEXT.short_limit
    for prop in text.get("properties", {}).values():
        _limit(prop, "purpose")  # Text serves short and free-text fields: the longer limit
    defs["Text"] = {
        "description": text.get("description", ""),
        "anyOf": [{"type": "string", "minLength": 1, "maxLength": longest}, text],
    }


def deal_json_schema() -> str:
    """The deal file's JSON Schema (draft 2020-12) as indented JSON."""
    schema = Deal.model_json_schema(by_alias=True)
    defs = schema.get("$defs", {})
    for name, sub in defs.items():
        if name != "Text":
            _limit(sub)
    _limit(schema.get("properties", {}))
    _text_accepts_plain_string(defs)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "agreementkit deal file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
