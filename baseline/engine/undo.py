"""Undo one ``ALTER TABLE`` (or ``CREATE/DROP INDEX``) on a table that existed
before the chain, operation by operation, newest first.

Only what the chain itself says about the table is known (:class:`TableState`
``st``, the table just before the statement, from :mod:`baseline.chain.shadow`): its other
columns, keys and options date from before the chain. So each operation is
undone exactly when that is possible, and otherwise with the assumption that
keeps the replay exact, reported as a finding (see :mod:`.invert`).

After the operations, what the server did on its own for the statement is
undone (:meth:`TableUndo._server_side_effects`): implicit foreign-key indexes.
"""
from __future__ import annotations

import copy
import re

from ..model import Check, Column, ForeignKey, Index, IndexPart, Table
from ..sql.ddl import nodes as N
from .alter import UNDO
from . import edits as E
from .findings import INFO, WARNING
from .placeholders import fk_is_named, placeholder_check, placeholder_column, placeholder_fk, placeholder_index, take_type
from .tablestate import TableState, fold


class TableUndo:
    def __init__(self, inv, table: Table, node: N.AlterTable, st: TableState | None):
        self.inv = inv
        self.t = table
        self.node = node
        self.st = st
        self.schema = inv.schema
        self.flavor = inv.flavor
        self.rules = inv.rules
        #: the table as the statement left it
        self.post = copy.deepcopy(table)
        #: keys and foreign keys this statement added (removed by the undo)
        self.added_indexes: list[Index] = []
        self.added_fks: list[tuple[ForeignKey, str | None]] = []

    @property
    def label(self) -> str:
        return self.t.name

    def note(self, severity: str, obj: str, message: str) -> None:
        self.inv.note(severity, obj, message)

    # The findings every kind of object shares, worded once.
    def _not_here(self, obj: str, verb: str, more: str = "") -> None:
        """The statement changes ``obj``, which the table does not have at this point."""
        self.note(WARNING, obj, f"{verb} here, but not in the table at this point of the chain{more}")

    def _unknown_if_exists(self, obj: str, clause: str, what: str) -> None:
        """``DROP … IF EXISTS`` of something the chain never defined (said only when
        the chain does not define the whole table: then it is no news)."""
        if not self.fully_known:
            self.note(INFO, obj, f"DROP {clause} IF EXISTS of {what} the chain never defined: nothing restored "
                                 "(the replay works either way)")

    def _undo_flag(self, obj, known, attr: str, opposite: bool, label: str, what: str) -> None:
        """Set back the flag ``attr`` (visibility, enforcement) that the statement set
        on ``obj``: as the chain defined it earlier (``known``), else to the
        ``opposite`` of what the statement set, which is noted as an assumption."""
        if obj is None:
            return
        if known is not None:
            setattr(obj, attr, getattr(known, attr))
            return
        setattr(obj, attr, opposite)
        self.note(INFO, label, f"{what} before this migration assumed to be the opposite of what it sets")

    # ------------------------------------------------------------------ knowledge
    def known_column(self, name: str) -> Column | None:
        return self.st.column(name) if self.st is not None else None

    def known_index(self, name: str) -> Index | None:
        return self.st.table.index(name) if self.st is not None else None

    def known_fk(self, name: str) -> ForeignKey | None:
        return self.st.table.foreign_key(name) if self.st is not None else None

    def known_check(self, name: str) -> Check | None:
        return self.st.table.check(name) if self.st is not None else None

    @property
    def fully_known(self) -> bool:
        return self.st is not None and not self.st.stub

    # ------------------------------------------------------------------ the walk
    def run(self) -> None:
        for op in reversed(self.node.operations):  # one handler per operation type (alter.UNDO)
            UNDO.run(self, op)
        self._server_side_effects()

    @UNDO(N.RenameTable)
    def _RenameTable(self, op: N.RenameTable) -> None:
        """Undone by the caller before this walk (:meth:`Inverter._alter_table`
        renames the table back first: the other operations name the new table)."""

    @UNDO(N.NoOp)
    def _NoOp(self, op: N.NoOp) -> None:
        """``ALGORITHM=``, ``LOCK=``, ``FORCE``...: nothing in the model changed."""

    # ------------------------------------------------------------------ columns
    @UNDO(N.AddColumn)
    def _AddColumn(self, op: N.AddColumn) -> None:
        name = op.column.name
        if op.if_not_exists and self.st is not None and self.st.has_column(name):
            return  # it existed: the operation changed nothing
        c = self.t.column(name)
        if c is None:
            self._not_here(f"column {self.label}.{name}", "added", "; nothing was removed")
            return
        if op.if_not_exists:
            i = self.t.columns.index(c)
            after = self.t.columns[i - 1].name if i else None
            self.inv.if_not_exists_columns[(self.t.name, c.name)] = (copy.deepcopy(c), after)
        self.added_indexes += E.remove_column(self.t, c)

    @UNDO(N.DropColumn)
    def _DropColumn(self, op: N.DropColumn) -> None:
        if self.t.column(op.name) is not None:
            return
        known = self.known_column(op.name)
        if known is not None:
            self._restore_column(known)
            return
        if op.if_exists:
            self._unknown_if_exists(f"column {self.label}.{op.name}", "COLUMN", "a column")
            return
        col = placeholder_column(self.schema, self.t, op.name, self.inv._where)
        self.t.columns.append(col)
        self.note(WARNING, f"column {self.label}.{op.name}", "dropped here, but its definition appears nowhere in "
                  f"the chain: the baseline has a placeholder ({E.describe_column(col)}) that this statement drops")
        self._back_into_named_keys(col)

    def _back_into_named_keys(self, col: Column) -> None:
        """A dropped column leaves the keys it was part of (the server takes it out
        of them): a key whose name spells the column but that lacks it most likely
        had it, last (``rules_namespace_segment_key`` on ``(namespace_key)`` after
        ``DROP COLUMN segment_key``)."""
        from .placeholders import names_column

        for idx in self.t.indexes:
            if idx.kind in ("PRIMARY", "FULLTEXT", "SPATIAL") or not idx.parts or self.known_index(idx.name):
                continue
            if any(p.column and fold(p.column) == col.key for p in idx.parts) or not names_column(idx.name, col.name):
                continue
            idx.parts.append(IndexPart(col.name))
            self.note(WARNING, f"index {self.label}.{idx.name}", f"its name spells `{col.name}`, which the chain "
                      "drops here: the baseline has it as the key's last column")

    def _restore_column(self, known: Column) -> None:
        """Put back a column the chain defined earlier, where it was, with the keys
        and CHECK that lost it."""
        after, first = self._known_place(known)
        E.place_column(self.t, known, after, first=first)
        for idx in self.st.table.indexes:
            if not any(p.column and fold(p.column) == known.key for p in idx.parts):
                continue
            if not all(p.column is None or self.t.column(p.column) is not None for p in idx.parts):
                continue
            mine = self.t.index(idx.name)
            if mine is None:
                self.t.indexes.append(copy.deepcopy(idx))
            else:
                mine.parts = copy.deepcopy(idx.parts)
        chk = next((c for c in self.st.table.checks if c.column_level and c.key == known.key), None)
        if chk is not None and self.t.check(chk.name) is None:
            self.t.checks.insert(0, copy.deepcopy(chk))

    def _known_place(self, known: Column) -> tuple[str | None, bool]:
        """Where a column the chain defined earlier goes back: ``(after, first)``
        for :func:`edits.place_column`.

        After its nearest predecessor in the chain's picture that the table still
        has. Without one, a table the chain created has it first. A table that
        existed before the chain (a stub) only shows what the chain touched, so
        "no known predecessor" says nothing about being first: the column was most
        likely added after the table's original columns, so it goes after the last
        column the chain never mentions (certainly one of those), else last.
        """
        cols = self.st.table.columns
        i = [c.key for c in cols].index(known.key)
        after = next((cols[j].name for j in range(i - 1, -1, -1) if self.t.column(cols[j].name) is not None), None)
        if after is not None or not self.st.stub:
            return after, after is None and i == 0
        mentioned = {c.key for c in cols}
        original = [c.name for c in self.t.columns if c.key not in mentioned]
        return (original[-1] if original else None), False

    @UNDO(N.ModifyColumn)
    def _ModifyColumn(self, op: N.ModifyColumn) -> None:
        self._redefine(op.column.name, op.column, op.position, "MODIFY", op.if_exists)

    @UNDO(N.ChangeColumn)
    def _ChangeColumn(self, op: N.ChangeColumn) -> None:
        c = self.t.column(op.column.name)
        if c is None:
            if not op.if_exists:
                self.note(WARNING, f"column {self.label}.{op.column.name}", "changed here, but not in the table "
                                                                            "at this point of the chain")
            return
        if c.name != op.old_name:
            self._rename_column_back(c, op.old_name)
        self._redefine(op.old_name, op.column, op.position, "CHANGE", op.if_exists)

    def _redefine(self, name: str, cd: N.ColumnDef, position: N.Position | None, verb: str,
                  if_exists: bool) -> None:
        c = self.t.column(name)
        if c is None:
            if not if_exists:
                self.note(WARNING, f"column {self.label}.{name}", f"{verb} here, but the column is not in the "
                                                                  "table at this point of the chain")
            return
        self._undo_inline_keys(c, cd)
        known = self.known_column(name)
        if known is None:
            but = ""
            if self._key_order_says_not_null(c):
                c.nullable = False
                if c.default == "NULL":
                    c.default = None
                but = ", but NOT NULL: the order of the table's keys shows it was when a later key was added"
            elif cd.nullable is False and self._key_order_says_nullable(c):
                c.nullable = True
                if c.default is None and not c.auto_increment:
                    c.default = "NULL"
                but = (", but nullable: a UNIQUE key the chain added earlier stands before an older one over it, "
                       "which the server sorts so only when this column allowed NULL")
            self.note(WARNING, f"column {self.label}.{name}", f"{verb}: its definition before this migration "
                      f"appears nowhere in the chain; the baseline keeps the new one ({E.describe_column(c)}){but}")
            return
        known = self._fit_primary_key(known)
        i = self.t.columns.index(c)
        self.t.columns[i] = known
        if position is not None:
            self.t.columns.remove(known)
            after, first = self._known_place(known)
            E.place_column(self.t, known, after, first=first)
        # keys refitted to the new type, and the column CHECK the new definition replaced
        for idx in self.t.indexes:
            old = self.known_index(idx.name)
            if old is not None and [p.column for p in old.parts] == [p.column for p in idx.parts]:
                idx.parts = copy.deepcopy(old.parts)
                idx.using = old.using
        self.t.checks = [x for x in self.t.checks if not (x.column_level and x.key == known.key)]
        chk = next((x for x in self.st.table.checks if x.column_level and x.key == known.key), None)
        if chk is not None:
            self.t.checks.insert(0, copy.deepcopy(chk))

    def _key_order_says_not_null(self, c: Column) -> bool:
        """Whether the table's keys stand where the server would only have put
        them with ``c`` NOT NULL: a UNIQUE key over nullable ``c`` ahead of UNIQUE
        keys over NOT NULL columns. A CREATE or an ALTER adding a key sorts such a
        key after those; only an ALTER that made ``c`` nullable afterwards, and
        kept the order (MariaDB), leaves it ahead: this one, when its old
        definition is unknown."""
        from .builder import key_rank

        t = self.t
        if not c.nullable or not self.rules.alter_keeps_key_order or t.primary_key is None:
            return False

        def ranks(flip: bool) -> list[tuple]:
            def nullable(column: str) -> bool:
                col = t.column(column)
                return col is not None and col.nullable and not (flip and col is c)
            return [key_rank(i, nullable, i.kind == "UNIQUE" and i.using == "HASH") for i in t.indexes]

        def ordered(r: list[tuple]) -> bool:
            return all(a <= b for a, b in zip(r, r[1:], strict=False))

        return not ordered(ranks(False)) and ordered(ranks(True))

    def _key_order_says_nullable(self, c: Column) -> bool:
        """Whether ``c`` (NOT NULL after this statement) must have allowed NULL
        before it: a UNIQUE key the chain added earlier (so after the older one was
        there) stands before an older UNIQUE key over ``c``, both over NOT NULL
        columns only now. The server sorts UNIQUE keys over NOT NULL columns first
        and keeps that order, so when the later key was added the older one had a
        nullable column: ``c`` (hawkBit's ``sp_target_type.name``)."""
        t = self.t
        if c.nullable or self.st is None or t.column(c.name) is None:
            return False

        def all_not_null(i: Index) -> bool:
            return all(p.column and t.column(p.column) is not None and not t.column(p.column).nullable
                       for p in i.parts)

        uniques = [i for i in t.indexes if i.kind == "UNIQUE" and all_not_null(i)]
        for pos, older in enumerate(uniques):
            if self.known_index(older.name) is not None or not any(p.column and fold(p.column) == c.key
                                                                    for p in older.parts):
                continue
            if any(self.known_index(later.name) is not None for later in uniques[:pos]):
                return True
        return False

    def _fit_primary_key(self, col: Column) -> Column:
        """A column of the table's primary key is NOT NULL, whatever the chain's
        statement said: the server made it so. (What the chain knows of a
        pre-chain table's column comes from a stub without its keys.)"""
        pk = self.t.primary_key
        if pk is None or not col.nullable or col.key not in {p.column.casefold() for p in pk.parts if p.column}:
            return col
        col = copy.deepcopy(col)
        col.nullable = False
        if col.default == "NULL":
            col.default = None
        return col

    def _undo_inline_keys(self, c: Column, cd: N.ColumnDef) -> None:
        """Keys written inside a MODIFY/CHANGE column definition were added by it."""
        if cd.primary and self.t.primary_key is not None:
            pk = self.t.primary_key
            self.t.indexes.remove(pk)
            self.added_indexes.append(pk)
        if cd.unique:
            idx = self._newest_unnamed(c.name, [c.name], kinds=("UNIQUE",))
            if idx is not None:
                self.t.indexes.remove(idx)
                self.added_indexes.append(idx)
        if cd.references is not None and self.rules.inline_references_create_fk:
            fk = self._newest_auto_fk([c.name], cd.references.table)
            if fk is not None:
                self.t.foreign_keys.remove(fk)
                self.added_fks.append((fk, None))

    @UNDO(N.RenameColumn)
    def _RenameColumn(self, op: N.RenameColumn) -> None:
        c = self.t.column(op.new_name)
        if c is None:
            if not op.if_exists:
                self._not_here(f"column {self.label}.{op.new_name}", "renamed")
            return
        self._rename_column_back(c, op.old_name)

    @UNDO(N.AlterColumnDefault)
    def _AlterColumnDefault(self, op: N.AlterColumnDefault) -> None:
        c = self.t.column(op.name)
        if c is None:
            return
        known = self.known_column(op.name)
        if known is not None:
            c.default = known.default
            return
        what = "DROP DEFAULT" if op.default is None else "SET DEFAULT"
        self.note(WARNING, f"column {self.label}.{op.name}", f"ALTER COLUMN {what}: the default before this "
                  f"migration appears nowhere in the chain; the baseline keeps the new one ({c.default})")

    @UNDO(N.AlterColumnVisibility)
    def _AlterColumnVisibility(self, op: N.AlterColumnVisibility) -> None:
        self._undo_flag(self.t.column(op.name), self.known_column(op.name), "invisible", op.visible,
                        f"column {self.label}.{op.name}", "visibility")

    # ------------------------------------------------------------------ keys
    @UNDO(N.AddIndex)
    def _AddIndex(self, op: N.AddIndex) -> None:
        idef = op.index
        if idef.kind == "PRIMARY":
            if op.if_not_exists and self.st is not None and self.st.table.primary_key is not None:
                return
            idx = self.t.primary_key
        else:
            name = idef.name or idef.constraint
            if name:
                if op.if_not_exists and self.known_index(name) is not None:
                    return
                idx = self.t.index(name)
            else:
                cols = [p.column for p in idef.parts]
                idx = self._newest_unnamed(cols[0] or "functional_index", cols)
        if idx is None:
            self._not_here(f"index {self.label}.{idef.name or '(unnamed)'}", "added")
            return
        self.t.indexes.remove(idx)
        self.added_indexes.append(idx)
        self.inv.explicit.discard((self.t.name, idx.key))
        if idx.kind != "PRIMARY":
            self.inv.readded_indexes[(fold(self.t.name), idx.key)] = copy.deepcopy(idx)

    def _newest_unnamed(self, base: str, cols: list, kinds=("INDEX", "UNIQUE", "FULLTEXT", "SPATIAL")) -> Index | None:
        """The key the server named after its first column (``c``, ``c_2``...) for
        these columns: the newest one the chain had not known before."""
        b = fold(base)
        found = []
        for idx in self.t.indexes:
            n = idx.key
            if idx.kind not in kinds or [p.column and fold(p.column) for p in idx.parts] != \
                    [c and fold(c) for c in cols]:
                continue
            if n == b:
                found.append((1, idx))
            elif n.startswith(b + "_") and n[len(b) + 1:].isdigit():
                found.append((int(n[len(b) + 1:]), idx))
        fresh = [(k, i) for k, i in found if self.known_index(i.name) is None] or found
        return max(fresh, key=lambda x: x[0])[1] if fresh else None

    @UNDO(N.DropIndex)
    def _DropIndex(self, op: N.DropIndex) -> None:
        if self.t.index(op.name) is not None:
            return
        known = self.known_index(op.name)
        if known is not None and all(p.column is None or self.t.column(p.column) is not None for p in known.parts):
            self._put_index(copy.deepcopy(known))
            return
        label = "primary key" if op.name.upper() == "PRIMARY" else f"index {self.label}.{op.name}"
        if label == "primary key":
            label = f"primary key of {self.label}"
        if op.if_exists:
            self._unknown_if_exists(label, "INDEX", "an index")
            return
        again = self.inv.readded_indexes.get((fold(self.t.name), fold(op.name)))
        if again is not None and all(p.column is None or self.t.column(p.column) for p in again.parts):
            self._put_index(copy.deepcopy(again))
            self.note(WARNING, label, "dropped here, but its definition appears nowhere before; the baseline has "
                                      "the definition a later statement gives it again")
            return
        readded = self.inv.readded_fks.get((fold(self.t.name), fold(op.name)))
        idx = placeholder_index(self.t, op.name, readded[0] if readded else None)
        if idx is None:
            self.note(WARNING, label, "dropped here, its definition appears nowhere in the chain and the table has "
                                      "no column to put a placeholder on: replay will fail here")
            return
        self._put_index(idx)
        cols = ", ".join(p.column for p in idx.parts)
        self.note(WARNING, label, "dropped here, but its definition appears nowhere in the chain: the baseline "
                                  f"has a placeholder ({cols}) that this statement drops")

    def _put_index(self, idx: Index) -> None:
        if idx.kind == "PRIMARY":
            self.t.indexes.insert(0, idx)
        else:
            self.t.indexes.append(idx)

    def _put_fk(self, fk: ForeignKey) -> None:
        # a placeholder column (its type unknown) takes the type of the column it references
        target = self.t if fold(fk.ref_table) == fold(self.t.name) else self.schema.table(fk.ref_table)
        for mine, theirs in zip(fk.columns, fk.ref_columns, strict=False):
            col, ref = self.t.column(mine), target.column(theirs) if target is not None else None
            if col is not None and ref is not None and (col.comment or self.t.comment or "").startswith("baseline placeholder") \
                    and (col.type, col.unsigned, col.charset) != (ref.type, ref.unsigned, ref.charset):
                take_type(col, ref)
        self.t.foreign_keys.append(fk)
        self.t.foreign_keys.sort(key=lambda f: f.name)

    @UNDO(N.RenameIndex)
    def _RenameIndex(self, op: N.RenameIndex) -> None:
        idx = self.t.index(op.new_name)
        if idx is None:
            self._not_here(f"index {self.label}.{op.new_name}", "renamed")
            return
        was_explicit = (self.t.name, idx.key) in self.inv.explicit
        self.inv.explicit.discard((self.t.name, idx.key))
        idx.name = op.old_name
        if was_explicit:
            self.inv.explicit.add((self.t.name, idx.key))

    @UNDO(N.AlterIndexVisibility)
    def _AlterIndexVisibility(self, op: N.AlterIndexVisibility) -> None:
        self._undo_flag(self.t.index(op.name), self.known_index(op.name), "visible", not op.visible,
                        f"index {self.label}.{op.name}", "visibility")

    # ------------------------------------------------------------------ foreign keys and checks
    @UNDO(N.AddForeignKey)
    def _AddForeignKey(self, op: N.AddForeignKey) -> None:
        fdef = op.foreign_key
        name = fdef.name or (fdef.index_name if self.rules.fk_index_name_names_constraint else None)
        if name:
            if op.if_not_exists and self.known_fk(name) is not None:
                return
            fk = self.t.foreign_key(name)
        else:
            fk = self._newest_auto_fk(fdef.columns, fdef.ref.table)
        if fk is None:
            self._not_here(f"foreign key {self.label}.{name or '(unnamed)'}", "added")
            return
        self.t.foreign_keys.remove(fk)
        self.added_fks.append((fk, fdef.name or fdef.index_name))
        self.inv.readded_fks[(fold(self.t.name), fold(fk.name))] = (copy.deepcopy(fk), self.inv._where)

    def _newest_auto_fk(self, cols: list[str], ref_table: str) -> ForeignKey | None:
        prefix = self.rules.fk_name_pattern.format(table=self.t.name, n="")
        best = None
        for fk in self.t.foreign_keys:
            rest = fk.name[len(prefix):] if fk.name.startswith(prefix) else ""
            if not rest.isdigit() or [fold(c) for c in fk.columns] != [fold(c) for c in cols]:
                continue
            if fold(fk.ref_table) != fold(ref_table) or self.known_fk(fk.name) is not None:
                continue
            if best is None or int(rest) > best[0]:
                best = (int(rest), fk)
        return best[1] if best else None

    @UNDO(N.DropForeignKey)
    def _DropForeignKey(self, op: N.DropForeignKey) -> None:
        if self.t.foreign_key(op.name) is not None:
            return
        known = self.known_fk(op.name)
        if known is not None:
            self._put_fk(known)
            return
        label = f"foreign key {self.label}.{op.name}"
        if op.if_exists:
            self._unknown_if_exists(label, "FOREIGN KEY", "a key")
            return
        self._placeholder_fk(op.name, label)

    def _paired_fk(self, name: str) -> ForeignKey | None:
        """The key this statement adds in place of the dropped key ``name``, when it
        drops as many keys as it adds (``DROP FOREIGN KEY fk_a_ds, ADD CONSTRAINT
        fk_a_distribution_set FOREIGN KEY ...``, pair by pair: a rename)."""
        drops = [op.name.casefold() for op in self.node.operations if isinstance(op, N.DropForeignKey)]
        adds = [op.foreign_key for op in self.node.operations if isinstance(op, N.AddForeignKey)]
        if len(drops) != len(adds) or name.casefold() not in drops:
            return None
        fdef = adds[drops.index(name.casefold())]
        return next((fk for fk, _ in self.added_fks
                     if [c.casefold() for c in fk.columns] == [c.casefold() for c in fdef.columns]
                     and fk.ref_table.casefold() == fdef.ref.table.casefold()), None)

    def _placeholder_fk(self, name: str, label: str) -> bool:
        """Stand in for a foreign key the chain drops without ever defining it
        (:func:`placeholders.placeholder_fk` says how it is chosen); False when
        nothing can stand in."""
        readded = self.inv.readded_fks.get((fold(self.t.name), fold(name)))
        if readded is None:  # a key of this name the chain adds to another table: moved there
            readded = next((v for (tn, fn), v in self.inv.readded_fks.items()
                            if fn == fold(name) and all(self.t.column(c) for c in v[0].columns)), None)
        found = placeholder_fk(self.schema, self.t, name, readded, [fk for fk, _ in self.added_fks],
                               self._paired_fk(name), self.rules.fk_name_pattern)
        if found is None:
            self.note(WARNING, label, "dropped here, but its definition appears nowhere in the chain, and the "
                                      "table has no column another table references the same way: replay will "
                                      "fail here (a down migration for this one would fix it)")
            return False
        fk, why = found
        self._put_fk(fk)
        self.note(WARNING, label, f"dropped here, but its definition appears nowhere before; the baseline has "
                                  f"{why}: {E.describe_fk(fk)}")
        return True

    @UNDO(N.AddCheck)
    def _AddCheck(self, op: N.AddCheck) -> None:
        name = op.check.name
        if name:
            if op.if_not_exists and self.known_check(name) is not None:
                return
            chk = self.t.check(name)
        else:
            fresh = [c for c in self.t.checks if not c.column_level and self.known_check(c.name) is None]
            chk = fresh[-1] if fresh else None
        if chk is None:
            if self.rules.check_constraints:
                self._not_here(f"check {self.label}.{name or '(unnamed)'}", "added")
            return
        self.t.checks.remove(chk)

    @UNDO(N.DropConstraint)
    def _DropConstraint(self, op: N.DropConstraint) -> None:
        t = self.t
        if t.check(op.name) or (op.kind == "CONSTRAINT" and (t.foreign_key(op.name) or t.index(op.name))):
            return
        chk = self.known_check(op.name)
        if chk is not None:
            t.checks.append(chk)
            return
        if op.kind == "CONSTRAINT":
            fk = self.known_fk(op.name)
            if fk is not None:
                self._put_fk(fk)
                return
            idx = self.known_index(op.name)
            if idx is not None:
                self._put_index(idx)
                return
        label = f"{'check' if op.kind == 'CHECK' else 'constraint'} {self.label}.{op.name}"
        if op.if_exists:
            self._unknown_if_exists(label, op.kind, "a constraint")
            return
        chk = placeholder_check(self.schema, t, op.name, self.rules)
        if chk is not None:
            t.checks.append(chk)
            self.note(WARNING, label, "dropped here, but its definition appears nowhere in the chain: the baseline "
                                      f"has a placeholder that admits every row, CHECK ({chk.expression})")
            return
        self.note(WARNING, label, "dropped here, but its definition appears nowhere in the chain, and no "
                                  "placeholder is safe for it: replay will fail here (a down migration for this one "
                                  "would fix it)")

    @UNDO(N.AlterCheck)
    def _AlterCheck(self, op: N.AlterCheck) -> None:
        self._undo_flag(self.t.check(op.name), self.known_check(op.name), "enforced", not op.enforced,
                        f"check {self.label}.{op.name}", "enforcement")

    # ------------------------------------------------------------------ table options
    @UNDO(N.SetTableOptions)
    def _SetTableOptions(self, op: N.SetTableOptions) -> None:
        from .tablestate import option_attribute

        unknown = []
        for key in op.options.items:
            attr = option_attribute(key)
            if attr == "auto_increment":
                continue  # a counter, not schema
            if self.st is not None and self.st.knows(attr):
                self._restore_attribute(attr)
            else:
                unknown.append(key.lower())
        if unknown:
            what = ", ".join(dict.fromkeys(unknown))
            self.note(WARNING, f"table {self.label}", f"table option {what}: the value before this migration "
                      "appears nowhere in the chain; the baseline keeps the new one")

    def _restore_attribute(self, attr: str) -> None:
        old = self.st.table
        if attr == "charset":
            self.t.charset, self.t.collation = old.charset, old.collation
        elif attr in ("engine", "comment", "row_format"):
            setattr(self.t, attr, getattr(old, attr))
        elif attr.startswith("option:"):
            key = attr[len("option:"):]
            new = self.t.options.get(key)
            if key in old.options:
                self.t.options[key] = old.options[key]
            else:
                self.t.options.pop(key, None)
            if key == "key_block_size":
                self._restore_key_block_sizes(new, old.options.get(key))

    def _restore_key_block_sizes(self, new: str | None, old: str | None) -> None:
        """Each index keeps its own size (shown where it differs from the
        table's, or the table's size when none was shown); under the table's
        earlier size it shows only where it differs from that one."""
        for ix in self.t.indexes:
            size = ix.key_block_size if ix.key_block_size is not None else \
                (int(new) if new not in (None, "0") else None)
            ix.key_block_size = None if size is None or str(size) == old else size

    @UNDO(N.ConvertCharset)
    def _ConvertCharset(self, op: N.ConvertCharset) -> None:
        self.note(WARNING, f"table {self.label}", "CONVERT TO CHARACTER SET: the character sets before this "
                  "migration appear nowhere in the chain; the baseline keeps the new ones")

    @UNDO(N.PartitionOp)
    def _PartitionOp(self, op: N.PartitionOp) -> None:
        part = self.t.partitioning
        if op.action == "ADD PARTITION" and part is not None:
            if op.count is not None and part.count is not None:
                part.count -= op.count
            else:
                names = {fold(p.name) for p in op.partitions}
                part.partitions = [p for p in part.partitions if fold(p.name) not in names]
            return
        if op.action == "COALESCE PARTITION" and part is not None and part.count is not None:
            part.count += op.count or 0
            return
        if op.action in ("PARTITION BY", "REMOVE PARTITIONING", "DROP PARTITION", "REORGANIZE PARTITION"):
            if self.st is not None and self.st.knows("partitioning"):
                self.t.partitioning = copy.deepcopy(self.st.table.partitioning)
                return
            fails = " (replay may fail here)" if op.action in ("REMOVE PARTITIONING", "DROP PARTITION") else ""
            self.note(WARNING, f"table {self.label}", f"{op.action}: the partitioning before this migration appears "
                      f"nowhere in the chain; the baseline keeps the new one{fails}")

    @UNDO(N.AddPeriod)
    def _AddPeriod(self, op) -> None:
        self._not_inverted("PERIOD FOR")

    @UNDO(N.DropPeriod)
    def _DropPeriod(self, op) -> None:
        self._not_inverted("DROP PERIOD")

    @UNDO(N.SystemVersioning)
    def _SystemVersioning(self, op) -> None:
        self._not_inverted(("ADD" if op.add else "DROP") + " SYSTEM VERSIONING")

    def _not_inverted(self, what: str) -> None:
        self.note(WARNING, f"table {self.label}", f"{what} is not inverted: the baseline keeps the table as this "
                                                  "migration left it")

    # ------------------------------------------------------------------ what the server did by itself
    def _server_side_effects(self) -> None:
        t = self.t
        pattern = self.rules.fk_name_pattern
        # 1. the index the server created for a foreign key this statement added
        for fk, index_name in self.added_fks:
            names = {fold(index_name)} if index_name else {fold(fk.columns[0])}
            if not index_name:
                base = fold(fk.columns[0])
                names |= {i.key for i in t.indexes if i.key.startswith(base + "_") and i.key[len(base) + 1:].isdigit()}
            cand = [i for i in t.indexes if i.key in names and E.plain_on(i, fk.columns)
                    and self.known_index(i.name) is None]
            for idx in cand[-1:]:
                # kept when a key the statement dropped (now back) needs it: the index
                # was there before, serving that key (a key replaced under a new name)
                needed = any(E.serves(idx, o.columns) and not any(E.serves(x, o.columns) for x in t.indexes
                                                                 if x is not idx)
                             for o in t.foreign_keys)
                if not needed and not any(E.serves(o, fk.columns) for o in t.indexes if o is not idx):
                    t.indexes.remove(idx)
                    self.inv.explicit.discard((t.name, idx.key))
        # 2. implicit indexes an added key had made the server drop come back
        for fk in t.foreign_keys:
            if not E.is_served(t, fk):
                idx = E.implicit_index(t, fk, fk_is_named(fk, t.name, pattern))
                self._insert_implicit(idx, fk)
                self.inv.restored_implicit.add((fold(t.name), idx.key))
        # 3. an implicit-shaped index that survived an added key serving its foreign key was explicit
        for added in self.added_indexes:
            for j in t.indexes:
                if self.post.index(j.name) is None:
                    continue
                if any(E.plain_on(j, fk.columns) for fk in t.foreign_keys) and E.is_prefix_of(j, added) \
                        and j.key != added.key:
                    self.inv.explicit.add((t.name, j.key))

    def _rename_column_back(self, c: Column, old: str) -> None:
        """Undo a column rename. An implicit foreign-key index the walk brought
        back was named after the column as the walk found it; the server had
        named it after the column of its own time, which is the older name."""
        new = c.name
        E.rename_column(self.schema, self.t, c, old, self.flavor)
        for idx in self.t.indexes:
            if (fold(self.t.name), idx.key) in self.inv.restored_implicit and idx.key == fold(new) \
                    and [fold(p.column or "") for p in idx.parts] == [fold(old)]:
                self.inv.restored_implicit.discard((fold(self.t.name), idx.key))
                idx.name = E.unique_index_name(self.t, old)
                self.inv.restored_implicit.add((fold(self.t.name), idx.key))

    def _insert_implicit(self, idx: Index, fk: ForeignKey) -> None:
        """Put a restored implicit index among the keys: before the implicit index
        of the first foreign key listed after its own (by name, numbers in
        numeric order: the order SHOW CREATE lists foreign keys, in which a dump
        or a CREATE makes them), else after the last plain key."""
        t = self.t

        def order(name: str) -> str:
            return re.sub(r"\d+", lambda m: m.group().zfill(12), name.casefold())

        mine = order(fk.name)
        for i, other in enumerate(t.indexes):
            if any(f is not fk and order(f.name) > mine and E.plain_on(other, f.columns) for f in t.foreign_keys):
                t.indexes.insert(i, idx)
                return
        last_plain = max((i for i, x in enumerate(t.indexes) if x.kind == "INDEX"), default=None)
        t.indexes.insert(len(t.indexes) if last_plain is None else last_plain + 1, idx)
