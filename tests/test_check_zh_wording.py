"""Mainland (Simplified) wording of channel clauses, one sentence at a time, through the CLI.

Each sentence was written for these tests, in the phrasing families of mainland distribution,
agency and franchise contracts (最低采购量, 销售任务, 窜货, 指导价, 返利, 查账, 实际控制人 …), not
copied from any contract. A sentence is set after a neutral preamble, so that the document is long
enough to be read as Simplified Chinese and converted (OpenCC s2twp) before the patterns run.
The negatives name the same words without making the clause (审核 as review, a volume discount,
专属管辖, a breach termination, a penalty reckoned as a percentage).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.cli import main

PREAMBLE = "合作合同\n\n甲乙双方本着平等互利、诚实信用的原则，经友好协商，就双方合作的有关事项订立本合同，共同遵守执行。\n\n"


def _topics(tmp_path: Path, sentence: str) -> set[str]:
    path = tmp_path / "contract.txt"
    path.write_text(PREAMBLE + "第六条\n" + sentence + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return {t["id"] for t in json.loads(result.output)["topics"] if t["status"] == "present"}


def test_preamble_alone_holds_none_of_the_topics(tmp_path: Path) -> None:
    found = _topics(tmp_path, "双方确认上述内容。")
    assert not found & ({topic for topic, _ in FOUND} | {topic for topic, _ in NOT_FOUND})


FOUND = [
    ("post_termination", "本协议终止之日起十日内，乙方应将甲方配发的陈列道具全部交回。"),
    ("post_termination", "经销关系结束后，乙方不得再以甲方特约经销商的身份招揽客户。"),
    ("post_termination", "加盟合同期满未续签的，加盟商应自行拆除店内全部品牌标识。"),
    ("renewal", "本协议到期前一个月内双方未提出终止的，本协议自动延续一年。"),
    ("renewal", "合作期满，经甲方考核合格的，乙方可优先续签下一期代理合同。"),
    ("territory", "乙方只能在河南省郑州市开展本产品的批发业务。"),
    ("territory", "经销商不得将产品发往授权市场以外的地区。"),
    ("price_restriction", "乙方不得以低于甲方限定价格的价格对外报价。"),
    ("price_restriction", "代理商应维护甲方的价格体系，不得随意打折销售。"),
    ("minimum_commitment", "乙方全年提货总额不得低于八十万元。"),
    ("minimum_commitment", "加盟店每季度最低进货金额为六万元。"),
    ("kpi_targets", "乙方应完成甲方下达的年度销售任务一千五百件。"),
    ("kpi_targets", "代理商本年度的销售指标为二百万元，按季度分解。"),
    ("liability_cap", "甲方在本合同项下的累计赔偿金额不超过乙方已付款项总额。"),
    ("liability_cap", "任何一方均不对另一方的利润损失或商誉损失承担赔偿责任。"),
    ("audit_rights", "甲方有权派员查阅乙方与本产品相关的财务账簿。"),
    ("audit_rights", "总部有权不定期对加盟店的收银记录进行抽查。"),
    ("exclusivity", "合同期内甲方不再在该县另行发展其他代理商。"),
    ("exclusivity", "乙方是甲方该系列产品在西南地区的唯一授权代理商。"),
    ("non_compete", "乙方在合作期间不得代理与甲方产品相竞争的任何品牌。"),
    ("non_compete", "加盟商不得为总部的竞争对手提供咨询或经营服务。"),
    ("termination_for_convenience", "甲方可以提前二十日书面通知乙方后解除本协议。"),
    ("termination_for_convenience", "乙方如需提前解除本合同，应提前两个月书面告知甲方。"),
    ("change_of_control", "乙方的实际控制人发生变化的，应在五日内通知甲方。"),
    ("change_of_control", "如代理商被同行业企业收购，甲方有权终止本协议。"),
    ("revenue_sharing", "甲方按照乙方介绍客户成交额的百分之六向乙方支付服务费。"),
    ("revenue_sharing", "乙方完成年度任务的，甲方按进货总额给予百分之二的返利。"),
    ("governing_law", "本合同的订立、履行和解释适用中华人民共和国法律。"),
    ("dispute_resolution", "因本合同产生的纠纷，双方协商不成的，可向乙方所在地人民法院起诉。"),
    ("confidentiality", "乙方不得向任何第三方泄露甲方的客户名单。"),
]

NOT_FOUND = [
    ("audit_rights", "乙方的门店装修方案须经甲方审核确认后方可施工。"),
    ("minimum_commitment", "乙方单次进货金额达到十万元以上的，甲方另给予百分之一的折扣。"),
    ("minimum_commitment", "本合同不设最低采购量，乙方按实际需要下单。"),
    ("exclusivity", "因本合同发生的争议由甲方所在地人民法院专属管辖。"),
    ("exclusivity", "乙方不得以甲方独家代理商的名义刊登广告。"),
    ("revenue_sharing", "乙方逾期付款的，应按欠款金额的万分之五每日向甲方支付违约金。"),
    ("liability_cap", "乙方应赔偿因其违约给甲方造成的全部经济损失。"),
    ("renewal", "本合同期满自动终止，不自动续期。"),
    ("territory", "乙方仅得于本合同目的范围内使用甲方提供的客户资料。"),
    ("termination_for_convenience", "乙方拖欠货款经催告后十日内仍未支付的，甲方有权解除本合同。"),
    ("change_of_control", "乙方的联系地址或电话发生变更的，应及时通知甲方。"),
]


@pytest.mark.parametrize(("topic", "sentence"), FOUND)
def test_mainland_wording_is_found(tmp_path: Path, topic: str, sentence: str) -> None:
    assert topic in _topics(tmp_path, sentence), sentence


@pytest.mark.parametrize(("topic", "sentence"), NOT_FOUND)
def test_near_misses_are_not_found(tmp_path: Path, topic: str, sentence: str) -> None:
    assert topic not in _topics(tmp_path, sentence), sentence
