"""Write files whole or not at all."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
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
