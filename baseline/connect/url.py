"""Server URLs: ``mysql://user:pass@host:3306/db``, ``mariadb://…``,
``mysql+pymysql://…``, ``?unix_socket=/path``. The password never leaves this
object in text form: ``str()``/``repr()`` redact it."""
from __future__ import annotations

import functools
import ipaddress
import re
import socket
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from ..errors import UsageError

_SCHEMES = {"mysql", "mariadb", "mysql+pymysql", "mariadb+pymysql", "mysql+mysqldb",
            "mariadb+mariadbconnector", "mysql+mysqlconnector"}
_URL_RE = re.compile(r"^[a-z][a-z0-9+]*://", re.I)


def is_server_url(text: str) -> bool:
    m = _URL_RE.match(text or "")
    return bool(m) and text.split("://", 1)[0].lower() in _SCHEMES


@dataclass(frozen=True)
class ServerURL:
    scheme: str = "mysql"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = 3306
    database: str | None = None
    unix_socket: str | None = None
    query: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> "ServerURL":
        if not is_server_url(text):
            raise UsageError(f"not a server URL: {redact(text)}",
                             hint="use mysql://user:pass@host:3306/dbname or mariadb://…")
        scheme, _, after = text.partition("://")
        credentials, address = split_credentials(after)
        try:
            parts = urlsplit(f"{scheme}://{address}")
            port = parts.port or 3306
        except ValueError as e:
            # never the exception's text: it can quote a piece of the password
            what = ("bad port" if "port" in str(e).lower()
                    else "bad IPv6 address" if "ipv6" in str(e).lower() else "unreadable address")
            raise UsageError(f"{what} in server URL: {redact(text)}", hint=_ENCODE_HINT
                             if credentials is not None else None) from None
        user = password = None
        if credentials is not None:
            user, colon, secret = credentials.partition(":")
            password = unquote(secret) if colon else None
            user = unquote(user) or None
        query = dict(parse_qsl(parts.query))
        sock = query.pop("unix_socket", None) or query.pop("socket", None)
        db = unquote(parts.path.lstrip("/")) or None
        return cls(
            scheme=scheme.lower().split("+", 1)[0],
            user=user,
            password=password,
            host=parts.hostname or "127.0.0.1",
            port=port,
            database=db,
            unix_socket=sock,
            query=tuple(sorted(query.items())),
        )

    def with_database(self, name: str | None) -> "ServerURL":
        return replace(self, database=name)

    def _render(self, password: str | None) -> str:
        auth = ""
        if self.user is not None:
            auth = quote(self.user, safe="")
            if password is not None:
                auth += ":" + password
            auth += "@"
        host = f"[{self.host}]" if ":" in self.host else self.host
        text = f"{self.scheme}://{auth}{host}:{self.port}/{quote(self.database or '', safe='')}"
        q = list(self.query)
        if self.unix_socket:
            q.append(("unix_socket", self.unix_socket))
        if q:
            text += "?" + "&".join(f"{k}={quote(str(v), safe='/')}" for k, v in q)
        return text

    def redacted(self) -> str:
        """The URL with the password replaced by ``***``: safe to print."""
        return self._render("***" if self.password else None)

    def unredacted(self) -> str:
        """The URL with its password (percent-encoded): for handing to another
        process or command line that needs it, never for printing."""
        return self._render(quote(self.password, safe="") if self.password is not None else None)

    def __str__(self) -> str:
        return self.redacted()

    def sqlalchemy_url(self):
        """A SQLAlchemy ``URL`` object: the one way baseline makes an engine
        (``create_engine(url.sqlalchemy_url())``). It holds the password and prints
        it masked (``str``, ``repr``, and the engine's repr), and connects as
        :meth:`pymysql_kwargs` does: PyMySQL, utf8mb4, ``root`` when no user is
        given, no TLS over a unix socket."""
        from sqlalchemy.engine import URL

        q = dict(self.query)
        if self.unix_socket:
            q["unix_socket"] = self.unix_socket
            q.setdefault("ssl_disabled", "1")  # see pymysql_kwargs
        q.setdefault("charset", "utf8mb4")
        return URL.create("mysql+pymysql", username=self.user or "root", password=self.password,
                          host=self.host, port=self.port, database=self.database, query=q)

    @property
    def is_local(self) -> bool:
        """A unix socket, a loopback address or an address of this machine (such
        as a container engine's bridge, where its throwaway servers are published
        when this process runs in a sandbox): the traffic stays on this machine."""
        return bool(self.unix_socket) or self.host in ("127.0.0.1", "localhost", "::1") \
            or _own_address(self.host)

    def pymysql_kwargs(self, database: str | None | bool = True) -> dict:
        """Keyword arguments for ``pymysql.connect`` (``database=False`` for none)."""
        # a URL without a password takes one from --password-file, MYSQL_PWD or the
        # option file (connect.secrets); as UTF-8 bytes: the server keeps the hash of
        # the bytes it was set with (a utf8mb4 session's), PyMySQL sends a str as latin1
        from .secrets import password as configured_password

        password = self.password if self.password is not None else configured_password()
        kw = dict(host=self.host, port=self.port, user=self.user or "root",
                  password=(password or "").encode("utf-8"), charset="utf8mb4")
        if self.unix_socket:
            kw["unix_socket"] = self.unix_socket
        if self.is_local and not any(k.startswith("ssl") for k, _ in self.query):
            # PyMySQL >= 1.2 tries TLS by default and loads the system CA store for
            # every connection (~25 ms), and every packet pays for it; the traffic
            # of a local socket or loopback never leaves the machine
            kw["ssl_disabled"] = True
        if database is True:
            database = self.database
        if database:
            kw["database"] = database
        return kw


