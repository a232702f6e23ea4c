"""Write files whole or not at all."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import UsageError


def ensure_writable(folder: Path | str) -> None:
    """Refuse, before any long work, a folder the files could not be written to
    (read-only file system, no permission, a file in the way), so a user does not
    wait for a verification whose result then cannot be saved."""
    folder = Path(folder)
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise UsageError(f"cannot write into {folder}: {probe} is not a folder",
                         hint="choose another output folder (-o)")
    if probe.exists() and not os.access(probe, os.W_OK | os.X_OK):
        why = "read-only file system" if _read_only_mount(probe) else "permission denied"
        raise UsageError(f"cannot write into {folder}: {why}",
                         hint="choose a writable output folder (-o)")


def _read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def write_files(files: dict[Path, str | bytes]) -> list[Path]:
    """Write every file atomically, as a group.

    Each content goes to a temporary file beside its target first; only when all
    of them are written and flushed are they renamed into place. If a rename fails,
    the targets already renamed are restored to what they were (or removed), so a
    reader sees either the old set or the new one, never a mix or a half file.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in files.items():
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            staged.append((Path(tmp), target))
    except BaseException as e:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise UsageError(f"cannot write {target}: {e.strerror or e}",
                             hint="choose a writable output folder (-o)") from None
        raise

    done: list[tuple[Path, Path | None]] = []  # (target, backup)
    try:
        for tmp, target in staged:
            backup = None
            if target.exists():
                fd, b = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak", dir=target.parent)
                os.close(fd)
                backup = Path(b)
                os.replace(target, backup)
            try:
                os.replace(tmp, target)
            except BaseException:
                if backup is not None:
                    os.replace(backup, target)
                raise
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)
    return [t for _, t in staged]


def write_file(target: Path, content: str | bytes) -> Path:
    return write_files({Path(target): content})[0]
