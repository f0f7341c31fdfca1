"""The deal file: the facts of one channel-partner agreement.

Every model forbids unknown keys. Cross-field rules (dates in order, tiers ascending, KPI
weights summing to 100 %, notice periods shorter than the term) live in validators here so
that every consumer - drafting, checking, reviewing - sees the same validated deal.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import pairwise
from typing import Literal, get_args

from pydantic import EmailStr, Field, field_validator, model_validator

from agreementkit.models.common import LANG_NAMES, LANGS, Days, Lang, Money, Percent, Strict, Text

AgreementType = Literal["distributor", "reseller", "referral", "agency", "strategic_alliance"]
Period = Literal["month", "quarter", "half_year", "year"]
PERIOD_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}

TAX_ID_WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)


def tax_id_is_valid(tax_id: str) -> bool:
    """Check a Taiwanese 統一編號 (Unified Business Number) by its check rule.

    Each digit is multiplied by 1,2,1,2,1,2,4,1 and the digits of each product are added.
    The total must be divisible by 5 (the Ministry of Finance's rule since 2023, which also
    accepts every number valid under the older divisible-by-10 rule). When the seventh digit
    is 7, its product 28 may count as 10 or as 1, so either total may pass.
    """
    if len(tax_id) != 8 or not tax_id.isdigit():
        return False
    total = 0
    for digit, weight in zip(tax_id, TAX_ID_WEIGHTS, strict=True):
        product = int(digit) * weight
        total += product // 10 + product % 10
    if total % 5 == 0:
        return True
    return tax_id[6] == "7" and (total + 1) % 5 == 0


class Person(Strict):
    """A named individual: a representative, signatory or contact."""

    name: Text
    title: Text | None = None
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40)


class Party(Strict):
    """One party to the agreement."""

    name: Text
    tax_id: str | None = Field(
        default=None, description="統一編號 (8 digits, check digit validated) for a Taiwanese company"
    )
    registration: str | None = Field(default=None, description="Registration number outside Taiwan")
    country: str = Field(default="TW", min_length=2, max_length=2, description="ISO 3166 alpha-2")
    address: Text
    representative: Person
    notice_contact: Person | None = None

    @field_validator("tax_id")
    @classmethod
    def _valid_tax_id(cls, value: str | None) -> str | None:
        if value is not None and not tax_id_is_valid(value):
            raise ValueError(f"統一編號 {value!r} is not valid (8 digits with a correct check digit)")
        return value

    @model_validator(mode="after")
    def _taiwanese_company_has_tax_id(self) -> Party:
        if self.country == "TW" and self.tax_id is None:
            raise ValueError("a Taiwanese party needs its 統一編號 in 'tax_id'")
        return self


class Parties(Strict):
    """甲方 is the supplier (vendor); 乙方 is the channel partner."""

    supplier: Party
    partner: Party


class ClausePlacement(Strict):
    """Where one clause stands instead of its place in the outline."""

    clause: str = Field(max_length=80, description="Clause id, e.g. escalation")
    article: str = Field(max_length=80, description="Article id of the outline, e.g. dispute_resolution")
    after: str | None = Field(
        default=None, max_length=80, description="Clause id to follow; omitted = end of the article"
    )


class AgreementInfo(Strict):
    """What the document is: type, numbering, language and dates."""

    type: AgreementType
    title: Text | None = Field(default=None, description="Defaults to the outline's title for the type")
    number: str | None = Field(default=None, max_length=60, description="Contract number, e.g. AK-2027-001")
    version: str = Field(default="1.0", max_length=20)
    language: Literal["zh-TW", "en", "bilingual"] = "zh-TW"
    prevailing_language: Lang | None = None
    date_style: Literal["western", "roc"] = Field(
        default="western", description="西元 or 民國 dates in zh-TW"
    )
    effective_date: dt.date
    signing_date: dt.date | None = None
    signing_place: Text | None = None
    purpose: Text | None = Field(default=None, description="Shared vision and goals stated in the recitals")
    amendment: int | None = Field(
        default=None,
        ge=1,
        le=999,
        description="This version's amendment number (1 = the first amendment); `amend` numbers from it",
    )
    clause_placement: list[ClausePlacement] = Field(
        default_factory=list, description="Move library clauses to another article of the outline"
    )

    @model_validator(mode="after")
    def _prevailing_language(self) -> AgreementInfo:
        if self.language == "bilingual" and self.prevailing_language is None:
            raise ValueError("a bilingual agreement needs 'prevailing_language' (zh-TW or en)")
        return self

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages the document is written in."""
        return LANGS if self.language == "bilingual" else (self.language,)


