'use strict';
// baseline's own runner for sequelize-cli and umzug migrations (CommonJS, ESM,
// TypeScript), against a real MySQL/MariaDB database.
//
// It reads one job as JSON on stdin (the password travels there, never in argv
// or the environment) and writes JSON lines on stdout, one per migration:
//
//   {"migration": id, "statements": [{"sql", "line", "group"}], "reads": [...],
//    "concurrent": [[table, ...], ...], "error": null | {"message", "line"}}
//
// mode "capture": statements that read (SELECT, SHOW, DESCRIBE) and transaction
//   control run on the database, which holds the schema *after* the migration;
//   every other statement is recorded and not run: what the migration sends.
// mode "run": every statement runs; each is recorded as it is sent.
//
// "line" is the line of the migration file the statement came from (from the
// call stack); "group" numbers statements sent while another was still in
// flight (Promise.all): such statements race.

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const PASS_THROUGH = /^\s*(?:\(\s*)*(?:SELECT|SHOW|DESCRIBE|DESC|EXPLAIN|WITH|START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT|SET\s+(?:SESSION\s+)?TRANSACTION|SET\s+autocommit)\b/i;

function readStdin() {
  return fs.readFileSync(0, 'utf8');
}

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function sequelizeFor(dir) {
  // the app's own Sequelize when the migrations folder resolves one (its query
  // generator is what production ran), else the one installed beside this runner
  try {
    return require(require.resolve('sequelize', { paths: [dir] }));
  } catch (e) {
    return require('sequelize');
  }
}

function callerLine(file, stack) {
  const lines = String(stack || '').split('\n');
  const plain = file;
  const url = pathToFileURL(file).href;
  for (const l of lines) {
    let i = l.indexOf(url + ':');
    let prefix = url;
    if (i < 0) { i = l.indexOf(plain + ':'); prefix = plain; }
    if (i >= 0) {
      const m = /^:(\d+)/.exec(l.slice(i + prefix.length));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

async function load(file) {
  const ext = path.extname(file).toLowerCase();
  let mod;
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
    // tsx compiles it (ESM syntax included) to CommonJS
    mod = require('tsx/cjs/api').require(file, __filename);
  } else {
    mod = await import(pathToFileURL(file).href);
  }
  // CommonJS through import(): module.exports is the default export
  const cands = [mod, mod && mod.default, mod && mod.default && mod.default.default];
  for (const c of cands) {
    if (c && (typeof c.up === 'function' || typeof c.down === 'function')) return c;
  }
  return mod || {};
}

function tablesOf(sql) {
  const out = [];
  const re = /\b(?:ALTER\s+TABLE|CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?|DROP\s+TABLE(?:\s+IF\s+EXISTS)?|RENAME\s+TABLE|INSERT\s+INTO|UPDATE|(?:CREATE|DROP)\s+(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+\S+\s+ON)\s+(`(?:[^`]|``)+`|[\w$.]+)/gi;
  let m;
  while ((m = re.exec(sql)) !== null) {
    out.push(m[1].replace(/^`|`$/g, '').replace(/``/g, '`').split('.').pop().replace(/^`|`$/g, ''));
  }
  return out;
}

function tableName(t) {
  return typeof t === 'string' ? t : (t && (t.tableName || t.name)) || String(t);
}

// The database holds the schema after the migration; a few queryInterface
// methods read what was there before. renameColumn describes the column under
// its old name to copy its type, null-ability and default: the column it
// became has those (they are what the rename copied).
function answerForTheStateBefore(qi) {
  const describe = qi.describeTable.bind(qi);
  const rename = qi.renameColumn;
  const renaming = [];
  qi.renameColumn = async function (table, before, after, options) {
    const r = { table: tableName(table), before, after };
    renaming.push(r);
    try {
      return await rename.call(this, table, before, after, options);
    } finally {
      renaming.splice(renaming.indexOf(r), 1);
    }
  };
  // removeConstraint asks the database what kind the constraint is; after the
  // migration it is gone. A foreign key is the kind a migration drops by name
  // (indexes go by removeIndex): the walk back puts one there, and the check
  // (the up run for real on the result) confirms the guess or refuses it.
  const removeConstraint = qi.removeConstraint;
  qi.removeConstraint = async function (table, name, options) {
    try {
      return await removeConstraint.call(this, table, name, options);
    } catch (e) {
      if (!e || e.name !== 'SequelizeUnknownConstraintError') throw e;
      const sql = this.queryGenerator.dropForeignKeyQuery(table, name);
      return await this.sequelize.query(sql, { ...(options || {}), raw: true });
    }
  };
  qi.describeTable = async function (table, options) {
    const result = await describe(table, options);
    for (const r of renaming) {
      if (r.table === tableName(table) && !(r.before in result) && (r.after in result)) {
        result[r.before] = result[r.after];
      }
    }
    return result;
  };
}

// ESM ignores NODE_PATH: a bare import ('sequelize') that the migration's own
// folders cannot resolve is resolved from the packages beside this runner.
function resolveBareImportsFromHere() {
  const mod = require('module');
  if (typeof mod.register !== 'function') return;
  const base = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean)[0];
  if (!base) return;
  const fallback = pathToFileURL(path.join(base, 'baseline-runner.js')).href;
  const hooks = `
    const FALLBACK = ${JSON.stringify(fallback)};
    export async function resolve(specifier, context, next) {
      try {
        return await next(specifier, context);
      } catch (e) {
        const bare = !/^(?:[./]|file:|node:|data:)/.test(specifier);
        if (e && e.code === 'ERR_MODULE_NOT_FOUND' && bare) return next(specifier, { ...context, parentURL: FALLBACK });
        throw e;
      }
    }`;
  mod.register('data:text/javascript,' + encodeURIComponent(hooks), pathToFileURL(__filename));
}

async function main() {
  resolveBareImportsFromHere();
  const job = JSON.parse(readStdin());
  const first = job.migrations.length ? path.dirname(job.migrations[0].path) : process.cwd();
  const lib = sequelizeFor(first);
  const Sequelize = lib.Sequelize || lib;
  const c = job.connection;
  const options = { dialect: 'mysql', host: c.host, port: c.port, logging: false };
  if (c.socketPath) options.dialectOptions = { socketPath: c.socketPath };
  const sequelize = new Sequelize(c.database, c.user, c.password, options);
  const original = sequelize.query.bind(sequelize);
  let current = null;
  let inFlight = 0;
  let group = 0;

  sequelize.query = async function (sql, opts) {
    const text = typeof sql === 'string' ? sql : (sql && sql.query) || String(sql);
    const stack = new Error().stack;
    const rec = current;
    const line = rec ? callerLine(rec.file, stack) : null;
    if (inFlight === 0) group += 1;  // else it joins the statements still in flight
    const g = group;
    inFlight += 1;
    try {
      if (job.mode === 'capture' && !PASS_THROUGH.test(text)) {
        if (rec) rec.statements.push({ sql: text, line, group: g });
        // answer on a later turn, as a server would: calls made meanwhile (Promise.all) are in flight together
        await new Promise((resolve) => setImmediate(resolve));
        const type = opts && opts.type;
        if (type === 'BULKUPDATE' || type === 'BULKDELETE') return 0;
        if (type === 'INSERT') return [undefined, 0];
        return [[], { affectedRows: 0 }];
      }
      if (rec && job.mode === 'capture') rec.reads.push({ sql: text, line });
      const result = await original(sql, opts);
      if (rec && job.mode === 'run' && !/^\s*(?:SELECT|SHOW|DESCRIBE|DESC|EXPLAIN)\b/i.test(text)) {
        rec.statements.push({ sql: text, line, group: g });
      }
      return result;
    } finally {
      inFlight -= 1;
    }
  };

  const qi = sequelize.getQueryInterface();
  if (job.mode === 'capture') answerForTheStateBefore(qi);
  let failed = false;
  try {
    for (const m of job.migrations) {
      const file = fs.realpathSync(m.path);
      current = { file, statements: [], reads: [] };
      const out = { migration: m.id, statements: current.statements, reads: current.reads, concurrent: [],
                    error: null };
      try {
        const mod = await load(file);
        const fn = mod[job.direction];
        if (typeof fn !== 'function') {
          out.error = { message: `the migration exports no ${job.direction}() function`, line: null };
        } else {
          // sequelize-cli calls up(queryInterface, Sequelize); umzug calls up({ name, path, context })
          const params = Object.create(qi);
          params.context = qi;
          params.name = path.basename(file);
          params.path = file;
          await fn.call(mod, params, Sequelize);
        }
      } catch (e) {
        out.error = { message: String((e && (e.parent && e.parent.sqlMessage ? e.parent.sqlMessage : e.message)) || e),
                      line: callerLine(file, e && e.stack), code: e && e.parent ? e.parent.errno || null : null,
                      sql: e && e.sql ? String(e.sql) : null };
      }
      // statements sharing a group raced: name the tables two of them touched
      const groups = new Map();
      for (const s of out.statements) {
        if (!groups.has(s.group)) groups.set(s.group, []);
        groups.get(s.group).push(s);
      }
      for (const members of groups.values()) {
        if (members.length > 1) {
          // a table two of them touch: their order decides (column order, which ALTER fails)
          const counts = new Map();
          for (const s of members) for (const t of new Set(tablesOf(s.sql))) counts.set(t, (counts.get(t) || 0) + 1);
          const tables = [...counts].filter(([, n]) => n > 1).map(([t]) => t);
          if (tables.length) out.concurrent.push(tables);
        }
      }
      emit(out);
      if (out.error) { failed = true; break; }
    }
  } finally {
    current = null;
    await sequelize.close().catch(() => {});
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  emit({ fatal: String((e && e.message) || e) });
  process.exitCode = 2;
});
