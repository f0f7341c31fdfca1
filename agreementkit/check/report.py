"""Render a CheckResult: terminal text, JSON (stable schema), Markdown and HTML pre-review memos.

JSON schema ``agreementkit-check/1`` (documented in README "Checking agreements")::

    {"schema": "agreementkit-check/1", "file", "kind", "language", "agreement_type", "playbook", "ours",
     "summary": {"blockers", "warnings", "info", "topics_present", "topics_missing", "strict", "exit_code"},
     "topics": [{"id", "name", "category", "status": "present" | "missing", "source",
                 "evidence": [{"where", "location": {...}, "quote"}]}],
     "findings": [{"severity": "blocker" | "warning" | "info", "rule", "message", "topic", "cite",
                   "evidence": [...]}]}
"""

from __future__ import annotations

import json
from typing import Any

from agreementkit.check.model import Finding
from agreementkit.check.result import CheckResult
from agreementkit.check.topics import CATEGORY_NAMES, TOPIC_BY_ID

SCHEMA = "agreementkit-check/1"
_MARK = {"blocker": "✗ BLOCKER", "warning": "! warning", "info": "i info"}


def _lang(result: CheckResult) -> str:
    return "zh-TW" if result.language == "zh-TW" else "en"


def to_data(result: CheckResult) -> dict[str, Any]:
    """The report as plain JSON-able data (the documented schema)."""
    lang = _lang(result)
    topics = []
    for t in result.topics:
        topic = TOPIC_BY_ID[t.id]
        topics.append(
            {
                "id": t.id,
                "name": topic.name(lang),
                "category": topic.category,
                "status": "present" if t.present else "missing",
                "source": t.source or None,
                "evidence": [e.to_json() for e in t.evidence],
            }
        )
    findings = [
        {
            "severity": f.severity,
            "rule": f.rule,
            "message": f.message,
            "topic": f.topic,
            "cite": f.cite,
            "evidence": [e.to_json() for e in f.evidence],
        }
        for f in result.sorted_findings()
    ]
    return {
        "schema": SCHEMA,
        "file": result.file,
        "kind": result.kind,
        "language": result.language,
        "agreement_type": result.agreement_type,
        "playbook": result.playbook,
        "ours": result.ours,
        "summary": {
            "blockers": result.count("blocker"),
            "warnings": result.count("warning"),
            "info": result.count("info"),
            "topics_present": sum(1 for t in result.topics if t.present),
            "topics_missing": sum(1 for t in result.topics if not t.present),
            "strict": result.strict,
            "exit_code": result.exit_code,
        },
        "topics": topics,
        "findings": findings,
    }


def render_json(result: CheckResult) -> str:
    """JSON text, keys in a fixed order, non-ASCII kept readable."""
    return json.dumps(to_data(result), ensure_ascii=False, indent=2)


def _finding_lines(f: Finding) -> list[str]:
    lines = [f"{_MARK[f.severity]} [{f.rule}] {f.message}"]
    if f.cite:
        lines.append(f"    cite: {f.cite}")
    for e in f.evidence:
        lines.append(f"    at {e.location.describe()}: {e.quote}")
    return lines


def render_text(result: CheckResult) -> str:
    """The terminal report: verdict, findings with evidence, topics by category."""
    lang = _lang(result)
    out = [
        f"{result.file}  ({result.kind}, {result.language}, type: {result.agreement_type or 'unknown'}, "
        f"playbook: {result.playbook}{', our DOCX' if result.ours else ''})",
        "",
    ]
    for f in result.sorted_findings():
        out.extend(_finding_lines(f))
    if not result.findings:
        out.append("no findings")
    out.append("")
    out.append("topics:")
    for cat, names in CATEGORY_NAMES.items():
        items = [t for t in result.topics if TOPIC_BY_ID[t.id].category == cat]
        present = [TOPIC_BY_ID[t.id].name(lang) for t in items if t.present]
        missing = [TOPIC_BY_ID[t.id].name(lang) for t in items if not t.present]
        label = names[0] if lang == "zh-TW" else names[1]
        out.append(f"  {label}: ✓ {', '.join(present) or '-'}")
        if missing:
            out.append(f"  {' ' * len(label)}  ✗ {', '.join(missing)}")
    verdict = {0: "OK: nothing blocks", 1: "BLOCKED"}[result.exit_code]
    out.append("")
    out.append(
        f"{verdict} — {result.count('blocker')} blocker(s), {result.count('warning')} warning(s), "
        f"{result.count('info')} note(s){' (strict)' if result.strict else ''}"
    )
    return "\n".join(out)