class Renewal(Strict):
    automatic: bool = True
    renewal_months: int = Field(default=12, ge=1, le=120)
    non_renewal_notice_days: Days = 60
    max_renewals: int | None = Field(default=None, ge=1)


class Term(Strict):
    initial_months: int = Field(ge=1, le=240)
    renewal: Renewal | None = None


class Territory(Strict):
    regions: list[Text] = Field(min_length=1)
    online_sales: Literal["allowed", "within_territory", "prohibited"] = "within_territory"
    reserved_customers: Text | None = Field(default=None, description="Customer groups kept by the supplier")


ProductKind = Literal["goods", "software", "services"]
RESALE_TYPES: tuple[str, ...] = ("distributor", "reseller")


class Product(Strict):
    name: Text
    code: str | None = Field(default=None, max_length=40)
    list_price: Money | None = None
    kind: ProductKind = Field(
        default="goods",
        description="goods: physical products (stock, delivery, spare parts); software: licences or "
        "subscriptions (activation, no stock); services: work the supplier performs for customers",
    )


class MinimumCommitment(Strict):
    amount: Money
    period: Period = "year"
    measure: Literal["purchases", "net_sales"] = "purchases"
    consequence: Literal["loss_of_exclusivity", "termination_right", "tier_change", "none"] = (
        "loss_of_exclusivity"
    )


class Appointment(Strict):
    exclusivity: Literal["exclusive", "sole", "non_exclusive"]
    sub_partners_allowed: bool = False
    minimum_commitment: MinimumCommitment | None = None
    non_compete: bool = False
    acts_in_supplier_name: bool = Field(
        default=False, description="True for a commercial agent (代辦商) concluding deals for the supplier"
    )


class Pricing(Strict):
    basis: Literal["discount_off_list", "margin", "price_list", "not_applicable"] = "discount_off_list"
    discount_percent: Percent | None = None
    price_change_notice_days: Days = 30
    order_acceptance_days: Days = 5
    lead_time_days: Days | None = None
    delivery_terms: Text | None = Field(default=None, description="e.g. FCA Taipei (Incoterms 2020)")
    payment_days: Days = 30
    currency: Literal["TWD", "USD", "EUR", "JPY", "CNY", "HKD", "SGD"] = "TWD"
    tax: Literal["excluded", "included"] = "excluded"
    late_interest_percent_per_year: Percent | None = None
    resale_price_restricted: bool = Field(
        default=False, description="Supplier fixes resale prices; the checker warns (Fair Trade Act art. 19)"
    )

    @model_validator(mode="after")
    def _discount_given(self) -> Pricing:
        if self.basis in ("discount_off_list", "margin") and self.discount_percent is None:
            raise ValueError(f"pricing basis '{self.basis}' needs 'discount_percent'")
        return self


class Tier(Strict):
    """Rate that applies from ``threshold`` (inclusive) upwards."""

    threshold: Money
    rate: Percent


class MarketDevelopmentFund(Strict):
    percent: Percent
    cap: Money | None = None
    claim_days: Days = 60


class ProfitSharing(Strict):
    kind: Literal["rebate", "commission", "revenue_share"]
    basis: Literal["net_sales", "net_purchases", "net_revenue"] = "net_sales"
    method: Literal["whole_tier", "marginal"] = Field(
        description="whole_tier: the rate of the tier reached applies to the whole amount; "
        "marginal: each tier's rate applies only to the part inside that tier"
    )
    period: Period = "quarter"
    tiers: list[Tier] = Field(min_length=1)
    cap: Money | None = Field(default=None, description="Maximum payable per period")
    statement_days: Days = Field(default=15, description="Days after period end to deliver the statement")
    payment_days: Days = Field(default=30, description="Days after the statement is agreed to pay")
    payment_form: Literal["credit_note", "bank_transfer"] = "bank_transfer"
    set_off_allowed: bool = True
    market_development_fund: MarketDevelopmentFund | None = None
    audit_rights: bool = True

    @model_validator(mode="after")
    def _tiers_ascending(self) -> ProfitSharing:
        thresholds = [t.threshold for t in self.tiers]
        if thresholds[0] != 0:
            raise ValueError("the first tier must start at threshold 0")
        if any(b <= a for a, b in pairwise(thresholds)):
            raise ValueError("tier thresholds must be strictly ascending")
        return self


