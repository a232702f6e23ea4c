"""Opening a dump: path, ``-`` (stdin), compressed files, encodings, and its header.

Compression is recognized by magic bytes (gzip, bzip2, xz), not by the file name.
The first bytes are examined before anything else so a wrong file (an image, an
archive, UTF-16 without a byte-order mark, binary garbage) is refused at once,
without reading gigabytes. The header written by mysqldump, mariadb-dump and the
usual tools (Workbench, phpMyAdmin, HeidiSQL, Adminer, mysqlpump) tells which
server the dump came from: its flavor decides how version comments are read.
"""
from __future__ import annotations

import bz2
import codecs
import io
import lzma
import os
import re
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Callable

from ..errors import InputError, UsageError
from ..flavor import DEFAULT_FLAVOR, MARIADB, Flavor
from ..sql.charsets import ASCII_UNSAFE, NOT_CLIENT_CHARSETS, normalize, python_codec

#: How much of the (decompressed) start is examined.
HEAD = 64 * 1024

_COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))
_WRONG_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (unzip it first)"), (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"\x28\xb5\x2f\xfd", "zstd-compressed (decompress it first: zstd -d)"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\xfebin", "a MySQL binary log"),
    (b"Rar!", "a RAR archive"), (b"MZ", "a Windows executable"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_SET_NAMES_RE = re.compile(rb"SET\s+NAMES\s+'?([A-Za-z0-9_]+)", re.I)


@dataclass
class DumpHeader:
    """What the first lines say about where the dump comes from."""

    #: ``mysqldump``, ``mariadb-dump``, ``mysqlpump``, ``phpMyAdmin``, ``HeidiSQL``,
    #: ``Adminer``, or None for a plain SQL script.
    tool: str | None = None
    tool_version: str | None = None
    #: The source server's version text (``8.0.27``, ``10.11.13-MariaDB-0+deb12u1``).
    server_version: str | None = None
    flavor: Flavor = DEFAULT_FLAVOR
    #: How ``flavor`` was found: ``server version``, ``client version`` or ``default``.
    flavor_source: str = "default"
    #: ``-- Host: ... Database: NAME`` (single-database dumps).
    database: str | None = None
    #: Whether the tool writes a ``-- Dump completed`` footer (so its absence means truncation).
    writes_footer: bool = False


#: ``-- MySQL dump 10.13  Distrib 8.0.36, for ...``; MariaDB 11's ``mariadb-dump``
#: writes ``-- MariaDB dump 10.20-11.8.9-MariaDB, for ...`` (no ``Distrib``).
_DUMP_LINE = re.compile(r"^-- (MySQL|MariaDB) dump ([0-9.]+)(?:\s+Distrib |-)([^\s,]+)", re.M)
_SERVER_LINE = re.compile(r"^-- Server version:?[ \t]+(\S[^\r\n]*)", re.M)
_HOST_DB = re.compile(r"^-- Host: .*?Database: (\S+)", re.M)
_PUMP = re.compile(r"^-- Dump created by MySQL pump utility, version: ([0-9.]+)", re.M)
_PMA = re.compile(r"^-- phpMyAdmin SQL Dump", re.M)
_HEIDI = re.compile(r"^-- HeidiSQL Version:\s*(\S+)", re.M)
_ADMINER = re.compile(r"^-- Adminer ([0-9.]+) (MySQL|MariaDB) (\S+) dump", re.M)
_PMA_DB = re.compile(r"^-- (?:Database|Base de données|Datenbank): `?([^`\s]+)`?", re.M)


def parse_header(head: bytes) -> DumpHeader:
    """Read the tool, the source server's version and database from a dump's head."""
    text = head.decode("utf-8", "replace")
    h = DumpHeader()
    m = _DUMP_LINE.search(text)
    if m:
        h.tool = "mariadb-dump" if m.group(1) == "MariaDB" else "mysqldump"
        h.tool_version = m.group(3)
        h.writes_footer = True
    elif _PUMP.search(text):
        h.tool, h.tool_version = "mysqlpump", _PUMP.search(text).group(1)
    elif _PMA.search(text):
        h.tool = "phpMyAdmin"
    elif _HEIDI.search(text):
        h.tool, h.tool_version = "HeidiSQL", _HEIDI.search(text).group(1)
    a = _ADMINER.search(text)
    if a:
        h.tool, h.tool_version, h.server_version = "Adminer", a.group(1), a.group(3)
        if a.group(2) == "MariaDB" and "mariadb" not in h.server_version.lower():
            h.server_version += "-MariaDB"
    s = _SERVER_LINE.search(text)
    if s:
        h.server_version = s.group(1).strip()
    if h.server_version:
        try:
            h.flavor = Flavor.parse(h.server_version)
            h.flavor_source = "server version"
        except ValueError:
            pass
    if h.flavor_source == "default" and h.tool_version and h.tool in ("mysqldump", "mariadb-dump"):
        try:
            # mariadb-dump is MariaDB's whatever its version says; else Flavor.parse
            # reads "MariaDB" in the version text itself
            h.flavor = Flavor.parse(h.tool_version, MARIADB if h.tool == "mariadb-dump" else None)
            h.flavor_source = "client version"
        except ValueError:
            pass
    d = _HOST_DB.search(text) or (_PMA_DB.search(text) if h.tool == "phpMyAdmin" else None)
    if d:
        h.database = d.group(1).strip("`")
    return h


class _Counting(io.RawIOBase):
    """Counts the bytes read from the file itself (progress on compressed input)."""

    def __init__(self, raw: BinaryIO, on_read: Callable[[int], None] | None):
        self.raw = raw
        self.on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.raw.readinto(b)
        if n and self.on_read:
            self.on_read(n)
        return n or 0


class _Prefixed:
    """A stream whose first bytes were already read (to look at them)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head = head
        self.rest = rest

    def read(self, n: int = -1) -> bytes:
        if self.head:
            if n < 0 or n >= len(self.head):
                out, self.head = self.head, b""
                more = self.rest.read(-1 if n < 0 else n - len(out))
                return out + (more or b"")
            out, self.head = self.head[:n], self.head[n:]
            return out
        return self.rest.read(n)

    def readinto(self, b) -> int:
        """Fill ``b`` in place (the splitter reads into one reused buffer)."""
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        readinto = getattr(self.rest, "readinto", None)
        if readinto is None:
            data = self.rest.read(len(b))
            b[:len(data)] = data
            return len(data)
        return readinto(b) or 0


class _Transcoded:
    """Re-encodes a stream to UTF-8 as it is read (UTF-16 with a BOM, sjis, big5...)."""

    def __init__(self, raw, encoding: str, file: str):
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder(encoding)("strict")
        self.encoding = encoding
        self.file = file
        self.done = False

    def read(self, n: int = -1) -> bytes:
        if self.done:
            return b""
        data = self.raw.read(n)
        try:
            text = self.decoder.decode(data or b"", final=not data)
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {self.encoding}: {e.reason} at byte {e.start} of a chunk",
                             file=self.file) from None
        if not data:
            self.done = True
        return text.encode("utf-8")


class DamagedStream(InputError):
    """A compressed stream that cannot be decompressed further (corrupt data, bad CRC)."""

    def __init__(self, message: str, *, kind: str, detail: str, **kw):
        super().__init__(message, **kw)
        self.kind = kind
        self.detail = detail


class _Decompressed:
    """A decompressing stream whose failures are input errors.

    The compressed bytes are fed to the decompressor in small pieces, so what
    comes before damage (a flipped byte, a bad CRC) is read first and the damage
    raised after it, at the statement it interrupts. A file that ends before its
    compressed stream does (cut off) ends the input instead, and ``cut`` says
    so. Concatenated streams (``cat a.gz b.gz``, pigz, pbzip2) are read whole."""

    #: Compressed bytes fed per step: on damage, the output of the piece holding
    #: it is lost with it.
    PIECE = 4 * 1024

    def __init__(self, raw, kind: str, file: str):
        self.raw = raw
        self.kind = kind
        self.file = file
        self.cut = False
        #: the damage found, raised once the data before it has been read
        self.failed: DamagedStream | None = None
        self._d = self._decompressor()
        self._out = bytearray()
        self._pending = b""  # compressed bytes after the end of a stream (the next one's)
        self._done = False
        self._members = 0

    def _decompressor(self):
        if self.kind == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return bz2.BZ2Decompressor() if self.kind == "bzip2" else lzma.LZMADecompressor()

    def _damaged(self, detail: str) -> DamagedStream:
        return DamagedStream(f"cannot decompress ({self.kind}): {detail}", file=self.file,
                             hint="the file is damaged; check it with gzip -t / bzip2 -t / xz -t",
                             kind=self.kind, detail=detail)

    def _step(self) -> None:
        """Decompress one more piece into ``_out`` (or find the end)."""
        data = self._pending or self.raw.read(self.PIECE)
        self._pending = b""
        if not data:
            if not self._d.eof:
                self.cut = True
            self._done = True
            return
        if self._d.eof:  # a stream ended and more bytes follow: the next stream, or padding
            if not data.strip(b"\x00"):
                return
            self._d = self._decompressor()
        try:
            self._out += self._d.decompress(data)
        except (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError) as e:
            # this piece's output is dropped whole: the damage is somewhere in it,
            # and what a decompressor makes of the bytes after it is garbage
            raise self._damaged(str(e)) from None
        if self._d.eof:
            self._members += 1
            self._pending = self._d.unused_data

    def read(self, n: int = -1) -> bytes:
        if self.failed is not None:
            raise self.failed
        want = n if n >= 0 else 1 << 62
        while len(self._out) < want and not self._done:
            try:
                self._step()
            except DamagedStream as e:
                self.failed = e
                if self._out:  # what came before the damage first; the next read raises
                    break
                raise
        k = min(want, len(self._out))
        out = bytes(self._out[:k])
        del self._out[:k]
        return out


@dataclass
class OpenedDump:
    stream: object          # has .read(n) -> bytes
    name: str               # for messages
    header: DumpHeader
    #: Compression found by magic bytes, or None.
    compression: str | None
    #: The encoding the splitter reads: ``None`` = the dump's own bytes; ``"utf-8"``
    #: when the input was transcoded (BOM, ASCII-unsafe charsets).
    transcoded_from: str | None
    #: Size on disk when known (progress total).
    size: int | None
    closer: Callable[[], None]
    #: The decompressing stream, when the file is compressed (``.cut``: it ends early).
    decompressed: _Decompressed | None = None


def open_dump(spec: str, *, on_read: Callable[[int], None] | None = None, stdin=None) -> OpenedDump:
    """Open ``spec`` (a path or ``-``) for reading statements; checks it looks like SQL."""
    if spec == "-":
        raw = stdin if stdin is not None else sys.stdin.buffer
        name, size, close = "<stdin>", None, (lambda: None)
    else:
        try:
            raw = open(spec, "rb")
        except OSError as e:
            raise UsageError(f"cannot read {spec}: {e.strerror}") from None
        name = spec
        try:
            size = os.fstat(raw.fileno()).st_size
        except OSError:
            size = None
        close = raw.close
    try:
        return _open(raw, name, size, close, on_read)
    except BaseException:
        close()
        raise


def _read_head(stream, n: int) -> bytes:
    parts = []
    got = 0
    while got < n:
        try:
            b = stream.read(n - got)
        except DamagedStream:
            if not parts:
                raise
            break  # the head is what came before the damage; reading on raises it again
        if not b:
            break
        parts.append(b)
        got += len(b)
    return b"".join(parts)


def _open(raw, name: str, size, close, on_read) -> OpenedDump:
    counted = io.BufferedReader(_Counting(raw, on_read), buffer_size=1 << 20)
    magic = counted.peek(8)[:8]
    compression = None
    stream = counted
    for sig, kind in _COMPRESSED:
        if magic.startswith(sig):
            compression = kind
            stream = _Decompressed(counted, kind, name)
            break
    decompressed = stream if compression else None
    head = _read_head(stream, HEAD)
    if not head and decompressed is not None and decompressed.cut:
        raise InputError(f"the {compression} data ends before any of it can be read: the file is cut off",
                         file=name)
    transcoded = None
    for bom, enc in _BOMS:
        if head.startswith(bom):
            if enc == "utf-8":
                head = head[len(bom):]
            else:
                transcoded = enc
            break
    if transcoded:
        stream = _Transcoded(_Prefixed(head[len(_bom_of(transcoded)):], stream), transcoded, name)
        head = _read_head(stream, HEAD)
    _check_looks_like_sql(head, name, compression)
    if not transcoded:
        m = _SET_NAMES_RE.search(head)
        cs = normalize(m.group(1).decode("ascii")) if m else None
        if cs in NOT_CLIENT_CHARSETS:
            raise InputError(f"declares SET NAMES {cs}, which no MySQL client can use", file=name)
        if cs in ASCII_UNSAFE:
            # trail bytes may look like '\\' or quotes: read through UTF-8 instead
            transcoded = python_codec(cs)
            stream = _Transcoded(_Prefixed(head, stream), transcoded, name)
            head = _read_head(stream, HEAD)
    header = parse_header(head)
    return OpenedDump(stream=_Prefixed(head, stream), name=name, header=header,
                      compression=compression, transcoded_from=transcoded, size=size,
                      closer=close, decompressed=decompressed)


def _bom_of(enc: str) -> bytes:
    for bom, e in _BOMS:
        if e == enc:
            return bom
    return b""


def _check_looks_like_sql(head: bytes, name: str, compression: str | None) -> None:
    """Refuse what cannot be a SQL dump, from its first bytes only."""
    if not head:
        raise InputError("empty file: no SQL statements" + (f" (after {compression} decompression)"
                                                              if compression else ""), file=name)
    for sig, what in _WRONG_MAGIC:
        if head.startswith(sig):
            raise InputError(f"does not look like a SQL dump: it is {what}", file=name)
    if len(head) > 262 and head[257:262] == b"ustar":
        raise InputError("does not look like a SQL dump: it is a tar archive (extract it first)", file=name)
    sample = head[:8192]
    if b"\x00" in sample:
        nul = sample.count(b"\x00")
        if nul * 4 > len(sample) and (sample[1:2] == b"\x00" or sample[:1] == b"\x00"):
            raise InputError("does not look like a SQL dump: it looks like UTF-16/UTF-32 text "
                             "without a byte-order mark", file=name,
                             hint="convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)")
        raise InputError("does not look like a SQL dump: it contains NUL bytes (binary data)", file=name)
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11, 27))
    if control * 20 > len(sample):
        raise InputError("does not look like a SQL dump: it looks like binary data", file=name)