def render_markdown(result: CheckResult) -> str:
    """A pre-review memo for legal, in Markdown."""
    data = to_data(result)
    s = data["summary"]
    out = [
        f"# Pre-review memo: {result.file}",
        "",
        f"- Type: {result.agreement_type or 'unknown'} (playbook `{result.playbook}`); language {result.language}; "
        f"{'our DOCX' if result.ours else result.kind}",
        f"- **{s['blockers']} blocker(s)**, {s['warnings']} warning(s), {s['info']} note(s); exit code {s['exit_code']}",
        "",
        "## Findings",
        "",
    ]
    for f in data["findings"]:
        out.append(f"- **{f['severity']}** `{f['rule']}`: {f['message']}" + (f" — *{f['cite']}*" if f["cite"] else ""))
        for e in f["evidence"]:
            out.append(f"  - {e['where']}: “{e['quote']}”")
    if not data["findings"]:
        out.append("No findings.")
    out += ["", "## Topics", "", "| topic | category | status | where |", "| --- | --- | --- | --- |"]
    for t in data["topics"]:
        where = t["evidence"][0]["where"] if t["evidence"] else ""
        out.append(f"| {t['name']} (`{t['id']}`) | {t['category']} | {t['status']} | {where} |")
    return "\n".join(out) + "\n"


_HTML = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>Pre-review memo: {{ d.file }}</title>
<style>body{font-family:system-ui,"Noto Sans TC",sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}
.blocker{color:#b00020}.warning{color:#8a5a00}.info{color:#555}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}.missing{background:#fdecea}q{color:#333}</style>
</head><body>
<h1>Pre-review memo</h1>
<p><b>{{ d.file }}</b> — type {{ d.agreement_type or "unknown" }} (playbook {{ d.playbook }}), {{ d.language }}</p>
<p><b>{{ d.summary.blockers }}</b> blocker(s), {{ d.summary.warnings }} warning(s), {{ d.summary.info }} note(s);
exit code {{ d.summary.exit_code }}</p>
<h2>Findings</h2>
<ul>{% for f in d.findings %}<li class="{{ f.severity }}"><b>{{ f.severity }}</b> [{{ f.rule }}] {{ f.message }}
{% if f.cite %}<br><i>{{ f.cite }}</i>{% endif %}
{% if f.evidence %}<ul>{% for e in f.evidence %}<li>{{ e.where }}: <q>{{ e.quote }}</q></li>{% endfor %}</ul>{% endif %}
</li>{% else %}<li>No findings.</li>{% endfor %}</ul>
<h2>Topics</h2>
<table><tr><th>topic</th><th>category</th><th>status</th><th>evidence</th></tr>
{% for t in d.topics %}<tr class="{{ t.status }}"><td>{{ t.name }} <code>{{ t.id }}</code></td><td>{{ t.category }}</td>
<td>{{ t.status }}</td><td>{% if t.evidence %}{{ t.evidence[0].where }}: <q>{{ t.evidence[0].quote }}</q>{% endif %}</td></tr>
{% endfor %}</table>
</body></html>
"""


def render_html(result: CheckResult) -> str:
    """A pre-review memo for legal, as a self-contained HTML page (escaped, sandboxed template)."""
    from agreementkit.library.jinja import make_env

    env = make_env(autoescape=True)
    return env.from_string(_HTML).render(d=to_data(result), lang=_lang(result))


RENDERERS = {"text": render_text, "json": render_json, "md": render_markdown, "html": render_html}


def render(result: CheckResult, fmt: str) -> str:
    """Render ``result`` as ``fmt`` ('text', 'json', 'md' or 'html')."""
    return RENDERERS[fmt](result)