ReviewMethod = Literal["data_analysis", "review_meeting", "site_visit", "feedback_360"]
Channel = Literal["email", "phone", "line", "teams", "slack", "wechat", "portal"]
KpiConsequence = Literal[
    "none", "improvement_plan", "tier_change", "loss_of_exclusivity", "termination_right"
]


class Kpi(Strict):
    """One SMART key performance indicator."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)
    name: Text
    metric: Literal[
        "net_sales",
        "units_sold",
        "market_share",
        "customer_satisfaction",
        "new_customers",
        "campaign_participation",
        "certified_staff",
        "response_time",
        "brand_compliance",
        "forecast_accuracy",
        "other",
    ]
    target: Decimal
    threshold: Decimal = Field(description="Worst acceptable value; beyond it the KPI is missed")
    unit: Literal["TWD", "USD", "percent", "count", "score", "hours", "days"]
    period: Period = "quarter"
    data_source: Text
    weight: Percent
    direction: Literal["higher_is_better", "lower_is_better"] = "higher_is_better"
    consequence: KpiConsequence = "improvement_plan"

    @model_validator(mode="after")
    def _threshold_on_the_right_side(self) -> Kpi:
        if self.direction == "higher_is_better" and self.threshold > self.target:
            raise ValueError("threshold must not exceed the target when higher is better")
        if self.direction == "lower_is_better" and self.threshold < self.target:
            raise ValueError("threshold must not be below the target when lower is better")
        return self


class Incentive(Strict):
    """A reward for over-performance."""

    score_at_least: Decimal = Field(
        ge=0,
        le=300,
        description="Weighted KPI score (%, 100 = every target met exactly) that earns the incentive",
    )
    bonus_rate: Percent = Field(description="Extra rebate / commission rate on the period's basis")
    description: Text | None = None


class PerformanceReview(Strict):
    cadence: Literal["quarterly", "half_yearly"] = "quarterly"
    methods: list[ReviewMethod] = Field(
        default_factory=lambda: list[ReviewMethod](["data_analysis", "review_meeting"])
    )
    report_days: Days = Field(default=15, description="Days after period end to deliver the scorecard")
    improvement_plan_days: Days = 30
    incentive: Incentive | None = None

    @property
    def period(self) -> Period:
        """The period one review covers: a quarter, or a half-year."""
        return "half_year" if self.cadence == "half_yearly" else "quarter"


class Contacts(Strict):
    supplier: Person
    partner: Person


class Communication(Strict):
    meeting_cadence: Literal["weekly", "biweekly", "monthly", "quarterly"] = "monthly"
    contacts: Contacts
    channels: list[Channel] = Field(
        default_factory=lambda: list[Channel](["email"])
    )
    platform: Text | None = Field(default=None, description="Shared information platform (partner portal)")
    response_hours: int = Field(default=48, ge=1, le=720)
    joint_business_plan: bool = True


class Support(Strict):
    training_hours_per_year: int = Field(default=0, ge=0, le=10000)
    marketing_material: bool = True
    technical_support: bool = True
    support_response_hours: int | None = Field(default=None, ge=1, le=720)
    demo_units: bool = False


class Confidentiality(Strict):
    survival_years: int = Field(default=3, ge=0, le=30)


class DataProtection(Strict):
    personal_data_shared: bool = True
    partner_role: Literal["independent", "processor"] = Field(
        default="independent",
        description="processor: the partner processes customer data on our behalf (受託)",
    )
    breach_notice_hours: int = Field(default=72, ge=1, le=720)


class PostTermination(Strict):
    inventory_buyback: bool = True
    buyback_price_percent: Percent = Decimal(100)
    sell_off_days: Days = 0
    customer_handover_days: Days = 30
    final_settlement_days: Days = 60
    surviving: list[str] = Field(
        default_factory=lambda: ["confidentiality", "data_protection", "dispute_resolution", "governing_law"],
        description="Clause ids that survive termination",
    )


class Exit(Strict):
    cure_days: Days = 30
    convenience_notice_days: Days | None = Field(
        default=None, description="None: no termination for convenience"
    )
    kpi_failure_periods: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="Consecutive missed review periods that give a termination right",
    )
    insolvency: bool = True
    change_of_control: bool = True
    post_termination: PostTermination = Field(default_factory=PostTermination)


GoverningLaw = Literal["TW", "SG", "HK", "JP", "US-NY", "US-CA", "EN"]
InstitutionCode = Literal["CAA", "HKIAC", "SIAC", "JCAA", "ICC", "ICDR", "LCIA"]
GOVERNING_LAWS: tuple[str, ...] = get_args(GoverningLaw)
INSTITUTION_CODES: tuple[str, ...] = get_args(InstitutionCode)


class Arbitration(Strict):
    """Where and how an arbitration runs.

    ``institution`` is either a known institution's code, whose full name, rules and home seat
    come from the library's jurisdiction table, or the institution's name as free text (which
    then needs ``seat``).
    """

    institution: InstitutionCode | Text = Field(
        description="CAA, HKIAC, SIAC, JCAA, ICC, ICDR or LCIA, or the institution's name as free text"
    )
    seat: Text | None = Field(
        default=None,
        description="Seat (legal place) of the arbitration; a known institution's home seat when omitted",
    )
    language: Lang = "zh-TW"
    arbitrators: Literal[1, 3] = 3

    @field_validator("institution", mode="before")
    @classmethod
    def _code_or_text(cls, value: object) -> object:
        # One clear message instead of one per union member; a code in lower case is still a code.
        if isinstance(value, str):
            return value.upper() if value.upper() in INSTITUTION_CODES else value
        if not isinstance(value, dict | Text):
            raise ValueError(
                f"give a known institution's code ({', '.join(INSTITUTION_CODES)}) or its name as text"
            )
        return value

    @model_validator(mode="after")
    def _seat_for_free_text(self) -> Arbitration:
        if self.seat is None and isinstance(self.institution, Text):
            raise ValueError(
                "an institution given by name needs 'seat'; or use a known code "
                f"({', '.join(INSTITUTION_CODES)}) whose home seat applies"
            )
        return self


class DisputeResolution(Strict):
    negotiation_days: Days = 30
    escalation: bool = True
    mediation: Text | None = Field(default=None, description="Mediation body; omit for no mediation step")
    method: Literal["arbitration", "court"]
    arbitration: Arbitration | None = None
    court: Text | None = Field(default=None, description="Agreed court of first instance")

    @model_validator(mode="after")
    def _forum_given(self) -> DisputeResolution:
        if self.method == "arbitration" and self.arbitration is None:
            raise ValueError("method 'arbitration' needs the 'arbitration' block (institution, seat)")
        if self.method == "court" and self.court is None:
            raise ValueError("method 'court' needs 'court' (the agreed court of first instance)")
        return self


class Deal(Strict):
    """One channel-partner agreement's facts: the root of a deal file."""

    agreement: AgreementInfo
    parties: Parties
    term: Term
    territory: Territory
    products: list[Product] = Field(min_length=1)
    appointment: Appointment
    pricing: Pricing
    profit_sharing: ProfitSharing | None = None
    kpis: list[Kpi] = Field(default_factory=list)
    performance_review: PerformanceReview | None = None
    communication: Communication
    support: Support = Field(default_factory=Support)
    confidentiality: Confidentiality = Field(default_factory=Confidentiality)
    data_protection: DataProtection = Field(default_factory=DataProtection)
    exit: Exit = Field(default_factory=Exit)
    dispute_resolution: DisputeResolution
    governing_law: GoverningLaw = "TW"

    @field_validator("kpis")
    @classmethod
    def _kpi_weights_and_ids(cls, kpis: list[Kpi]) -> list[Kpi]:
        # A field validator (not a model one) so that this rule is reported together with
        # errors elsewhere in the file instead of only after they are fixed.
        if kpis:
            total = sum((k.weight for k in kpis), Decimal(0))
            if total != 100:
                raise ValueError(f"KPI weights add up to {total.normalize():f} %, they must add up to 100 %")
            ids = [k.id for k in kpis]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate KPI id(s): {', '.join(dupes)}")
        return kpis

    # Derived facts that clause and outline conditions test, e.g. `when: deal.partner_holds_stock`.

    @property
    def product_kinds(self) -> tuple[ProductKind, ...]:
        """The kinds of product the deal covers, in the order goods, software, services."""
        present = {p.kind for p in self.products}
        return tuple(k for k in ("goods", "software", "services") if k in present)

    @property
    def sells_goods(self) -> bool:
        """Some product is a physical good (stock, delivery, inspection, spare parts)."""
        return "goods" in self.product_kinds

    @property
    def sells_software(self) -> bool:
        """Some product is software licensed or subscribed (activation instead of delivery)."""
        return "software" in self.product_kinds

    @property
    def sells_services(self) -> bool:
        """Some product is a service the supplier performs for customers."""
        return "services" in self.product_kinds

    @property
    def partner_buys(self) -> bool:
        """The partner buys the products from the supplier and resells them in its own name."""
        return self.agreement.type in RESALE_TYPES

    @property
    def partner_holds_stock(self) -> bool:
        """The partner keeps an inventory: it buys physical goods for resale."""
        return self.partner_buys and self.sells_goods

    @property
    def partner_sells(self) -> bool:
        """The partner sells to customers: in its own name, or as an agent concluding in the supplier's."""
        return self.partner_buys or (
            self.agreement.type == "agency" and self.appointment.acts_in_supplier_name
        )

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Deal:
        problems = self.cross_field_problems()
        if problems:
            raise CrossFieldError(problems)
        return self

    def cross_field_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Rules that span several fields, each with the path of the field to fix."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        info = self.agreement
        if info.signing_date and info.signing_date > info.effective_date + dt.timedelta(days=366):
            problems.append((("agreement", "signing_date"), "is more than a year after the effective date"))
        term_days = self.term.initial_months * 30
        notices: dict[tuple[str | int, ...], int | None] = {
            ("exit", "cure_days"): self.exit.cure_days,
            ("exit", "convenience_notice_days"): self.exit.convenience_notice_days,
            ("pricing", "price_change_notice_days"): self.pricing.price_change_notice_days,
        }
        if self.term.renewal is not None:
            notices[("term", "renewal", "non_renewal_notice_days")] = (
                self.term.renewal.non_renewal_notice_days
            )
        for path, days in notices.items():
            if days is not None and days >= term_days:
                problems.append((path, f"{days} days must be shorter than the initial term"))
        if self.exit.kpi_failure_periods is not None and not self.kpis:
            problems.append((("exit", "kpi_failure_periods"), "needs at least one KPI in 'kpis'"))
        if self.kpis and self.performance_review is None:
            problems.append(
                (("performance_review",), "KPIs need a review procedure (cadence, improvement plan)")
            )
        problems.extend((path, missing_text_message(lang)) for path, lang in self.missing_texts(info.languages))
        return problems

    def missing_texts(self, languages: tuple[Lang, ...]) -> list[tuple[tuple[str | int, ...], Lang]]:
        """(field path, language) of every text in the deal that lacks one of ``languages``.

        Every text the deal holds is drafted somewhere (cover, clauses, schedules), so each must
        exist in each drafted language; plain strings count as the deal's own languages' text.
        """
        written_in = self.agreement.languages
        return [
            (path, lang)
            for lang in languages
            for path, text in _texts(self, ())
            if not text.has(lang, written_in)
        ]


def _texts(node: object, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], Text]]:
    """Every Text inside ``node`` (a model, list or value) with its field path, in file order."""
    if isinstance(node, Text):
        return [(path, node)]
    if isinstance(node, list | tuple):
        return [found for i, item in enumerate(node) for found in _texts(item, (*path, i))]
    if isinstance(node, Strict):
        return [
            found
            for name, info in type(node).model_fields.items()
            for found in _texts(getattr(node, name), (*path, info.alias or name))
        ]
    return []


def missing_text_message(lang: Lang) -> str:
    """What a text lacking ``lang`` is told: ``no English text (add {zh-TW: …, en: …})``."""
    return f"no {LANG_NAMES[lang]} text (add {{zh-TW: …, en: …}})"


class CrossFieldError(Exception):
    """Raised (deliberately not a ValueError, so pydantic lets it through) with located problems."""

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p))}: {m}" for p, m in problems))
        self.problems = problems
