"""The library caches: per process (keyed on each file's mtime and size) and on disk (keyed on its bytes).

Both must be invisible except in speed: an edited file is read again, a corrupt, foreign or
stale on-disk entry is ignored, and what comes out of either cache equals what parsing gives.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from agreementkit.errors import LibraryError, TemplateRenderError
from agreementkit.library import filecache
from agreementkit.library.clauses import evaluate
from agreementkit.library.jurisdictions import TABLE_FILE, load_table
from agreementkit.library.loader import Library, _load_cached, _load_checked
from agreementkit.models.clause import ClauseFile, Outline


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh on-disk cache folder and an empty in-process cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(filecache.DIR_ENV, str(folder))
    monkeypatch.delenv(filecache.OFF_ENV, raising=False)
    _load_cached.cache_clear()
    yield folder / "library"
    _load_cached.cache_clear()


def _user_clause(tmp_path: Path, clause_id: str = "force_majeure") -> Path:
    """A copy of a bundled clause in a user library folder; returns the copy's path."""
    original = Library.open().clause_paths[clause_id]
    target = tmp_path / "mylib" / original.parent.name / original.name
    target.parent.mkdir(parents=True)
    shutil.copyfile(original, target)
    return target


def _retitle(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_library_file_is_read_again_in_the_same_process(tmp_path: Path, cache: Path) -> None:
    path = _user_clause(tmp_path)
    first = Library.open(tmp_path / "mylib").clause("force_majeure")
    _retitle(path, first.title.en, "Acts of God (edited)")
    again = Library.open(tmp_path / "mylib").clause("force_majeure")
    assert again.title.en == "Acts of God (edited)"
    assert first.title.en != again.title.en


def test_an_edit_of_the_same_size_is_seen_by_its_modification_time(tmp_path: Path, cache: Path) -> None:
    path = _user_clause(tmp_path)
    first = Library.open(tmp_path / "mylib").clause("force_majeure")
    before = path.stat()
    same_length = "X" * len(first.title.en)
    _retitle(path, first.title.en, same_length)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == before.st_size
    assert Library.open(tmp_path / "mylib").clause("force_majeure").title.en == same_length


def test_an_edit_that_breaks_a_file_is_reported_not_served_from_a_cache(tmp_path: Path, cache: Path) -> None:
    path = _user_clause(tmp_path)
    Library.open(tmp_path / "mylib").clause("force_majeure")
    _retitle(path, "category:", "category: [unclosed\nx:")
    with pytest.raises(LibraryError, match=r"force_majeure\.yaml"):
        Library.open(tmp_path / "mylib").clause("force_majeure")


def test_every_bundled_file_comes_back_from_the_disk_cache_unchanged(cache: Path) -> None:
    library = Library.open()
    direct = {cid: _load_checked(ClauseFile, p, p.read_bytes(), "clause file") for cid, p in library.clause_paths.items()}
    for cid in direct:  # fills the disk cache
        assert library.clause(cid) == direct[cid]
    _load_cached.cache_clear()
    uncached = set()
    for cid, path in library.clause_paths.items():
        cached = filecache.get(ClauseFile, path.read_bytes())
        if cached is None:
            uncached.add(cid)
        else:
            assert cached == direct[cid]
        assert Library.open().clause(cid) == direct[cid]
    # only files JSON cannot carry exactly stay on the YAML path: a Decimal or a date among sample values
    lossy = {cid for cid, c in direct.items() if ClauseFile.model_validate_json(c.model_dump_json(by_alias=True)) != c}
    assert uncached == lossy
    for cid in uncached:
        back = ClauseFile.model_validate_json(direct[cid].model_dump_json(by_alias=True))
        assert back.model_dump(exclude={"sample"}) == direct[cid].model_dump(exclude={"sample"})
    assert len(list(cache.glob("*.json"))) == len(direct) - len(lossy)
    for agreement_type, path in library.outline_paths.items():
        assert Library.open().outline(agreement_type) == _load_checked(Outline, path, path.read_bytes(), "outline")
        assert filecache.get(Outline, path.read_bytes()) == Library.open().outline(agreement_type)


def _entry(path: Path, cache: Path) -> Path:
    entry = cache / filecache.entry_name(ClauseFile, path.read_bytes())
    assert entry.is_file()
    return entry


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00\xff garbage", b'{"id": "force_majeure"', b"{}", b'{"id": 1, "unknown": true}'],
    ids=["empty", "binary", "truncated", "missing-fields", "wrong-fields"],
)
def test_a_corrupt_disk_entry_is_ignored_and_replaced(tmp_path: Path, cache: Path, damage: bytes) -> None:
    path = _user_clause(tmp_path)
    good = Library.open(tmp_path / "mylib").clause("force_majeure")
    entry = _entry(path, cache)
    entry.write_bytes(damage)
    _load_cached.cache_clear()
    assert filecache.get(ClauseFile, path.read_bytes()) is None
    assert Library.open(tmp_path / "mylib").clause("force_majeure") == good
    assert filecache.get(ClauseFile, path.read_bytes()) == good  # rewritten by the load


