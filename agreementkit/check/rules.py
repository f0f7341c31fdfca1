"""Apply a playbook to the topics and facts of a deal or document: required, recommended, conditional."""

from __future__ import annotations

from agreementkit.check.model import Evidence, Finding, Severity, TopicResult
from agreementkit.check.playbook import Playbook, Rule
from agreementkit.check.topics import TOPIC_BY_ID


def topic_label(topic_id: str, lang: str) -> str:
    """``終止 (termination_for_cause)`` / ``Termination for cause (termination_for_cause)``."""
    t = TOPIC_BY_ID.get(topic_id)
    return f"{t.name(lang)} ({topic_id})" if t else topic_id


def _message(rule: Rule, lang: str) -> str:
    return rule.message.get("zh-TW" if lang == "zh-TW" else "en") or next(iter(rule.message.values()))


def apply_playbook(
    book: Playbook,
    topics: list[TopicResult],
    facts: dict[str, list[Evidence]],
    lang: str,
    hints: dict[str, list[Evidence]] | None = None,
) -> list[Finding]:
    """Every finding the playbook yields. ``hints`` give a location for a missing topic (where it was)."""
    present = {t.id for t in topics if t.present}
    facts = {**{t.id: t.evidence for t in topics if t.present}, **facts}
    hints = hints or {}
    findings: list[Finding] = []
    zh = lang == "zh-TW"
    levels: tuple[tuple[Severity, list[str]], ...] = (("blocker", book.required), ("warning", book.recommended))
    for severity, ids in levels:
        for tid in ids:
            if tid in present:
                continue
            what = "必要" if zh else "required"
            if severity == "warning":
                what = "建議" if zh else "recommended"
            msg = (
                f"缺少{what}條款：{topic_label(tid, lang)}"
                if zh
                else f"missing {what} clause: {topic_label(tid, lang)}"
            )
            findings.append(
                Finding(severity, f"{'required' if severity == 'blocker' else 'recommended'}-topic", msg, tid,
                        tuple(hints.get(tid, ())))
            )
    for rule in book.rules:
        if not all(f in facts for f in rule.when):
            continue
        evidence = tuple(e for f in rule.when for e in facts[f][:1])
        missing: list[str] = []
        if rule.require_any and not any(t in present for t in rule.require_any):
            missing.append((" 或 " if zh else " or ").join(topic_label(t, lang) for t in rule.require_any))
        missing.extend(topic_label(t, lang) for t in rule.require_all if t not in present)
        missing.extend(f for f in rule.require_facts if f not in facts)
        requires = rule.require_any or rule.require_all or rule.require_facts
        if requires and not missing:
            continue
        text = _message(rule, lang)
        if missing:
            text += ("（缺少：" + "、".join(missing) + "）") if zh else f" (missing: {'; '.join(missing)})"
        findings.append(Finding(rule.severity, rule.id, text, None, evidence, rule.cite))
    return findings
