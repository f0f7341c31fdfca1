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
    # families added from the zh-public tune half (our own sentences, not the contracts')
    ("territory", "许可方准许被许可方在中华人民共和国境内生产并销售许可产品。"),
    ("ip_ownership", "乙方声明其为该项专利技术的合法持有人。"),
    ("liability_cap", "甲方应付的迟延罚款累计总额不超过货款的百分之五。"),
    ("audit_rights", "代理商有权要求甲方出示相关结算凭证以便核实佣金金额。"),
    ("license_grant", "出让方确认受让方享有在约定地区制造和销售合同产品的权利。"),
    ("non_compete", "经销商推广非甲方供应的同类商品的，甲方有权解除合同。"),
    ("non_compete", "合作期间乙方不得以任何名义承接同类业务。"),
    ("non_compete", "推广员不得绕过平台直接与商家洽谈合作。"),
    ("price_restriction", "乙方不得私自变更产品售价。"),
    ("price_restriction", "供货方调价须提前三十日书面通知经销商。"),
    ("payment_terms", "货款须汇入乙方指定的银行账户。"),
    ("payment_terms", "本产品实行款到发货。"),
    ("payment_terms", "甲方每季度末与代理商进行一次结算。"),
    ("post_termination", "合同解除后十日内，乙方应将样品全部归还甲方。"),
    ("post_termination", "本协议终止不影响双方对已发生佣金的结算。"),
    ("anti_assignment", "被许可方获得的是一项不可转让的使用权。"),
    ("minimum_commitment", "当月销售额不足保底标准的，按保底标准计收服务费。"),
    ("kpi_targets", "加盟店连续两个季度营业额低于约定标准的，总部有权解除合同。"),
    ("kpi_targets", "经销商须在六个月内完成上述指标。"),
    ("termination_for_cause", "买方未按约定支付货款的，卖方有权中止合同。"),
    ("termination_for_cause", "供方逾期交货超过三十日的，需方有权解除合同。"),
    ("termination_for_convenience", "本合同期限至任何一方提前六十日书面通知对方所确定的日期为止。"),
    ("governing_law", "本协议的效力和解释应遵守中华人民共和国的法律规定。"),
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
    ("exclusivity", "本软件为甲方拥有独家知识产权的产品。"),
    ("territory", "可报销的费用包括但不限于市内交通费。"),
    ("territory", "乙方应积极拓展产品的销售范围。"),
    ("license_grant", "代理商不得利用所获甲方授权的身份对外收取款项，也不得利用其他方式集资。"),
    ("non_compete", "甲方应向乙方提供同类产品的市场资料。"),
    ("price_restriction", "甲方有权根据市场情况调整价格，调整后的价格自公布之日起执行。"),
    ("payment_terms", "乙方应将客户名单存入甲方指定的系统。"),
    ("post_termination", "本协议终止不影响双方在终止前已产生的权利义务。"),
    ("minimum_commitment", "乙方单月进货低于五万元的，不享受返利。"),
    ("kpi_targets", "本合同不设考核指标，乙方自主经营。"),
    ("kpi_targets", "乙方应在三日内完成整改。"),
    ("termination_for_convenience", "交货日期由任何一方提前十日书面通知对方确定。"),
    ("governing_law", "乙方开展业务应遵守当地法律法规。"),
    ("notices", "需方收货后七日内未提出书面异议通知的，视为验收合格。"),
    ("renewal", "协议期限届满而双方决定不再续约的，本协议终止。"),
]


@pytest.mark.parametrize(("topic", "sentence"), FOUND)
def test_mainland_wording_is_found(tmp_path: Path, topic: str, sentence: str) -> None:
    assert topic in _topics(tmp_path, sentence), sentence


@pytest.mark.parametrize(("topic", "sentence"), NOT_FOUND)
def test_near_misses_are_not_found(tmp_path: Path, topic: str, sentence: str) -> None:
    assert topic not in _topics(tmp_path, sentence), sentence
