"""Mainland-style Simplified contracts: numbering 一、 / （一） / 2.1, clauses without titles, mainland wording.

The texts are written for these tests (no real contract's wording); the checker converts them to
Traditional with OpenCC, finds the topics in the converted text and quotes the text as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agreementkit.check.script import simplified_converter
from tests.helpers_check import check_topics

MAINLAND = """区域代理合作合同

一、合作范围
（一）乙方仅限在华东地区内销售本合同项下的产品，不得跨区经营。
（二）乙方每季度至少订购产品五百件；甲方据此供货。

二、考核与结算
2.1 乙方应完成年度销售任务，连续两个季度未达到约定销量的，甲方有权解除本合同。
2.2 甲方按乙方月销售额的百分之五向乙方支付提成。
2.3 甲方或其委托的会计师有权查阅乙方与本合同产品有关的账本和凭证。

三、责任
任何一方依本合同承担的赔偿总额不超过合同总价款的百分之二十。
本合同期满后，如双方均无异议，合同自动顺延一年。
本合同终止后，乙方仍应在三十日内付清全部欠款，并停止使用甲方的商标。
"""

# No provision of the weak topics: a review procedure (审核), a notice period, a warranty of ownership.
PLAIN = """技术服务合同

第一条 服务内容
甲方委托乙方维护其网站，乙方按甲方的需求提供技术服务，所有上线内容须经甲方审核流程确认。
第二条 服务费用
甲方应于每月五日前向乙方支付当月服务费人民币三千元，乙方收到款项后开具发票。
第三条 其他
本合同一式两份，双方各执一份，自双方签字盖章之日起生效。双方应本着诚实信用的原则履行本合同。
"""


@pytest.mark.parametrize(
    ("topic", "written"),
    [
        ("territory", "仅限在华东地区内销售"),
        ("minimum_commitment", "每季度至少订购产品五百件"),
        ("kpi_targets", "未达到约定销量"),
        ("revenue_sharing", "支付提成"),
        ("audit_rights", "查阅乙方与本合同产品有关的账本"),
        ("liability_cap", "赔偿总额不超过"),
        ("renewal", "自动顺延一年"),
        ("post_termination", "仍应在三十日内付清全部欠款"),
    ],
)
def test_mainland_wording_is_found_and_quoted_in_simplified(tmp_path: Path, topic: str, written: str) -> None:
    topics = check_topics(tmp_path, MAINLAND)
    assert topics[topic]["status"] == "present", topic
    quotes = [e["quote"] for e in topics[topic]["evidence"]]
    assert any(written in q for q in quotes), quotes  # the text as written, not the Traditional conversion


def test_numbered_clauses_are_located(tmp_path: Path) -> None:
    topics = check_topics(tmp_path, MAINLAND)
    assert topics["audit_rights"]["evidence"][0]["location"]["clause"] == "2.3"
    assert topics["revenue_sharing"]["evidence"][0]["location"]["clause"] == "2.2"


def test_review_procedure_is_not_audit_rights_and_plain_contract_has_no_weak_topic(tmp_path: Path) -> None:
    convert = simplified_converter(PLAIN)
    assert convert is not None
    assert "審核" in convert("须经甲方审核流程确认")  # not 稽核 (audit), as plain s2twp would write
    topics = check_topics(tmp_path, PLAIN)
    for topic in ("audit_rights", "territory", "minimum_commitment", "kpi_targets", "liability_cap",
                  "renewal", "post_termination", "revenue_sharing"):
        assert topics[topic]["status"] == "missing", topic
    assert topics["payment_terms"]["status"] == "present"