def test_an_entry_others_may_write_is_not_trusted(tmp_path: Path, cache: Path) -> None:
    path = _user_clause(tmp_path)
    good = Library.open(tmp_path / "mylib").clause("force_majeure")
    entry = _entry(path, cache)
    forged = good.model_copy(update={"title": good.title.model_copy(update={"en": "Forged"})})
    entry.write_text(forged.model_dump_json(by_alias=True), encoding="utf-8")
    assert filecache.get(ClauseFile, path.read_bytes()) == forged  # the user's own entry is read
    entry.chmod(0o666)
    assert filecache.get(ClauseFile, path.read_bytes()) is None
    _load_cached.cache_clear()
    assert Library.open(tmp_path / "mylib").clause("force_majeure").title.en == good.title.en


def test_an_entry_of_another_version_or_model_is_never_met(tmp_path: Path, cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = _user_clause(tmp_path)
    raw = path.read_bytes()
    name = filecache.entry_name(ClauseFile, raw)
    assert filecache.entry_name(Outline, raw) != name
    assert filecache.entry_name(ClauseFile, raw + b"\n") != name
    monkeypatch.setattr(filecache, "__version__", "0.0.0-other")
    assert filecache.entry_name(ClauseFile, raw) != name


def test_no_cache_writes_nothing(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(filecache.OFF_ENV, "1")
    _user_clause(tmp_path)
    Library.open(tmp_path / "mylib").clause("force_majeure")
    assert not cache.exists()


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path, cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text("a file where the folder should be", encoding="utf-8")
    _user_clause(tmp_path)
    assert Library.open(tmp_path / "mylib").clause("force_majeure").id == "force_majeure"


def test_a_compiled_condition_is_evaluated_afresh_for_each_context() -> None:
    expression = "deal.n > 2 and label == 'x'"
    assert evaluate(expression, {"deal": {"n": 3}, "label": "x"}, "c", "condition") is True
    assert evaluate(expression, {"deal": {"n": 1}, "label": "x"}, "c", "condition") is False
    assert evaluate(expression, {"deal": {"n": 3}, "label": "y"}, "c", "condition") is False
    with pytest.raises(TemplateRenderError, match="label"):  # an undeclared name stays an error
        evaluate(expression, {"deal": {"n": 3}}, "c", "condition")


def test_an_edited_jurisdiction_table_is_read_again_in_the_same_process(tmp_path: Path) -> None:
    user = tmp_path / TABLE_FILE
    entry = "countries:\n  HK:\n    name: {{zh-TW: 香港, en: Hong Kong}}\n    tax: {{zh-TW: {zh}, en: {en}}}\n"
    user.write_text(entry.format(zh="測試稅", en="test levy"), encoding="utf-8")
    assert load_table(tmp_path).countries["HK"].tax.en == "test levy"  # type: ignore[union-attr]
    user.write_text(entry.format(zh="另一稅", en="another levy"), encoding="utf-8")
    assert load_table(tmp_path).countries["HK"].tax.en == "another levy"  # type: ignore[union-attr]
    user.unlink()
    assert load_table(tmp_path) == load_table()
