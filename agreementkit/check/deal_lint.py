"""Lint a deal file before drafting: SMART KPIs, tiers, dates, notices, contacts, language, playbook.

An invalid deal file is unusable input (exit 2, every problem listed by the loader); a valid one
is checked here against what a lawyer would ask before the draft goes out.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from agreementkit.check.model import Evidence, Finding, Location, TopicResult
from agreementkit.check.topics import TOPICS

if TYPE_CHECKING:
    from agreementkit.check.result import CheckOptions, CheckResult
    from agreementkit.deal.yamlio import LoadedYaml
    from agreementkit.drafting.service import Prepared
    from agreementkit.errors import Problem
    from agreementkit.models.agreement import Agreement
    from agreementkit.models.deal import Deal


def _at(loaded: LoadedYaml, *path: str | int) -> tuple[Evidence, ...]:
    from agreementkit.deal.validation import dotted

    field = dotted(path)
    return (Evidence(Location(0, field=field, line=loaded.line_of(path)), field),)


def _span(period: str) -> str:
    return period.replace("_", "-")


def lint_deal(deal: Deal, loaded: LoadedYaml) -> list[Finding]:
    """Findings about the deal's own consistency (beyond what the model already refuses)."""
    out: list[Finding] = []
    for i, kpi in enumerate(deal.kpis):
        if kpi.consequence == "none":
            out.append(Finding("warning", "kpi-smart", f"KPI {kpi.id!r} has no consequence: say what follows a miss",
                               "kpi_targets", _at(loaded, "kpis", i, "consequence")))
        if kpi.metric == "other" and len(str(kpi.name.get("en") or kpi.name.get("zh-TW") or "")) < 4:
            out.append(Finding("warning", "kpi-smart", f"KPI {kpi.id!r} (metric 'other') needs a descriptive name",
                               "kpi_targets", _at(loaded, "kpis", i, "name")))
        if kpi.target == kpi.threshold and kpi.consequence in ("termination_right", "loss_of_exclusivity"):
            out.append(Finding("warning", "kpi-smart", f"KPI {kpi.id!r}: no tolerance between target and threshold "
                               "before a serious consequence", "kpi_targets", _at(loaded, "kpis", i, "threshold")))
        reviewed_per = deal.performance_review.period if deal.performance_review else None
        if reviewed_per is not None and kpi.period != reviewed_per:
            out.append(Finding("warning", "kpi-period", f"KPI {kpi.id!r} is set per {_span(kpi.period)} but "
                               f"performance is reviewed per {_span(reviewed_per)}: a scorecard compares each "
                               "KPI with its target for the review period, so `review` refuses this deal; "
                               "give the KPI the review's period (and a target for it) or change the cadence",
                               "performance_review", _at(loaded, "kpis", i, "period")))  # fmt: skip
    ps = deal.profit_sharing
    if ps is not None:
        rates = [t.rate for t in ps.tiers]
        if any(b < a for a, b in itertools.pairwise(rates)):
            out.append(Finding("warning", "tiers", "a higher tier pays a lower rate than the tier below it",
                               "revenue_sharing", _at(loaded, "profit_sharing", "tiers")))
        if not ps.audit_rights:
            out.append(Finding("warning", "profit-sharing-needs-audit", "profit sharing without audit rights",
                               "audit_rights", _at(loaded, "profit_sharing", "audit_rights")))
    info = deal.agreement
    if info.signing_date and info.signing_date > info.effective_date:
        out.append(Finding("warning", "dates", "signed after the effective date: the agreement applies retroactively",
                           None, _at(loaded, "agreement", "signing_date")))
    renewal = deal.term.renewal
    if renewal is not None and renewal.non_renewal_notice_days >= renewal.renewal_months * 30:
        out.append(Finding("blocker", "notice-period", "the non-renewal notice is as long as a renewal period",
                           "renewal_notice", _at(loaded, "term", "renewal", "non_renewal_notice_days")))
    if deal.exit.cure_days == 0 and deal.exit.kpi_failure_periods:
        out.append(Finding("blocker", "kpi-termination-needs-review", "termination for KPI failure without a cure period",
                           "kpi_termination", _at(loaded, "exit", "cure_days")))
    for role in ("supplier", "partner"):
        contact = getattr(deal.communication.contacts, role)
        if not contact.email and not contact.phone:
            out.append(Finding("warning", "contacts", f"the {role}'s contact {contact.name} has no e-mail or phone",
                               "communication", _at(loaded, "communication", "contacts", role)))
        party = getattr(deal.parties, role)
        if party.notice_contact is None:
            out.append(Finding("info", "contacts", f"no notice contact for the {role}; notices go to the representative",
                               "notices", _at(loaded, "parties", role)))
    if deal.appointment.acts_in_supplier_name and info.type != "agency":
        out.append(Finding("warning", "agency", "the partner concludes deals in the supplier's name: consider the "
                           "agency type (代辦商, Civil Code arts. 558–564)", None,
                           _at(loaded, "appointment", "acts_in_supplier_name")))
    return out


