"""Simplified Chinese contracts are converted to Traditional for checking; evidence quotes the text as written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from agreementkit.check.model import Block, Location, block_quote
from agreementkit.check.readers import read_document
from agreementkit.check.script import (
    SIMPLIFIED_ONLY,
    SIMPLIFIED_SHARE,
    simplified_converter,
    simplified_share,
)
from agreementkit.cli import main

SIMPLIFIED = """经销合作协议

第一条 合作内容
甲方授权乙方在约定区域内销售甲方产品。

第五条 保密义务
乙方对在合作过程中知悉的甲方商业秘密负有保密义务，未经甲方书面同意，不得向任何第三方披露。

第八条 协议的解除
乙方违反本协议约定，经甲方书面通知后十五日内仍未改正的，甲方有权解除本协议。

第十条 争议解决
因本协议引起的争议，双方应友好协商解决；协商不成的，任何一方均可向甲方所在地人民法院提起诉讼。本协议适用中华人民共和国法律。
"""
TRADITIONAL = "本契約之準據法為中華民國法律。因本契約所生之爭議，雙方同意以臺灣臺北地方法院為第一審管轄法院。" * 3


def test_every_simplified_only_character_has_another_traditional_form() -> None:
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    same = [c for c in sorted(SIMPLIFIED_ONLY) if to_traditional.convert(c) == c]
    assert same == []


def test_script_share_tells_simplified_from_traditional() -> None:
    assert simplified_share(SIMPLIFIED) > 0.2
    assert simplified_share(TRADITIONAL) < SIMPLIFIED_SHARE
    assert simplified_converter(TRADITIONAL) is None
    convert = simplified_converter(SIMPLIFIED)
    assert convert is not None and convert("保密义务") == "保密義務"


def test_simplified_contract_is_checked_and_quoted_as_written(tmp_path: Path) -> None:
    path = tmp_path / "simplified.txt"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    doc = read_document(path)
    article = next(b for b in doc.blocks if "乙方對在合作過程中" in b.text)  # classified as Traditional
    assert article.original is not None and "乙方对在合作过程中" in article.original  # kept as written
    assert article.location.article == "第五條"  # 第五条 recognised as an article heading
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    import json

    topics = {t["id"]: t for t in json.loads(result.output)["topics"]}
    for topic in ("appointment", "confidentiality", "dispute_resolution", "termination_for_cause"):
        assert topics[topic]["status"] == "present", topic
    quote = topics["confidentiality"]["evidence"][0]["quote"]
    assert "保密义务" in quote or "商业秘密" in quote  # the Simplified text as written, not the conversion


def test_traditional_blocks_keep_no_second_text(tmp_path: Path) -> None:
    path = tmp_path / "traditional.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    assert all(b.original is None for b in read_document(path).blocks)


def test_block_quote_carries_offsets_when_conversion_changes_length() -> None:
    original = "甲方提供U盘一个，" + "乙方应保密。" * 10
    converted = "甲方提供隨身碟一個，" + "乙方應保密。" * 10
    block = Block(converted, Location(0), original=original)
    start = converted.index("乙方應保密", 30)
    quote = block_quote(block, start, start + 5, width=20)
    assert "乙方应保密" in quote and "應" not in quote
