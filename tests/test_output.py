"""No-clobber, atomic, all-or-nothing output (agreementkit.fileio.output)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agreementkit.errors import OutputExistsError
from agreementkit.fileio import output
from agreementkit.fileio.output import OutputError, write_bytes, write_files

REPO = Path(__file__).resolve().parents[1]
WRITERS = 10


def _race(target: str, index: int, start: object, results: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    try:
        write_files([(Path(target), f"writer {index}\n".encode())])
        results.put((index, 0))  # type: ignore[attr-defined]
    except OutputExistsError:
        results.put((index, 4))  # type: ignore[attr-defined]
    except Exception as exc:  # pragma: no cover - reported through the assertion
        results.put((index, repr(exc)))  # type: ignore[attr-defined]


def test_ten_concurrent_writers_exactly_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    start = ctx.Event()
    results = ctx.Queue()
    procs = [ctx.Process(target=_race, args=(str(target), i, start, results)) for i in range(WRITERS)]
    for p in procs:
        p.start()
    start.set()
    outcomes = dict(results.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    winners = [i for i, code in outcomes.items() if code == 0]
    assert sorted(outcomes.values(), key=str) == [0] + [4] * (WRITERS - 1), outcomes
    assert target.read_text() == f"writer {winners[0]}\n"  # the winner's bytes, never replaced
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]  # no temp files left


def test_ten_concurrent_cli_runs_exactly_one_succeeds(tmp_path: Path) -> None:
    """Real processes through the CLI entry point; ``schema -o`` is the cheapest writing command."""
    target = tmp_path / "schema.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = "from agreementkit.cli import main; main()"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, "schema", "-o", str(target)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        for _ in range(WRITERS)
    ]
    codes = []
    for p in procs:
        _out, err = p.communicate(timeout=120)
        codes.append(p.returncode)
        assert b"Traceback" not in err
    assert sorted(codes) == [0] + [4] * (WRITERS - 1)


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"mine")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_bytes(target, b"new")
    assert target.read_bytes() == b"mine"
    write_bytes(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_multi_file_run_is_all_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "d.pdf").write_bytes(b"old pdf")
    files = [(tmp_path / "d.docx", b"docx"), (tmp_path / "d.pdf", b"pdf"), (tmp_path / "d.json", b"{}")]
    with pytest.raises(OutputExistsError):
        write_files(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.pdf"]
    assert (tmp_path / "d.pdf").read_bytes() == b"old pdf"


def test_a_file_appearing_mid_publish_takes_back_what_this_run_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run creates the second target after our checks: the first must be taken back."""
    real = output._publish_new

    def racing(tmp: str, target: Path) -> None:
        if target.name == "d.pdf":
            target.write_bytes(b"other run")
        real(tmp, target)

    monkeypatch.setattr(output, "_publish_new", racing)
    files = [(tmp_path / "d.docx", b"docx"), (tmp_path / "d.pdf", b"pdf")]
    with pytest.raises(OutputExistsError, match="another run"):
        write_files(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.pdf"]
    assert (tmp_path / "d.pdf").read_bytes() == b"other run"


def test_force_failure_mid_run_restores_replaced_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "d.docx").write_bytes(b"old docx")
    (tmp_path / "d.pdf").write_bytes(b"old pdf")
    real = os.replace

    def failing(src: str, dst: object) -> None:
        if str(dst).endswith("d.pdf"):
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(OutputError, match="No space left"):
        write_files([(tmp_path / "d.docx", b"new docx"), (tmp_path / "d.pdf", b"new pdf")], force=True)
    monkeypatch.setattr(output.os, "replace", real)
    assert (tmp_path / "d.docx").read_bytes() == b"old docx"
    assert (tmp_path / "d.pdf").read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.docx", "d.pdf"]


def test_force_never_replaces_a_device() -> None:
    with pytest.raises(OutputError, match="device"):
        write_bytes(Path("/dev/null"), b"x", force=True)
    assert Path("/dev/null").is_char_device()


def test_output_folder_that_is_a_device(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not a folder"):
        write_bytes(Path("/dev/null/review.docx"), b"x", force=True)


def test_fifo_and_folder_targets_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="pipe"):
        write_bytes(fifo, b"x", force=True)
    (tmp_path / "dir.pdf").mkdir()
    with pytest.raises(OutputError, match="folder"):
        write_bytes(tmp_path / "dir.pdf", b"x", force=True)


def test_symlink_target_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.txt"
    real.write_bytes(b"keep")
    link = tmp_path / "out.docx"
    link.symlink_to(real)
    with pytest.raises(OutputExistsError):
        write_bytes(link, b"x")
    with pytest.raises(OutputError, match="symbolic link"):
        write_bytes(link, b"x", force=True)
    assert link.is_symlink() and real.read_bytes() == b"keep"


def test_no_link_file_system_falls_back_to_rename_noreplace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(output.os, "link", no_link)
    write_bytes(tmp_path / "a.json", b"one")
    with pytest.raises(OutputExistsError):
        write_bytes(tmp_path / "a.json", b"two")
    assert (tmp_path / "a.json").read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_cli_force_onto_a_device_is_refused() -> None:
    """As root, ``-o /dev/full --force`` replaced the character device with a regular file."""
    from click.testing import CliRunner

    from agreementkit.cli import main

    target = "/dev/full" if Path("/dev/full").exists() else "/dev/null"
    result = CliRunner().invoke(main, ["schema", "-o", target, "--force"])
    assert result.exit_code == 2, result.output
    assert f"{target}: is a device, not a regular file" in result.output
    assert Path(target).is_char_device()
