"""Charts for the review report and the settlement statement (matplotlib, Agg, imported lazily).

Output is a 200-dpi PNG (embedded by both the DOCX and the PDF) and deterministic: no dates or
software names in the metadata, fixed fonts and sizes. Chinese labels need a Traditional Chinese
font: Noto Sans CJK TC (Debian's ``fonts-noto-cjk``) found through matplotlib's font list, else the
fonts the PDF renderer selects (:mod:`agreementkit.render.fonts`); with none available the chart
falls back to English labels rather than draw empty boxes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from agreementkit.models.common import Lang

CJK_FAMILIES = ("Noto Sans CJK TC", "Noto Sans TC", "Noto Serif CJK TC", "Noto Serif TC")
LATIN_FAMILY = "DejaVu Sans"
STATUS_COLOURS = {"met": "#2e7d32", "at_risk": "#f9a825", "missed": "#c62828", "no_data": "#9e9e9e"}


@dataclass(frozen=True)
class KpiBar:
    """One KPI in the period: its label, attainment, threshold attainment and status."""

    label: str
    attainment: Decimal
    threshold_attainment: Decimal
    status: str


@dataclass(frozen=True)
class KpiChartData:
    """What the KPI chart shows: the period's bars and the attainment series per KPI."""

    title_bars: str
    title_trend: str
    axis_attainment: str
    target_label: str
    threshold_label: str
    score_label: str
    bars: tuple[KpiBar, ...]
    periods: tuple[str, ...]
    series: tuple[tuple[str, tuple[Decimal | None, ...]], ...]
    scores: tuple[Decimal, ...]


@dataclass(frozen=True)
class BasisChartData:
    """What the settlement chart shows: the basis per period against the tier thresholds."""

    title: str
    axis: str
    periods: tuple[str, ...]
    values: tuple[Decimal, ...]
    current: int
    thresholds: tuple[tuple[str, Decimal], ...]


@functools.cache
def cjk_family() -> str | None:
    """A Traditional Chinese font family matplotlib can use, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    try:  # the PDF renderer's own font choice (e.g. fonts from a pip package)
        from agreementkit.render.fonts import select_fonts

        for face in select_fonts().faces:
            font_manager.fontManager.addfont(str(face.path))
        names = {f.name for f in font_manager.fontManager.ttflist}
        for family in CJK_FAMILIES:
            if family in names:
                return family
    except Exception:  # no renderer fonts: fall back to English labels
        return None
    return None


def chart_lang(lang: Lang) -> Lang:
    """The language the chart can be labelled in: zh-TW only when a CJK font is available."""
    return lang if lang == "en" or cjk_family() else "en"


@contextmanager
def _style() -> Iterator[Any]:
    """Our rc settings, and matplotlib's Figure class (the object API: no pyplot, no GUI backend)."""
    import matplotlib
    from matplotlib.figure import Figure

    family = [cjk_family() or LATIN_FAMILY, LATIN_FAMILY]
    with matplotlib.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": family,
            "font.size": 9,
            "axes.unicode_minus": False,
            "figure.dpi": 100,
            "path.simplify": False,
        }
    ):
        yield Figure


def _save(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=200, metadata={"Software": None}, bbox_inches=None)
    return buf.getvalue()


def kpi_chart(data: KpiChartData) -> bytes:
    """Target vs actual (attainment % per KPI, with target and threshold marks) beside the trend."""
    with _style() as figure:
        fig = figure(figsize=(9.2, 3.6))
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
        labels = [b.label for b in data.bars][::-1]
        values = [float(b.attainment) for b in data.bars][::-1]
        colours = [STATUS_COLOURS.get(b.status, "#607d8b") for b in data.bars][::-1]
        ys = list(range(len(labels)))
        left.barh(ys, values, color=colours, height=0.6, zorder=2)
        left.scatter(
            [float(b.threshold_attainment) for b in data.bars][::-1],
            ys,
            marker="|",
            s=260,
            color="#37474f",
            zorder=3,
            label=data.threshold_label,
        )
        left.axvline(100, color="#1565c0", linestyle="--", linewidth=1.2, zorder=3, label=data.target_label)
        for y, v in zip(ys, values, strict=True):
            left.text(v + 2, y, f"{v:.1f}%", va="center", fontsize=8, zorder=4)
        left.set_yticks(ys, labels)
        left.set_xlim(0, max([*values, 100.0]) * 1.18)
        left.set_xlabel(data.axis_attainment)
        left.set_title(data.title_bars, fontsize=10)
        left.grid(axis="x", color="#e0e0e0", zorder=0)
        left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=7, frameon=False)

        xs = list(range(len(data.periods)))
        palette = ["#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037", "#ad1457", "#2e7d32", "#455a64"]
        for i, (name, points) in enumerate(data.series):
            px = [x for x, p in zip(xs, points, strict=True) if p is not None]
            py = [float(p) for p in points if p is not None]
            right.plot(
                px,
                py,
                marker="o",
                markersize=3.5,
                linewidth=1.2,
                color=palette[i % len(palette)],
                label=name,
            )
        right.plot(
            xs,
            [float(s) for s in data.scores],
            color="#000000",
            linewidth=2.4,
            marker="s",
            markersize=4.5,
            label=data.score_label,
        )
        right.axhline(100, color="#1565c0", linestyle="--", linewidth=1.0)
        right.set_xticks(xs, list(data.periods))
        if len(xs) == 1:
            right.set_xlim(-0.5, 0.5)
        right.set_ylabel(data.axis_attainment)
        right.set_title(data.title_trend, fontsize=10)
        right.grid(color="#e0e0e0")
        right.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
        fig.tight_layout()
        return _save(fig)


def basis_chart(data: BasisChartData) -> bytes:
    """The settlement basis per period as bars, the reviewed period highlighted, tier thresholds as lines."""
    with _style() as figure:
        fig = figure(figsize=(9.2, 3.0))
        ax = fig.subplots()
        xs = list(range(len(data.periods)))
        values = [float(v) for v in data.values]
        colours = ["#1565c0" if i == data.current else "#90caf9" for i in xs]
        ax.bar(xs, values, color=colours, width=0.55, zorder=2)
        for x, v in zip(xs, values, strict=True):
            ax.text(x, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=8)
        top = max([*values, *(float(t) for _, t in data.thresholds), 1.0])
        for label, threshold in data.thresholds:
            if threshold > 0:
                ax.axhline(float(threshold), color="#c62828", linestyle=":", linewidth=1.0, zorder=3)
                ax.text(
                    len(xs) - 0.45,
                    float(threshold),
                    label,
                    ha="left",
                    va="center",
                    fontsize=7,
                    color="#c62828",
                )
        ax.set_xticks(xs, list(data.periods))
        ax.set_xlim(-0.6, len(xs) - 0.4 + 0.9)
        ax.set_ylim(0, top * 1.15)
        ax.set_ylabel(data.axis)
        ax.set_title(data.title, fontsize=10)
        ax.grid(axis="y", color="#e0e0e0", zorder=0)
        ax.yaxis.set_major_formatter(_thousands())
        fig.tight_layout()
        return _save(fig)


def _thousands() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v:,.0f}")


def series_labels(values: Sequence[Decimal]) -> list[str]:
    """Format attainment values for alt text: '103.4%'."""
    return [f"{v}%" for v in values]
