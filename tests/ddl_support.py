"""Test helpers for the DDL parser/simulator: the server's own view of a
database as a model (every object's SHOW CREATE text, parsed), and a readable
model comparison."""
from __future__ import annotations

import dataclasses

from baseline.flavor import Flavor
from baseline.model import KINDS, Schema, comparable_fields
from baseline.engine.builder import SchemaBuilder
from baseline.sql.literals import quote_ident
from baseline.sql.split import Statement


def _keep_shown_key_order(b: SchemaBuilder, node) -> None:
    """Keys as SHOW CREATE lists them: an ALTER can leave keys out of ``sort_keys``
    order (MariaDB), which re-running the CREATE would sort again."""
    indexes = getattr(node, "indexes", None)
    table = b.schema.tables.get(getattr(node, "name", None)) if indexes is not None else None
    if table is None:
        return
    shown = {("PRIMARY" if d.kind == "PRIMARY" else (d.name or "")).casefold(): i for i, d in enumerate(indexes)}
    # SHOW CREATE lists every key: one it lacks is an FK index the re-parse added (MariaDB
    # can leave a foreign key without an index, see Rules.fk_check_skips_dropped_primary)
    table.indexes = [ix for ix in table.indexes if ix.name.casefold() in shown]
    table.indexes.sort(key=lambda ix: shown[ix.name.casefold()])


def show_create_schema(conn, db: str, flavor: Flavor) -> Schema:
    """The model of ``db`` built from the server's SHOW CREATE output only."""
    with conn.cursor() as cur:
        cur.execute("SELECT default_character_set_name, default_collation_name FROM "
                    "information_schema.schemata WHERE schema_name=%s", (db,))
        cs, co = cur.fetchone()
        b = SchemaBuilder(flavor, name=db, charset=cs, collation=co, server_text=True)
        cur.execute(f"USE {quote_ident(db)}")
        cur.execute("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema=%s "
                    "ORDER BY table_name", (db,))
        rows = cur.fetchall()
        views = []
        for name, ttype in rows:
            if ttype == "VIEW":
                views.append(name)
                continue
            if ttype == "SEQUENCE":
                cur.execute(f"SHOW CREATE SEQUENCE {quote_ident(name)}")
            else:
                cur.execute(f"SHOW CREATE TABLE {quote_ident(name)}")
            node = b.apply(Statement(cur.fetchone()[1], 1))
            _keep_shown_key_order(b, node)
        # routines before views: a view calling a stored function prints it as one
        cur.execute("SELECT routine_type, routine_name FROM information_schema.routines WHERE "
                    "routine_schema=%s ORDER BY routine_type, routine_name", (db,))
        for kind, name in cur.fetchall():
            cur.execute(f"SHOW CREATE {kind} {quote_ident(name)}")
            row = cur.fetchone()
            _set_mode(b, row[1])
            _set_client(b, row[3], row[4])
            # the database collation when the routine was created (mysqldump
            # brackets the routine with ALTER DATABASE the same way)
            saved = (b.schema.charset, b.schema.collation)
            b.apply(Statement(f"ALTER DATABASE {quote_ident(db)} COLLATE {row[5]}", 1))
            b.apply(Statement(row[2], 1))
            b.schema.charset, b.schema.collation = saved
        texts = {}
        for name in views:
            cur.execute(f"SHOW CREATE VIEW {quote_ident(name)}")
            row = cur.fetchone()
            texts[name] = (row[1], row[2], row[3])
        _apply_views(b, texts)
        cur.execute("SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema=%s "
                    "ORDER BY event_object_table, action_timing, event_manipulation, action_order", (db,))
        for (name,) in cur.fetchall():
            cur.execute(f"SHOW CREATE TRIGGER {quote_ident(name)}")
            row = cur.fetchone()
            _set_mode(b, row[1])
            _set_client(b, row[3], row[4])
            b.apply(Statement(row[2], 1))
        cur.execute("SELECT event_name FROM information_schema.events WHERE event_schema=%s", (db,))
        for (name,) in cur.fetchall():
            cur.execute(f"SHOW CREATE EVENT {quote_ident(name)}")
            row = cur.fetchone()
            _set_mode(b, row[1])
            _set_client(b, row[4], row[5])
            b.apply(Statement(f"SET time_zone = '{row[2]}'", 1))
            b.apply(Statement(row[3], 1))
    return b.schema


def _set_mode(b: SchemaBuilder, mode: str) -> None:
    b.apply(Statement(f"SET sql_mode = '{mode}'", 1))


def _set_client(b: SchemaBuilder, charset: str, collation: str) -> None:
    """The session an object was created in, as SHOW CREATE reports it."""
    b.apply(Statement(f"SET character_set_client = {charset}", 1))
    b.apply(Statement(f"SET collation_connection = {collation}", 1))


def _apply_views(b: SchemaBuilder, texts: dict[str, tuple[str, str, str]]) -> None:
    """Views in dependency order (a view's body names the views it reads);
    ``texts``: name -> (SHOW CREATE text, character_set_client, collation_connection)."""
    pending = dict(texts)
    while pending:
        progressed = False
        for name, (text, cs, coll) in list(pending.items()):
            if any(f"`{other}`" in text.split(" AS ", 1)[-1] for other in pending if other != name):
                continue
            _set_client(b, cs, coll)
            b.apply(Statement(text, 1))
            del pending[name]
            progressed = True
        if not progressed:
            for text, cs, coll in pending.values():
                _set_client(b, cs, coll)
                b.apply(Statement(text, 1))
            break


def diff_models(expected: Schema, actual: Schema, *, kinds=KINDS) -> list[str]:
    """Differences in compared fields, one line each (empty when equal)."""
    out: list[str] = []
    for kind in kinds:
        e, a = getattr(expected, kind), getattr(actual, kind)
        for k in sorted(set(e) | set(a), key=str):
            if k not in a:
                out.append(f"{kind} {k}: missing from the simulator's model")
                continue
            if k not in e:
                out.append(f"{kind} {k}: only in the simulator's model")
                continue
            _diff_obj(f"{kind} {k}", e[k], a[k], out)
    return out


def _diff_obj(path: str, e, a, out: list[str]) -> None:
    if dataclasses.is_dataclass(e) and type(e) is type(a):
        for f in comparable_fields(e):
            _diff_obj(f"{path}.{f}", getattr(e, f), getattr(a, f), out)
        return
    if isinstance(e, list) and isinstance(a, list):
        if len(e) != len(a):
            out.append(f"{path}: server {_short(e)} != simulator {_short(a)}")
            return
        for i, (x, y) in enumerate(zip(e, a, strict=True)):
            _diff_obj(f"{path}[{i}]", x, y, out)
        return
    if e != a:
        out.append(f"{path}: server {e!r} != simulator {a!r}")


def _short(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(getattr(x, "name", None) or repr(x) for x in v) + "]"
    return repr(v)
