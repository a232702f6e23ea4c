"""JavaScript migrations walked back from what they send (issue 18).

Each case is a two-migration sequelize chain: a base migration (the lost
history) and the operation under test. Production is the whole chain run for
real; ``generate --migrations`` gets only the second migration. Without a
down, the walk inverts the SQL its ``up()`` sends (run with real Sequelize
against the schema after it, writes recorded instead of sent); with a down,
the down is used once its up, run on the result, gives the schema back. Every
baseline is verified by ``generate`` itself (000 + chain replayed and compared);
here the server's text of the rebuilt database is compared with production's
too.
"""
from __future__ import annotations

import textwrap

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.workflows.chain_baseline import ChainBaselineOptions, generate_for_chain
from baseline.compare.servertext import read_texts, text_differences
from baseline.connect.execute import execute_script
from helpers import make

BASE = """'use strict';
module.exports = {
  async up(queryInterface) {
    const q = (sql) => queryInterface.sequelize.query(sql);
    await q("CREATE TABLE users (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '', "
            + "email VARCHAR(100) NULL, legacy TINYINT(1) NOT NULL DEFAULT 0, KEY users_name (name))");
    await q("CREATE TABLE posts (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, userId INT NULL, ownerId INT NULL, "
            + "title VARCHAR(80) NOT NULL, CONSTRAINT posts_owner_fk FOREIGN KEY (ownerId) REFERENCES users (id))");
    await q("CREATE TABLE old_logs (id INT NOT NULL PRIMARY KEY, line TEXT)");
  },
};
"""

#: operation -> (up body, down body), queryInterface as qi and Sequelize as S
OPS = {
    "addColumn after": ("await qi.addColumn('users', 'nick', { type: S.STRING(40), after: 'name' });",
                        "await qi.removeColumn('users', 'nick');"),
    "changeColumn": ("await qi.changeColumn('users', 'email', { type: S.STRING(200), allowNull: false });",
                     "await qi.changeColumn('users', 'email', { type: S.STRING(100), allowNull: true });"),
    "renameColumn": ("await qi.renameColumn('users', 'name', 'full_name');",
                     "await qi.renameColumn('users', 'full_name', 'name');"),
    "removeColumn": ("await qi.removeColumn('users', 'legacy');",
                     "await qi.addColumn('users', 'legacy', { type: S.BOOLEAN, allowNull: false, "
                     "defaultValue: false });"),
    "renameTable": ("await qi.renameTable('old_logs', 'logs');", "await qi.renameTable('logs', 'old_logs');"),
    "addIndex": ("await qi.addIndex('users', ['email'], { name: 'users_email', unique: true });",
                 "await qi.removeIndex('users', 'users_email');"),
    "removeIndex": ("await qi.removeIndex('users', 'users_name');",
                    "await qi.addIndex('users', ['name'], { name: 'users_name' });"),
    "addConstraint": ("await qi.addConstraint('posts', { fields: ['userId'], type: 'foreign key', "
                      "name: 'posts_user_fk', references: { table: 'users', field: 'id' }, onDelete: 'cascade' });",
                      "await qi.removeConstraint('posts', 'posts_user_fk');"),
    "removeConstraint": ("await qi.removeConstraint('posts', 'posts_owner_fk');",
                         "await qi.addConstraint('posts', { fields: ['ownerId'], type: 'foreign key', "
                         "name: 'posts_owner_fk', references: { table: 'users', field: 'id' } });"),
    "createTable": ("await qi.createTable('tags', { id: { type: S.INTEGER, primaryKey: true, autoIncrement: true },"
                    " label: { type: S.STRING(30), allowNull: false } });",
                    "await qi.dropTable('tags');"),
    "dropTable": ("await qi.dropTable('old_logs');",
                  "await qi.createTable('old_logs', { id: { type: S.INTEGER, primaryKey: true }, "
                  "line: { type: S.TEXT } });"),
    "raw query": ("await qi.sequelize.query('ALTER TABLE users ADD COLUMN score INT NOT NULL DEFAULT 0');",
                  "await qi.sequelize.query('ALTER TABLE users DROP COLUMN score');"),
}


def cli_module(up: str, down: str | None) -> str:
    text = f"""'use strict';
    module.exports = {{
      async up(qi, S) {{
        {up}
      }},"""
    if down is not None:
        text += f"""
      async down(qi, S) {{
        {down}
      }},"""
    return textwrap.dedent(text + "\n    };\n")


