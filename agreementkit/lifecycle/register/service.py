"""The register: add, list, show and change the status of agreements, one transaction per command.

``open_register(db)`` gives a :class:`Register`; ``with register.transaction() as tx:`` runs one
command's work in one database transaction (committed only if the whole block succeeds).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agreementkit.errors import AgreementKitError, InputError, RegisterRefused
from agreementkit.lifecycle.register.documents import document_state, hash_document
from agreementkit.lifecycle.register.engine import make_engine, transaction
from agreementkit.lifecycle.register.identity import DealFile, DealIdentity, identify, read_deal_file
from agreementkit.lifecycle.register.location import resolve_db, shown
from agreementkit.lifecycle.register.model import (
    AddOutcome,
    AgreementRecord,
    DocumentCheck,
    ImportReport,
    RegisteredAgreement,
    StatusEvent,
)
from agreementkit.lifecycle.register.states import SIGNED_STATUSES, Status, check_transition, parse_status
from agreementkit.lifecycle.register.tables import AgreementRow, DocumentRow, StatusEventRow

DEAL_SUFFIXES = (".yaml", ".yml")


def current_user() -> str:
    """The OS user running the command (``unknown`` when the system cannot say)."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):
        return "unknown"


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _record(row: AgreementRow, superseded_by: int | None) -> RegisteredAgreement:
    return RegisteredAgreement(
        id=row.id,
        status=parse_status(row.status),
        partner=row.partner,
        partner_tax_id=row.partner_tax_id,
        supplier=row.supplier,
        agreement_type=row.agreement_type,
        title=row.title,
        number=row.number,
        languages=tuple(row.languages.split(",")),
        effective_date=row.effective_date,
        signed_on=row.signed_on,
        deal_file=row.deal_file,
        deal_text=row.deal_text,
        deal_sha256=row.deal_sha256,
        amends_id=row.amends_id,
        superseded_by=superseded_by,
        registered_at=_utc(row.registered_at),
        registered_by=row.registered_by,
    )


def _signing_date(row: AgreementRow) -> dt.date | None:
    """The ``agreement.signing_date`` of the deal text kept for ``row`` (None if it has none or no longer parses)."""
    from agreementkit.deal.load import parse_deal

    try:
        return parse_deal(row.deal_text.encode("utf-8"), Path(row.deal_file)).agreement.signing_date
    except AgreementKitError:
        return None


