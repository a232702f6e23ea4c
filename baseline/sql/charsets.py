"""MySQL character set names and the Python codecs that read them.

A dump is bytes in the character set its ``SET NAMES`` declares; statements are
decoded with the matching codec. MySQL's ``latin1`` is Windows-1252 (with the five
bytes cp1252 leaves undefined mapped straight through), not ISO 8859-1.
"""
from __future__ import annotations

import codecs

#: MySQL character set -> Python codec.
CODECS = {
    "utf8": "utf-8", "utf8mb3": "utf-8", "utf8mb4": "utf-8",
    "latin1": "mysql-latin1", "ascii": "ascii", "binary": "latin-1",
    "latin2": "iso8859-2", "latin5": "iso8859-9", "latin7": "iso8859-13",
    "greek": "iso8859-7", "hebrew": "iso8859-8",
    "cp1250": "cp1250", "cp1251": "cp1251", "cp1256": "cp1256", "cp1257": "cp1257",
    "cp850": "cp850", "cp852": "cp852", "cp866": "cp866",
    "koi8r": "koi8-r", "koi8u": "koi8-u", "tis620": "tis-620",
    "macroman": "mac-roman", "macce": "mac-latin2",
    "sjis": "shift_jis", "cp932": "cp932", "ujis": "euc_jp", "eucjpms": "euc_jp",
    "gbk": "gbk", "gb2312": "gb2312", "gb18030": "gb18030", "big5": "big5",
    "euckr": "euc_kr",
    "ucs2": "utf-16-be", "utf16": "utf-16-be", "utf16le": "utf-16-le", "utf32": "utf-32-be",
}

#: Character sets whose multi-byte characters may contain ASCII bytes (``\\`` or a
#: quote as a trail byte): a byte-level splitter must not read them untranscoded.
ASCII_UNSAFE = frozenset({"sjis", "cp932", "big5", "gbk", "gb18030"})

#: Character sets a client connection cannot use (MySQL refuses ``SET NAMES ucs2``).
NOT_CLIENT_CHARSETS = frozenset({"ucs2", "utf16", "utf16le", "utf32"})


def _latin1_fallback(err: UnicodeError):
    """The five bytes cp1252 leaves undefined map to U+0081... and back."""
    bad = err.object[err.start:err.end]
    if isinstance(err, UnicodeEncodeError):
        if all(ord(ch) < 256 for ch in bad):
            return bad.encode("latin-1"), err.end
        raise err
    return bad.decode("latin-1"), err.end


codecs.register_error("mysql-latin1", _latin1_fallback)


def _search(name: str):
    if name.replace("_", "-") == "mysql-latin1":
        cp = codecs.lookup("cp1252")

        def decode(data, errors="strict"):
            return codecs.decode(data, "cp1252", "mysql-latin1" if errors == "strict" else errors), len(data)

        def encode(text, errors="strict"):
            return codecs.encode(text, "cp1252", "mysql-latin1" if errors == "strict" else errors), len(text)

        return codecs.CodecInfo(encode, decode, name="mysql-latin1",
                                incrementalencoder=cp.incrementalencoder,
                                incrementaldecoder=cp.incrementaldecoder)
    return None


codecs.register(_search)


def normalize(name: str) -> str:
    return name.strip().strip("'\"`").lower()


def python_codec(charset: str) -> str | None:
    """The codec reading MySQL character set ``charset``, or None if Python has none."""
    return CODECS.get(normalize(charset))