def deal_facts(deal: Deal, loaded: LoadedYaml) -> dict[str, list[Evidence]]:
    """Playbook facts that hold for ``deal``."""
    facts: dict[str, list[Evidence]] = {}
    appt = deal.appointment
    if appt.exclusivity in ("exclusive", "sole"):
        facts["exclusive"] = list(_at(loaded, "appointment", "exclusivity"))
    if deal.profit_sharing is not None:
        facts["profit_sharing"] = list(_at(loaded, "profit_sharing"))
    if deal.kpis:
        facts["kpis"] = list(_at(loaded, "kpis"))
    if deal.exit.kpi_failure_periods:
        facts["kpi_termination"] = list(_at(loaded, "exit", "kpi_failure_periods"))
    if deal.exit.cure_days > 0 or (deal.performance_review and deal.performance_review.improvement_plan_days > 0):
        facts["cure_period"] = list(_at(loaded, "exit", "cure_days"))
    if deal.data_protection.personal_data_shared:
        facts["personal_data"] = list(_at(loaded, "data_protection", "personal_data_shared"))
    if deal.pricing.resale_price_restricted:
        facts["resale_price"] = list(_at(loaded, "pricing", "resale_price_restricted"))
    if appt.non_compete:
        facts["non_compete"] = list(_at(loaded, "appointment", "non_compete"))
    if appt.acts_in_supplier_name:
        facts["agency"] = list(_at(loaded, "appointment", "acts_in_supplier_name"))
    if info_bilingual(deal):
        facts["bilingual"] = list(_at(loaded, "agreement", "language"))
    if deal.agreement.prevailing_language is not None:
        facts["prevailing_language"] = list(_at(loaded, "agreement", "prevailing_language"))
    return facts


def info_bilingual(deal: Deal) -> bool:
    """Whether the deal is drafted in both languages."""
    return deal.agreement.language == "bilingual"


def agreement_topics(agreement: Agreement, deal: Deal) -> set[str]:
    """Topics a drafted agreement contains: its clauses', plus the cover's and the deal's own."""
    topics = {c.topic for c in agreement.clauses()}
    if agreement.parties:
        topics.update({"parties", "signatures"})
    if "renewal" in topics:
        topics.add("renewal_notice")
    if deal.appointment.exclusivity != "non_exclusive":
        topics.add("exclusivity")
    return topics


def deal_topics(deal: Deal, library_dir: Path | None) -> tuple[set[str], str]:
    """Topics the drafted agreement will contain: from assembly when it works, else from the deal."""
    try:
        from agreementkit.drafting.assemble import assemble
        from agreementkit.library.loader import Library

        return agreement_topics(assemble(deal, Library.open(library_dir)), deal), "assembled"
    except Exception:  # drafting side not available or incomplete: estimate from the deal itself
        pass
    topics = {"parties", "signatures", "appointment", "territory", "products", "pricing", "payment_terms",
              "ordering", "partner_obligations", "vendor_support", "confidentiality", "data_protection",
              "expiration", "termination_for_cause", "post_termination", "dispute_resolution", "governing_law",
              "communication", "notices", "entire_agreement", "amendments", "anti_assignment", "force_majeure",
              "liability_cap", "survival", "reporting"}
    if deal.appointment.exclusivity != "non_exclusive":
        topics.add("exclusivity")
    if deal.appointment.minimum_commitment:
        topics.add("minimum_commitment")
    if deal.appointment.non_compete:
        topics.add("non_compete")
    if deal.profit_sharing:
        topics.add("revenue_sharing")
        if deal.profit_sharing.audit_rights:
            topics.add("audit_rights")
        if deal.profit_sharing.market_development_fund:
            topics.add("mdf")
    if deal.kpis:
        topics.add("kpi_targets")
    if deal.performance_review:
        topics.add("performance_review")
        if deal.performance_review.incentive:
            topics.add("incentives")
    if deal.term.renewal:
        topics.update({"renewal", "renewal_notice"})
    if deal.exit.convenience_notice_days:
        topics.add("termination_for_convenience")
    if deal.exit.kpi_failure_periods:
        topics.add("kpi_termination")
    if deal.exit.change_of_control:
        topics.add("change_of_control")
    if deal.pricing.resale_price_restricted:
        topics.add("price_restriction")
    return topics, "estimated"