class RegisterSession:
    """The register inside one transaction; every method raises an AgreementKitError on bad input."""

    def __init__(self, conn: Connection, url: str) -> None:
        self._session = Session(bind=conn, autoflush=True, expire_on_commit=False)
        self.url = url

    # -- reading -----------------------------------------------------------------------------

    def _superseding(self, ids: Iterable[int] | None = None) -> dict[int, int]:
        query = (
            select(AgreementRow.amends_id, func.max(AgreementRow.id))
            .where(AgreementRow.amends_id.is_not(None), AgreementRow.status.in_(sorted(SIGNED_STATUSES)))
            .group_by(AgreementRow.amends_id)
        )
        if ids is not None:
            query = query.where(AgreementRow.amends_id.in_(list(ids)))
        return {int(original): int(latest) for original, latest in self._session.execute(query) if original is not None}

    def _row(self, agreement_id: int, lock: bool = False) -> AgreementRow:
        # lock: SELECT ... FOR UPDATE on PostgreSQL, so two status changes of one agreement queue up
        # (SQLite's BEGIN IMMEDIATE already serialises writers).
        row = self._session.get(AgreementRow, agreement_id, with_for_update=lock)
        if row is None:
            raise RegisterRefused(
                f"no agreement {agreement_id} in the register {shown(self.url)}; `agreementkit register list` shows the IDs"
            )
        return row

    def get(self, agreement_id: int) -> RegisteredAgreement:
        """The agreement with ``agreement_id``, or RegisterRefused."""
        row = self._row(agreement_id)
        return _record(row, self._superseding([row.id]).get(row.id))

    def agreements(
        self,
        status: Sequence[str] | None = None,
        partner: str | None = None,
        agreement_type: Sequence[str] | None = None,
    ) -> list[RegisteredAgreement]:
        """Registered agreements by ID, filtered by status(es), partner (name part or tax ID) and type(s)."""
        query = select(AgreementRow).order_by(AgreementRow.id)
        if status:
            query = query.where(AgreementRow.status.in_([parse_status(s) for s in status]))
        if agreement_type:
            query = query.where(AgreementRow.agreement_type.in_(list(agreement_type)))
        if partner:
            needle = partner.strip().lower()
            query = query.where(
                func.lower(AgreementRow.partner).contains(needle, autoescape=True)
                | (AgreementRow.partner_tax_id == partner.strip())
            )
        rows = list(self._session.scalars(query))
        superseding = self._superseding()
        return [_record(row, superseding.get(row.id)) for row in rows]

    def show(self, agreement_id: int) -> AgreementRecord:
        """The agreement, its status history, its documents checked against the disk, and its amendments."""
        agreement = self.get(agreement_id)
        events = self._session.scalars(
            select(StatusEventRow).where(StatusEventRow.agreement_id == agreement_id).order_by(StatusEventRow.id)
        )
        history = tuple(
            StatusEvent(
                from_status=parse_status(e.from_status) if e.from_status else None,
                to_status=parse_status(e.to_status),
                at=_utc(e.at),
                user=e.user,
                note=e.note,
                override=e.override,
            )
            for e in events
        )
        docs = []
        for d in self._session.scalars(
            select(DocumentRow).where(DocumentRow.agreement_id == agreement_id).order_by(DocumentRow.id)
        ):
            state, current = document_state(d.path, d.sha256)
            docs.append(DocumentCheck(d.path, d.sha256, d.size, _utc(d.added_at), state, current))
        amendments = tuple(
            self._session.scalars(
                select(AgreementRow.id).where(AgreementRow.amends_id == agreement_id).order_by(AgreementRow.id)
            )
        )
        return AgreementRecord(agreement, history, tuple(docs), amendments)

    # -- changing ----------------------------------------------------------------------------

    def _existing(self, sha256: str) -> AgreementRow | None:
        return self._session.scalars(select(AgreementRow).where(AgreementRow.deal_sha256 == sha256)).first()

    def add(
        self,
        deal_path: Path,
        status: str | None = None,
        signed_on: dt.date | None = None,
        documents: Sequence[Path] = (),
        amends: int | None = None,
        note: str | None = None,
    ) -> AddOutcome:
        """Register a deal file (status ``draft`` unless given); ``amends`` links an amendment to its original.

        Each of ``documents`` is hashed now. A text registered before is not registered twice: its
        new documents are added to it, and a status, signing date or ``amends`` that contradicts
        the registered one is refused with the command that changes it.
        """
        return self._add(
            read_deal_file(deal_path), parse_status(status) if status else None, signed_on, documents, amends, note
        )

    def _add(
        self,
        file: DealFile,
        wanted: Status | None,
        signed_on: dt.date | None,
        documents: Sequence[Path],
        amends: int | None,
        note: str | None,
    ) -> AddOutcome:
        hashed = [hash_document(p) for p in documents]
        # Known text: a no-op, decided before the (slower) validation.
        existing = self._existing(file.sha256)
        if existing is not None:
            self._same_as_registered(existing, file, wanted, signed_on, amends)
            added = self._add_documents(existing.id, hashed, dt.datetime.now(dt.UTC))
            return AddOutcome(self.get(existing.id), created=False, documents_added=added)
        status: Status = wanted or "draft"
        identity = identify(file)
        if amends is not None:
            self._check_amends(identity, amends)
        now = dt.datetime.now(dt.UTC)
        user = current_user()
        if signed_on is None and status in SIGNED_STATUSES:
            signed_on = identity.signing_date
        row = AgreementRow(
            deal_file=str(identity.path),
            deal_text=identity.text,
            deal_sha256=identity.sha256,
            partner=identity.partner,
            partner_tax_id=identity.partner_tax_id,
            supplier=identity.supplier,
            agreement_type=identity.agreement_type,
            title=identity.title,
            number=identity.number,
            languages=",".join(identity.languages),
            effective_date=identity.effective_date,
            signed_on=signed_on,
            status=status,
            amends_id=amends,
            registered_at=now,
            registered_by=user,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
                self._session.flush()
        except IntegrityError:
            # Another command registered the same text between our look and our insert.
            again = self._existing(identity.sha256)
            if again is None:
                raise
            return AddOutcome(self.get(again.id), created=False)
        self._session.add(
            StatusEventRow(agreement_id=row.id, from_status=None, to_status=status, at=now, user=user, note=note, override=False)
        )
        added = self._add_documents(row.id, hashed, now)
        return AddOutcome(self.get(row.id), created=True, documents_added=added)

    def _add_documents(self, agreement_id: int, hashed: Sequence[tuple[Path, str, int]], now: dt.datetime) -> int:
        known = {
            (d.path, d.sha256)
            for d in self._session.scalars(select(DocumentRow).where(DocumentRow.agreement_id == agreement_id))
        }
        added = 0
        for path, digest, size in hashed:
            if (str(path), digest) in known:
                continue
            known.add((str(path), digest))
            self._session.add(
                DocumentRow(agreement_id=agreement_id, path=str(path), sha256=digest, size=size, added_at=now)
            )
            added += 1
        self._session.flush()
        return added

    def _same_as_registered(
        self, row: AgreementRow, file: DealFile, status: Status | None, signed_on: dt.date | None, amends: int | None
    ) -> None:
        where = f"{file.path}: already registered as agreement {row.id} ({row.status})"
        if status is not None and status != row.status:
            raise RegisterRefused(
                f"{where}; change its status with `agreementkit register set-status {row.id} {status}`"
            )
        if signed_on is not None and signed_on != row.signed_on:
            raise RegisterRefused(
                f"{where} signed on {row.signed_on or '-'}; set the date with "
                f"`agreementkit register set-status {row.id} STATUS --signed-on {signed_on.isoformat()}`"
            )
        if amends is not None and amends != row.amends_id:
            linked = f"as an amendment of {row.amends_id}" if row.amends_id else "as an agreement of its own"
            raise RegisterRefused(
                f"{file.path}: already registered as agreement {row.id}, {linked}; an amendment is registered from "
                "its own deal file (`agreementkit amend OLD.yaml NEW.yaml` writes one)"
            )

    def _check_amends(self, identity: DealIdentity, amends: int) -> None:
        original = self._row(amends)
        if original.partner_tax_id and identity.partner_tax_id:
            same = original.partner_tax_id == identity.partner_tax_id
            theirs, ours = f"統一編號 {original.partner_tax_id}", f"統一編號 {identity.partner_tax_id}"
        else:
            same = original.partner.casefold() == identity.partner.casefold()
            theirs, ours = original.partner, identity.partner
        if not same:
            raise RegisterRefused(
                f"{identity.path}: --amends {amends}: agreement {amends} is with {original.partner} ({theirs}) "
                f"but this deal's partner is {identity.partner} ({ours}); check the ID with `agreementkit register list`"
            )

    def set_status(
        self,
        agreement_id: int,
        status: str,
        note: str | None = None,
        override: bool = False,
        signed_on: dt.date | None = None,
    ) -> RegisteredAgreement:
        """Change an agreement's status as :mod:`.states` allows, recording who, when and why."""
        row = self._row(agreement_id, lock=True)
        new = parse_status(status)
        current = parse_status(row.status)
        forced = check_transition(agreement_id, current, new, override, note)
        row.status = new
        if signed_on is not None:
            row.signed_on = signed_on
        elif row.signed_on is None and new in SIGNED_STATUSES:
            row.signed_on = _signing_date(row)
        self._session.add(
            StatusEventRow(
                agreement_id=row.id,
                from_status=current,
                to_status=new,
                at=dt.datetime.now(dt.UTC),
                user=current_user(),
                note=note,
                override=forced,
            )
        )
        self._session.flush()
        return self.get(row.id)

    def import_dir(self, folder: Path, status: str | None = None) -> ImportReport:
        """Add every ``*.yaml`` / ``*.yml`` deal file in ``folder`` (not its sub-folders), in name order.

        A file that fails (invalid deal, unreadable) is reported with its problems and skipped; the
        others are added (as ``status``, default draft). A file whose text is already registered is
        counted as unchanged, so importing the same folder again changes nothing (unless ``status``
        is given and contradicts the registered one: that file is reported).
        """
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder; `register import` takes a folder of deal files")
        initial = parse_status(status) if status else None
        report = ImportReport()
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in DEAL_SUFFIXES and not p.name.startswith("."))
        for path in files:
            try:
                with self._session.begin_nested():
                    outcome = self._add(read_deal_file(path), initial, None, (), None, None)
            except AgreementKitError as exc:
                lines = exc.lines() if exc.problems else [exc.message]
                report.failed.append((path, lines))
                continue
            (report.added if outcome.created else report.unchanged).append((path, outcome.agreement))
        return report


