"""JSON Schema of the deal file."""

from __future__ import annotations

import json

from agreementkit.models.deal import Deal


def deal_json_schema() -> str:
    """The deal file's JSON Schema (draft 2020-12) as indented JSON."""
    schema = Deal.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "agreementkit deal file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