def cut_value_findings(problems: list[Problem] | tuple[Problem, ...]) -> list[Finding]:
    """Values a YAML comment cut short (:mod:`agreementkit.deal.comments`) as warnings."""
    return [
        Finding("warning", "yaml-comment-cut", p.message, None,
                (Evidence(Location(0, field=p.field, line=p.line), p.field or ""),))
        for p in problems
    ]


def lint_result(
    deal: Deal,
    loaded: LoadedYaml,
    present: set[str],
    how: str,
    options: CheckOptions,
    cut: list[Problem] | tuple[Problem, ...] = (),
) -> CheckResult:
    """The deal check's result given the topics its agreement contains: lint, then the playbook."""
    from agreementkit.check.playbook import load_playbook
    from agreementkit.check.result import CheckResult
    from agreementkit.check.rules import apply_playbook
    from agreementkit.library.loader import Library

    lang = "en" if deal.agreement.language == "en" else "zh-TW"
    topics = [
        TopicResult(t.id, t.id in present, f"deal ({how})" if t.id in present else "") for t in TOPICS
    ]
    library = Library.open(options.library_dir)
    book = load_playbook(options.agreement_type or deal.agreement.type, options.playbook, library.playbook_paths)
    findings = (
        cut_value_findings(cut)
        + lint_deal(deal, loaded)
        + apply_playbook(book, topics, deal_facts(deal, loaded), lang)
    )
    # the same rule id may come from both the lint and the playbook; keep the first
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for f in findings:
        key = (f.rule, f.topic)
        if key in seen and f.rule not in ("kpi-smart", "kpi-period", "yaml-comment-cut"):
            continue
        seen.add(key)
        unique.append(f)
    return CheckResult(str(loaded.path), "deal", lang, deal.agreement.type, book.id, False, topics, unique,
                       options.strict)


def check_deal(path: Path, options: CheckOptions) -> CheckResult:
    """Validate and lint the deal file at ``path``."""
    from agreementkit.deal.comments import cut_values
    from agreementkit.deal.load import load_deal_located

    deal, loaded = load_deal_located(path)
    present, how = deal_topics(deal, options.library_dir)
    return lint_result(deal, loaded, present, how, options, cut_values(path))


def check_prepared_draft(prepared: Prepared, options: CheckOptions) -> CheckResult:
    """What ``check`` says about the deal of a draft, from the very agreement being drafted.

    ``draft`` prints these findings, so a draft never goes out silently with a problem that
    ``check`` on the same deal (or on the drafted document) would block on.
    """
    present = agreement_topics(prepared.agreement, prepared.deal)
    return lint_result(prepared.deal, prepared.loaded, present, "drafted", options, prepared.warnings)


def finding_lines(result: CheckResult) -> list[str]:
    """Blockers and warnings as ``FILE:LINE: field: severity [rule] message`` lines, for ``draft``."""
    lines = []
    for f in result.sorted_findings():
        if f.severity == "info":
            continue
        where = f"{result.file}: "
        loc = f.evidence[0].location if f.evidence else None
        if loc is not None and loc.field:
            where = f"{result.file}:{loc.line}: {loc.field}: " if loc.line else f"{result.file}: {loc.field}: "
        lines.append(f"{where}{f.severity} [{f.rule}] {f.message}")
    if lines:
        lines.append(
            f"check: {result.count('blocker')} blocker(s), {result.count('warning')} warning(s); "
            f"`agreementkit check {result.file}` gives the full report"
        )
    return lines