class Register:
    """An opened register database (its URL resolved, schema checked on first transaction)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine = make_engine(url)

    @property
    def location(self) -> str:
        """The database for messages: its file, or its URL without the password."""
        return shown(self.url)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[RegisterSession]:
        """One command's work in one transaction: committed if the block succeeds, rolled back if it raises."""
        with transaction(self._engine, self.url) as conn:
            session = RegisterSession(conn, self.url)
            yield session
            session._session.flush()

    def agreements(
        self,
        status: Sequence[str] | None = None,
        partner: str | None = None,
        agreement_type: Sequence[str] | None = None,
    ) -> list[RegisteredAgreement]:
        """Registered agreements (see :meth:`RegisterSession.agreements`), read in a transaction of their own."""
        with self.transaction() as tx:
            return tx.agreements(status, partner, agreement_type)

    def close(self) -> None:
        """Release the database connection pool."""
        self._engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_register(db: str | None = None) -> Register:
    """The register named by ``db`` (path or SQLAlchemy URL), else $AGREEMENTKIT_DB, else the user data dir."""
    return Register(resolve_db(db))


def in_force(agreements: Iterable[RegisteredAgreement]) -> list[RegisteredAgreement]:
    """The agreements whose terms are in force: those no signed amendment supersedes."""
    return [a for a in agreements if a.superseded_by is None]
