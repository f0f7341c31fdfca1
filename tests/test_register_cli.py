"""``agreementkit register``: add, list, show, set-status, import, on a matrix of deals and both databases."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import shutil
from pathlib import Path

import pytest

from agreementkit.deal.load import load_deal
from agreementkit.library.loader import Library
from agreementkit.lifecycle.register import open_register
from tests.conftest import EN_RESELLER, EXAMPLES, ZH_DISTRIBUTOR
from tests.helpers_register import db_url, listed, matrix_deals, run, shown

__all__ = ["db_url"]  # the fixture, imported for pytest

V2 = EXAMPLES / "distributor-zh-TW-v2.yaml"


def _count(db: str) -> int:
    return len(listed(db))


def test_add_registers_identity_of_each_matrix_deal(db_url: str, tmp_path: Path) -> None:
    deals = matrix_deals(tmp_path / "deals", 12)
    for path in deals:
        result = run(db_url, "add", str(path))
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("registered agreement ")
    rows = listed(db_url)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert len(rows) == len(deals)
    for row, path in zip(rows, deals, strict=True):
        deal = load_deal(path)
        lang = deal.agreement.languages[0]
        assert row["partner"] == deal.parties.partner.name.get(lang)
        assert row["type"] == deal.agreement.type
        title = deal.agreement.title or Library.open().outline(deal.agreement.type).title
        assert row["title"] == title.get(lang) and row["title"]
        assert row["languages"] == list(deal.agreement.languages)
        assert row["effective_date"] == deal.agreement.effective_date.isoformat()
        assert row["status"] == "draft"
        assert Path(row["deal_file"]).name == path.name
        # The text is kept exactly as registered, even once the file changes or goes.
        assert shown(db_url, row["id"])["deal_text"] == path.read_text(encoding="utf-8")


def test_same_text_again_is_a_no_op(db_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(ZH_DISTRIBUTOR, copy)
    first = run(db_url, "add", str(ZH_DISTRIBUTOR))
    again = run(db_url, "add", str(copy))
    assert first.exit_code == again.exit_code == 0
    assert "already registered, unchanged" in again.stdout
    rows = listed(db_url)
    assert len(rows) == 1 and rows[0]["status"] == "draft"
    assert len(shown(db_url, rows[0]["id"])["history"]) == 1


def test_same_text_with_contradicting_options_is_refused(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR)).exit_code == 0
    for extra, hint in (
        (["--status", "active"], "register set-status 1 active"),
        (["--signed-on", "2027-01-05"], "--signed-on 2027-01-05"),
        (["--amends", "1"], "as an agreement of its own"),
    ):
        result = run(db_url, "add", str(ZH_DISTRIBUTOR), *extra)
        assert result.exit_code == 12, result.output
        assert "already registered as agreement 1" in result.stderr and hint in result.stderr
    assert run(db_url, "add", str(ZH_DISTRIBUTOR), "--status", "draft").exit_code == 0  # agrees: a no-op
    assert len(shown(db_url, 1)["history"]) == 1


def test_documents_can_be_added_to_a_registered_text(db_url: str, tmp_path: Path) -> None:
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(b"%PDF-1.7 countersigned\n")
    assert run(db_url, "add", str(ZH_DISTRIBUTOR)).exit_code == 0
    later = run(db_url, "add", str(ZH_DISTRIBUTOR), "--document", str(pdf))
    assert later.exit_code == 0 and "1 document(s) added to agreement 1" in later.stdout
    twice = run(db_url, "add", str(ZH_DISTRIBUTOR), "--document", str(pdf))
    assert "unchanged" in twice.stdout
    assert [d["state"] for d in shown(db_url, 1)["documents"]] == ["same"]


def test_signing_takes_the_deals_signing_date_unless_given(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR)).exit_code == 0
    assert run(db_url, "add", str(EN_RESELLER)).exit_code == 0
    assert run(db_url, "set-status", "1", "signed").exit_code == 0
    assert run(db_url, "set-status", "2", "signed", "--signed-on", "2027-02-27").exit_code == 0
    rows = listed(db_url)
    assert rows[0]["signed_on"] == load_deal(ZH_DISTRIBUTOR).agreement.signing_date.isoformat()  # type: ignore[union-attr]
    assert rows[1]["signed_on"] == "2027-02-27"


def test_import_folder_is_idempotent_and_reports_each_failure(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "deals"
    deals = matrix_deals(folder, 8)
    (folder / "broken.yaml").write_text("agreement: {type: distributor\n", encoding="utf-8")
    (folder / "not-a-deal.yml").write_text("hello: world\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored: not a deal file suffix\n", encoding="utf-8")
    first = run(db_url, "import", str(folder))
    assert first.exit_code == 2
    assert "8 registered, 0 unchanged, 2 failed" in first.stdout
    assert "broken.yaml: not registered" in first.stderr
    assert "not-a-deal.yml: not registered" in first.stderr
    assert "Traceback" not in first.output
    assert _count(db_url) == len(deals)
    assert run(db_url, "set-status", "1", "signed").exit_code == 0
    second = run(db_url, "import", str(folder))
    assert "0 registered, 8 unchanged, 2 failed" in second.stdout
    assert _count(db_url) == len(deals)
    active = run(db_url, "import", str(folder), "--status", "active")  # contradicts every registered status
    assert "0 registered, 0 unchanged, 10 failed" in active.stdout and "register set-status 1 active" in active.stderr


def test_import_refuses_a_file_as_folder(db_url: str) -> None:
    result = run(db_url, "import", str(ZH_DISTRIBUTOR))
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_list_filters_and_formats(db_url: str, tmp_path: Path) -> None:
    deals = matrix_deals(tmp_path / "deals", 10)
    for path in deals:
        assert run(db_url, "add", str(path)).exit_code == 0
    rows = listed(db_url)
    target = rows[3]
    assert run(db_url, "set-status", str(target["id"]), "signed").exit_code == 0
    assert [r["id"] for r in listed(db_url, "--status", "signed")] == [target["id"]]
    assert len(listed(db_url, "--status", "draft", "--status", "signed")) == len(rows)
    kind = rows[0]["type"]
    assert [r["id"] for r in listed(db_url, "--type", kind)] == [r["id"] for r in rows if r["type"] == kind]
    part = target["partner"][1:5].upper()
    by_name = listed(db_url, "--partner", part)
    assert target["id"] in [r["id"] for r in by_name]
    assert all(part.lower() in r["partner"].lower() for r in by_name)
    if target["partner_tax_id"]:
        by_tax = listed(db_url, "--partner", target["partner_tax_id"])
        assert {r["partner_tax_id"] for r in by_tax} == {target["partner_tax_id"]}
    # LIKE wildcards in --partner are literal characters, not "match anything".
    assert not any("%" in r["partner"] or "_" in r["partner"] for r in rows)
    assert listed(db_url, "--partner", "%") == listed(db_url, "--partner", "_") == []
    table = run(db_url, "list")
    assert table.exit_code == 0 and "status" in table.stdout
    assert all(str(r["id"]) in table.stdout for r in rows)
    csv_out = run(db_url, "list", "--format", "csv")
    lines = csv_out.stdout_bytes.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,status,partner") and len(lines) == len(rows) + 1


def test_csv_is_formula_safe(db_url: str, example_copy) -> None:  # type: ignore[no-untyped-def]
    hostile = example_copy(EN_RESELLER, {"Straits Compliance Solutions Pte. Ltd.": "'=HYPERLINK(\"http://x\")'"})
    hostile_text = hostile.read_text(encoding="utf-8")
    assert "=HYPERLINK" in hostile_text
    result = run(db_url, "add", str(hostile))
    assert result.exit_code == 0, result.output
    text = run(db_url, "list", "--format", "csv").stdout_bytes.decode("utf-8-sig")
    import csv
    import io

    cells = list(csv.reader(io.StringIO(text)))[1]
    assert cells[2].startswith("'=")


def test_status_machine_and_history(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR), "--note", "from sales").exit_code == 0
    (row,) = listed(db_url)
    agreement = str(row["id"])
    assert run(db_url, "set-status", agreement, "in_review").exit_code == 0
    assert run(db_url, "set-status", agreement, "signed", "--signed-on", "2026-12-20").exit_code == 0
    assert run(db_url, "set-status", agreement, "active", "--note", "term began").exit_code == 0
    refused = run(db_url, "set-status", agreement, "draft")
    assert refused.exit_code == 12 and "--override" in refused.stderr
    assert run(db_url, "set-status", agreement, "terminated", "--note", "breach").exit_code == 0
    back = run(db_url, "set-status", agreement, "active")
    assert back.exit_code == 12 and "final" in back.stderr
    no_note = run(db_url, "set-status", agreement, "active", "--override")
    assert no_note.exit_code == 12 and "--note" in no_note.stderr
    same = run(db_url, "set-status", agreement, "terminated")
    assert same.exit_code == 12 and "already terminated" in same.stderr
    forced = run(db_url, "set-status", agreement, "active", "--override", "--note", "termination withdrawn by letter")
    assert forced.exit_code == 0
    record = shown(db_url, row["id"])
    assert record["status"] == "active" and record["signed_on"] == "2026-12-20"
    steps = [(h["from"], h["to"], h["override"]) for h in record["history"]]
    assert steps == [
        (None, "draft", False),
        ("draft", "in_review", False),
        ("in_review", "signed", False),
        ("signed", "active", False),
        ("active", "terminated", False),
        ("terminated", "active", True),
    ]
    assert record["history"][0]["note"] == "from sales"
    assert record["history"][-1]["note"] == "termination withdrawn by letter"
    assert {h["user"] for h in record["history"]} == {getpass.getuser()}
    times = [dt.datetime.fromisoformat(h["at"]) for h in record["history"]]
    assert all(t.utcoffset() == dt.timedelta(0) for t in times) and times == sorted(times)
    text = run(db_url, "show", agreement).stdout
    assert "terminated → active (override): termination withdrawn by letter" in text


def test_signed_on_defaults_to_the_deals_signing_date(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR), "--status", "signed").exit_code == 0
    (row,) = listed(db_url)
    assert row["signed_on"] == load_deal(ZH_DISTRIBUTOR).agreement.signing_date.isoformat()  # type: ignore[union-attr]
    assert run(db_url, "add", str(EN_RESELLER), "--status", "active", "--signed-on", "2027-02-03").exit_code == 0
    assert listed(db_url)[1]["signed_on"] == "2027-02-03"


def test_document_hash_same_changed_missing(db_url: str, tmp_path: Path) -> None:
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(b"%PDF-1.7 signed copy\n")
    annex = tmp_path / "annex.docx"
    annex.write_bytes(b"PK annex")
    assert run(db_url, "add", str(ZH_DISTRIBUTOR), "--document", str(signed), "--document", str(annex)).exit_code == 0
    (row,) = listed(db_url)
    states = {Path(d["path"]).name: d["state"] for d in shown(db_url, row["id"])["documents"]}
    assert states == {"signed.pdf": "same", "annex.docx": "same"}
    signed.write_bytes(b"%PDF-1.7 signed copy, edited\n")
    annex.unlink()
    docs = {Path(d["path"]).name: d for d in shown(db_url, row["id"])["documents"]}
    assert docs["signed.pdf"]["state"] == "changed" and docs["signed.pdf"]["current_sha256"] != docs["signed.pdf"]["sha256"]
    assert docs["annex.docx"]["state"] == "missing"
    text = run(db_url, "show", str(row["id"])).stdout
    assert "CHANGED since registered" in text and "MISSING" in text
    signed.write_bytes(b"%PDF-1.7 signed copy\n")  # put back exactly: the same again
    assert {d["state"] for d in shown(db_url, row["id"])["documents"] if "signed" in d["path"]} == {"same"}


def test_a_missing_document_registers_nothing(db_url: str, tmp_path: Path) -> None:
    result = run(db_url, "add", str(ZH_DISTRIBUTOR), "--document", str(tmp_path / "nope.pdf"))
    assert result.exit_code == 2 and "nope.pdf: no such document" in result.stderr
    assert listed(db_url) == []


def test_amendment_supersedes_only_once_signed(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR), "--status", "active").exit_code == 0
    original = listed(db_url)[0]["id"]
    bad = run(db_url, "add", str(V2), "--amends", "999")
    assert bad.exit_code == 12 and "no agreement 999" in bad.stderr
    assert len(listed(db_url)) == 1
    assert run(db_url, "add", str(V2), "--amends", str(original)).exit_code == 0
    rows = {r["id"]: r for r in listed(db_url)}
    amendment = max(rows)
    assert rows[amendment]["amends"] == original
    assert rows[original]["superseded_by"] is None  # a draft amendment moves nothing
    assert run(db_url, "set-status", str(amendment), "signed").exit_code == 0
    assert {r["id"]: r["superseded_by"] for r in listed(db_url)} == {original: amendment, amendment: None}
    assert shown(db_url, original)["amendments"] == [amendment]
    with open_register(db_url) as reg:
        from agreementkit.lifecycle.register import in_force

        current = in_force(reg.agreements(status=["signed", "active"]))
    assert [a.id for a in current] == [amendment]
    assert current[0].deal_text == V2.read_text(encoding="utf-8") and current[0].deal_name == V2.name


def test_amending_another_partners_agreement_is_refused(db_url: str) -> None:
    assert run(db_url, "add", str(EN_RESELLER), "--status", "active").exit_code == 0
    result = run(db_url, "add", str(V2), "--amends", "1")
    assert result.exit_code == 12 and "this deal's partner is" in result.stderr
    assert len(listed(db_url)) == 1


def test_a_failed_command_changes_nothing(db_url: str) -> None:
    with pytest.raises(RuntimeError), open_register(db_url) as reg, reg.transaction() as tx:
        tx.add(ZH_DISTRIBUTOR, "active")
        tx.add(EN_RESELLER, "draft")
        assert len(tx.agreements()) == 2
        raise RuntimeError("the command failed after its inserts")
    assert listed(db_url) == []


def test_bad_deal_is_one_readable_message(db_url: str, example_copy) -> None:  # type: ignore[no-untyped-def]
    bad = example_copy(ZH_DISTRIBUTOR, {"type: distributor": "type: wholesaler"})
    result = run(db_url, "add", str(bad))
    assert result.exit_code == 2 and bad.name in result.stderr and "agreement.type" in result.stderr
    assert "Traceback" not in result.output
    assert listed(db_url) == []


@pytest.mark.parametrize("agreement_id", ["0", "7", "123456789"])
def test_unknown_id(db_url: str, agreement_id: str) -> None:
    for args in (["show", agreement_id], ["set-status", agreement_id, "active"]):
        result = run(db_url, *args)
        assert result.exit_code == 12 and f"no agreement {agreement_id}" in result.stderr


def test_location_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env = tmp_path / "env" / "reg.sqlite3"
    result = run("", "add", str(ZH_DISTRIBUTOR), env={"AGREEMENTKIT_DB": str(from_env)})
    assert result.exit_code == 0 and from_env.is_file()
    import agreementkit.lifecycle.register.location as location

    monkeypatch.delenv("AGREEMENTKIT_DB", raising=False)
    monkeypatch.setattr(location, "default_db_path", lambda: tmp_path / "data" / "register.sqlite3")
    assert run("", "add", str(EN_RESELLER)).exit_code == 0
    assert (tmp_path / "data" / "register.sqlite3").is_file()
    assert location.resolve_db(None, {}).endswith("register.sqlite3")
    assert location.resolve_db("postgresql+psycopg://u@h/db", {}) == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize(
    ("db", "needle"),
    [("nosuchdialect://x/y", "not a database URL"), ("postgresql+psycopg://u:secret@127.0.0.1:1/x", "127.0.0.1")],
)
def test_unusable_database_is_one_message(db: str, needle: str) -> None:
    result = run(db, "list")
    assert result.exit_code == 10 and needle in result.stderr
    assert "secret" not in result.stderr and "Traceback" not in result.output


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not an SQLite database, just text " * 100)
    result = run(str(junk), "list")
    assert result.exit_code == 10 and "junk.sqlite3" in result.stderr
    assert run(str(tmp_path), "list").exit_code == 10


def test_show_text_and_json_agree(db_url: str) -> None:
    assert run(db_url, "add", str(EN_RESELLER)).exit_code == 0
    data = shown(db_url, 1)
    text = run(db_url, "show", "1").stdout
    assert data["partner"] in text and data["deal_sha256"][:12] in text
    assert json.loads(json.dumps(data)) == data


def test_a_deal_file_that_is_not_utf8(db_url: str, tmp_path: Path) -> None:
    latin = tmp_path / "latin1.yaml"
    latin.write_bytes(EN_RESELLER.read_bytes().replace(b"Straits", "Stra\u00eets".encode("latin-1")))
    result = run(db_url, "add", str(latin))
    assert result.exit_code == 2 and "latin1.yaml" in result.stderr and "UTF-8" in result.stderr
    assert listed(db_url) == []


def test_reimport_after_an_edit_registers_the_new_text(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "deals"
    (deal,) = matrix_deals(folder, 1)
    assert run(db_url, "import", str(folder)).exit_code == 0
    deal.write_text(deal.read_text(encoding="utf-8") + "# signed copy\n", encoding="utf-8")
    again = run(db_url, "import", str(folder))
    assert "1 registered, 0 unchanged" in again.stdout
    assert len(listed(db_url)) == 2


def test_db_after_the_sub_command_and_empty_list(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from agreementkit.cli import main

    db = tmp_path / "late.sqlite3"
    runner = CliRunner()
    empty = runner.invoke(main, ["register", "list", "--db", str(db)])
    assert empty.exit_code == 0 and f"no agreements in the register {db}" in empty.stdout
    assert runner.invoke(main, ["register", "add", str(ZH_DISTRIBUTOR), "--db", str(db)]).exit_code == 0
    assert len(listed(str(db))) == 1
    none = runner.invoke(main, ["register", "list", "--db", str(db), "--status", "terminated"])
    assert "no matching agreements" in none.stdout


def test_a_database_failure_mid_import_changes_nothing(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    from agreementkit.lifecycle.register import service

    folder = tmp_path / "deals"
    matrix_deals(folder, 5)
    real = service.RegisterSession._add_documents
    calls = {"n": 0}

    def failing(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            raise OperationalError("INSERT INTO documents", {}, Exception("disk I/O error"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(service.RegisterSession, "_add_documents", failing)
    result = run(db_url, "import", str(folder))
    assert result.exit_code == 10 and "disk I/O error" in result.stderr and "Traceback" not in result.output
    monkeypatch.undo()
    assert listed(db_url) == []