@functools.lru_cache(maxsize=32)
def _own_address(host: str) -> bool:
    """Whether ``host`` (an IP address; names are not resolved) is one of this
    machine's: the kernel's route to it then starts from the address itself. A
    UDP socket's connect sends nothing; unlike a bind it is not fooled by
    ``ip_nonlocal_bind``."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    if ip.is_loopback:
        return True
    try:
        with socket.socket(socket.AF_INET6 if ip.version == 6 else socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((host, 9))
            return ipaddress.ip_address(s.getsockname()[0]) == ip
    except (OSError, ValueError):
        return False


#: A password holding URL delimiters cuts the URL short, so its rest reads as a port.
_ENCODE_HINT = ("if the user name or password holds # / ? @ : or %, URL-encode them "
                "(%23 %2F %3F %40 %3A %25)")

#: What follows the credentials: a host (name, address or [IPv6]), a port, then
#: the path, the query or the end.
_ADDRESS = re.compile(r"(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9._~%-]*)(?::\d*)?(?=[/?#]|$)")
#: Where the query of a server URL starts: a ``?`` and one of the options baseline reads.
_QUERY = re.compile(r"\?(?:unix_socket|socket|ssl_[a-z_]+|connect_timeout|read_timeout|write_timeout|charset|"
                    r"init_command|program_name|server_public_key|auth_plugin_map)=")


def split_credentials(after_scheme: str) -> tuple[str | None, str]:
    """``user:password`` and the address of what follows ``scheme://``. The
    query is set aside first (it may hold ``@``: ``?ssl_ca=/a@b.pem``); then
    the credentials end at the last ``@`` after which a plain host and port
    come, so a password holding ``@ / # ? :`` unencoded is still read whole and
    none of it is taken for the host or the port."""
    q = None
    for m in _QUERY.finditer(after_scheme):
        q = m.start()
    head, tail = (after_scheme, "") if q is None else (after_scheme[:q], after_scheme[q:])
    last = at = head.rfind("@")
    while at >= 0:
        if _ADDRESS.match(head, at + 1):
            return head[:at], head[at + 1:] + tail
        at = head.rfind("@", 0, at)
    if last < 0:
        return None, after_scheme
    return head[:last], head[last + 1:] + tail  # no plain host anywhere: all before the last @ is secret


_URL_TOKEN = re.compile(r"([a-z][a-z0-9+]*://)(\S+)", re.I)


def redact(text: str) -> str:
    """Mask the credentials of every URL in free text: everything between
    ``://`` and the host, so no piece of a password survives, however the URL
    is written."""
    def mask(m: re.Match) -> str:
        credentials, address = split_credentials(m.group(2))
        if credentials is None:
            return m.group(0)
        user = credentials.split(":", 1)[0] if ":" in credentials else ""
        return f"{m.group(1)}{user + ':' if user and '@' not in user else ''}***@{address}"

    return _URL_TOKEN.sub(mask, text or "")