def ts_module(up: str, down: str | None) -> str:
    """umzug style, TypeScript: up({ context })."""
    text = ("import { DataTypes as S, QueryInterface } from 'sequelize';\n"
            "type Ctx = { context: QueryInterface };\n"
            f"export async function up({{ context: qi }}: Ctx): Promise<void> {{\n  {up}\n}}\n")
    if down is not None:
        text += f"export async function down({{ context: qi }}: Ctx): Promise<void> {{\n  {down}\n}}\n"
    return text


def esm_module(up: str, down: str | None) -> str:
    text = ("import sequelize from 'sequelize';\nconst S = sequelize.DataTypes;\n"
            f"export const up = async ({{ context: qi }}) => {{\n  {up}\n}};\n")
    if down is not None:
        text += f"export const down = async ({{ context: qi }}) => {{\n  {down}\n}};\n"
    return text


STYLES = {"cjs": (cli_module, ".js"), "ts": (ts_module, ".ts"), "esm": (esm_module, ".mjs")}


def _case(server, scratch_server, tmp_path, op: str, with_down: bool, style: str = "cjs"):
    render, ext = STYLES[style]
    up, down = OPS[op]
    full = make(tmp_path / "all", {"20240101000000-base.js": BASE,
                                   f"20240101000001-op{ext}": render(up, down if with_down else None)})
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="jsprod") as prod:
        replay_chain(read_chain(full), server, prod, progress=False)
        part = make(tmp_path / "part", {f"20240101000001-op{ext}": (full / f"20240101000001-op{ext}").read_text()})
        made = generate_for_chain(str(server.url.with_database(prod)), part, ChainBaselineOptions(
            scratch=str(scratch_server.url.with_database(None)), outdir=str(tmp_path / "out"), fmt="sql",
            progress=False), say=lambda text: None)
        assert made.written, (made.verification.failure if made.verification else None,
                              made.verification and made.verification.comparison.differences)
        steps = [(s.how, s.why) for s in made.prechain.steps]
        # rebuild: 000 + the migration, on the other server; the server's text decides
        text = (tmp_path / "out" / "000_initial_schema.sql").read_text()
        with scratch_server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="jsrebuilt") as db:
            conn = scratch_server.connect(db)
            try:
                execute_script(conn, text, file="000_initial_schema.sql")
            finally:
                conn.close()
            replay_chain(read_chain(part), scratch_server, db, progress=False)
            a, b = _texts(server, prod), _texts(scratch_server, db)
        assert not text_differences(a, b), text_differences(a, b)
    return steps, made


def _texts(server, db: str) -> dict:
    conn = server.connect(db)
    try:
        texts = read_texts(conn, db)
    finally:
        conn.close()
    return {k: v for k, v in texts.items() if k[1] != "SequelizeMeta"}


@pytest.mark.parametrize("with_down", [False, True], ids=["no down", "with down"])
@pytest.mark.parametrize("op", list(OPS))
def test_each_operation_is_walked_back(node_env, server, scratch_server, tmp_path, op, with_down):
    steps, made = _case(server, scratch_server, tmp_path, op, with_down)
    how = steps[0][0]
    if with_down:
        assert how == "down scripts", steps
    else:
        assert how == "inverting the SQL its up() sends" and steps[0][1] == "no down()", steps


@pytest.mark.parametrize("style", ["ts", "esm"])
@pytest.mark.parametrize("op", ["addColumn after", "renameColumn", "removeConstraint"])
def test_typescript_and_esm_umzug_migrations(node_env, server, scratch_server, tmp_path, op, style):
    steps, made = _case(server, scratch_server, tmp_path, op, False, style)
    assert steps[0][0] == "inverting the SQL its up() sends", steps


def test_a_broken_down_falls_back_to_what_the_up_sends(node_env, server, scratch_server, tmp_path):
    """A down that fails as committed (a real chain's) is not a refusal any more."""
    OPS["broken down"] = ("await qi.addColumn('users', 'nick', { type: S.STRING(40) });",
                          "await qi.addColumn('users', 'nick');")  # addColumn takes at least 3 arguments
    try:
        steps, made = _case(server, scratch_server, tmp_path, "broken down", True)
    finally:
        del OPS["broken down"]
    assert steps[0][0] == "inverting the SQL its up() sends" and steps[0][1] == "its down() cannot be used", steps
    assert any("down() of" in f.object and "not used" in f.message for f in made.prechain.findings)
