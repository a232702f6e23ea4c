'use strict';
// baseline's loader for an app's Sequelize models (SOURCE `sequelize:PATH`).
//
// It reads one job as JSON on stdin (the password travels there, never in argv
// or the environment):
//
//   {"path": file or folder, "connection": {host, port, user, password, database, socketPath}}
//
// loads the models with the app's own `sequelize` package when the path
// resolves one (else the one beside this runner), TypeScript through tsx, sets
// up their associations, and runs real `sequelize.sync()` against the given
// (throwaway, empty) database. Every Sequelize instance the app constructs is
// pointed at that database, whatever connection settings the app gives it;
// the app's other options (`define: {underscored, timestamps, ...}`) are kept.
//
// It writes one JSON line on stdout:
//
//   {"tables": {table: {"model", "file", "line", "timestamps": [column, ...]}},
//    "statements": [sql, ...], "files": [file, ...]}
//   or {"error": {"message", "file", "line"}}  (exit 1)
//
// A module may export a Sequelize instance with its models, model classes
// (`Model.init`), or definer functions `(sequelize, DataTypes) => Model` (the
// seeds' `createAccount(sequelize)`, sequelize-cli's model files). A folder is
// read as sequelize-cli lays `models/` out: every model file in it except
// `index.*`, whose own job (reading config, calling `associate`) is done here.

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const CODE = /\.(?:[cm]?js|[cm]?ts)$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
const TEST = /\.(?:test|spec)\.[cm]?[jt]s$/i;
const CONNECTION_OPTIONS = ['host', 'port', 'username', 'password', 'database', 'dialect', 'dialectModule',
  'dialectModulePath', 'dialectOptions', 'pool', 'replication', 'ssl', 'logging', 'benchmark', 'storage',
  'protocol', 'native', 'uri', 'url', 'use_env_variable'];

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

class LoadError extends Error {
  constructor(message, file, line) {
    super(message);
    this.file = file;
    this.line = line;
  }
}

function resolveFrom(dir, name) {
  try {
    return require.resolve(name, { paths: [dir] });
  } catch (e) {
    return require.resolve(name);
  }
}

// The first stack frame in the app's own files: where a model was defined.
function appFrame(stack, appFiles) {
  for (const l of String(stack || '').split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?\s*$/.exec(l);
    if (!m) continue;
    let file = m[1].startsWith('file://') ? new URL(m[1]).pathname : m[1];
    if (file.includes(`${path.sep}node_modules${path.sep}`) || file === __filename) continue;
    if (appFiles.size && !appFiles.has(file)) continue;
    return { file, line: Number(m[2]) };
  }
  return { file: null, line: null };
}

function modelFiles(dir) {
  return fs.readdirSync(dir).sort()
    .filter((n) => CODE.test(n) && !DECLARATION.test(n) && !TEST.test(n) && !/^index\./i.test(n))
    .map((n) => path.join(dir, n));
}

function isClass(fn) {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

async function main() {
  const job = JSON.parse(fs.readFileSync(0, 'utf8'));
  const target = path.resolve(job.path);
  const isDir = fs.statSync(target).isDirectory();
  const appDir = isDir ? target : path.dirname(target);
  const files = isDir ? modelFiles(target) : [target];
  if (!files.length) throw new LoadError('no model files in this folder (.js, .cjs, .mjs, .ts)', target, null);
  const appFiles = new Set(files);

  // the app's Sequelize (its query generator is what sync() ran in production)
  const seqPath = resolveFrom(appDir, 'sequelize');
  const real = require(seqPath);
  const RealSequelize = real.Sequelize || real;
  const Model = real.Model;
  const mysql2 = require(resolveFrom(appDir, 'mysql2'));
  const conn = job.connection;
  const statements = [];
  const instances = [];
  const origins = new Map(); // model -> {file, line}

  function ours(options) {
    const keep = Object.assign({}, options || {});
    for (const k of CONNECTION_OPTIONS) delete keep[k];
    return Object.assign(keep, {
      dialect: 'mysql',
      dialectModule: mysql2,
      host: conn.host || '127.0.0.1',
      port: conn.port || 3306,
      dialectOptions: conn.socketPath ? { socketPath: conn.socketPath } : {},
      logging: (sql) => statements.push(String(sql).replace(/^Executing \([^)]*\):\s*/, '')),
    });
  }

  class Sequelize extends RealSequelize {
    constructor(...args) {
      const options = args.find((a) => a && typeof a === 'object' && !Array.isArray(a)) || {};
      super(conn.database, conn.user, conn.password, ours(options));
      instances.push(this);
    }
  }
  Sequelize.Sequelize = Sequelize;
  Sequelize.default = Sequelize;
  require.cache[seqPath].exports = Sequelize;

  // where each model is defined (define() and Model.init())
  const define = RealSequelize.prototype.define;
  RealSequelize.prototype.define = function (...args) {
    const model = define.apply(this, args);
    if (!origins.has(model)) origins.set(model, appFrame(new Error().stack, appFiles));
    return model;
  };
  const init = Model.init;
  Model.init = function (...args) {
    const model = init.apply(this, args);
    if (!origins.has(this)) origins.set(this, appFrame(new Error().stack, appFiles));
    return model;
  };

  let own = null;
  const instance = () => own || (own = new Sequelize({}));
  // egg-sequelize's definers take the app: `app => app.model.define(...)`, with
  // app.Sequelize (the class, its types) and app.model (the instance; models are
  // also hung on it: app.model.users = model). One view serves both shapes: the
  // instance itself, whose `model` is also callable as sequelize.model(name).
  let app = null;
  const appView = () => {
    if (app) return app;
    const seq = instance();
    const model = new Proxy(function (...a) { return seq.model(...a); }, {
      get: (t, p) => {
        const v = Reflect.get(seq, p);
        // methods of the instance bound to it; what the app hung on it (models) as it is
        return typeof v === 'function' && !Object.prototype.hasOwnProperty.call(seq, p) ? v.bind(seq) : v;
      },
      set: (t, p, v) => Reflect.set(seq, p, v),
      has: (t, p) => p in seq,
    });
    app = new Proxy(seq, {
      get: (t, p) => (p === 'model' ? model : p === 'Sequelize' ? Sequelize : Reflect.get(t, p, t)),
    });
    return app;
  };

  async function load(file) {
    const ext = path.extname(file).toLowerCase();
    try {
      if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
        return require('tsx/cjs/api').require(file, __filename);
      }
      if (ext === '.mjs') return await import(pathToFileURL(file).href);
      return require(file);
    } catch (e) {
      const at = appFrame(e && e.stack, new Set([file]));
      throw new LoadError(`cannot load it: ${e && e.message ? e.message : e}`, file, at.line);
    }
  }

  for (const file of files) {
    const mod = await load(file);
    const exported = [];
    if (typeof mod === 'function') exported.push(['module.exports', mod]);
    if (mod && typeof mod === 'object') {
      for (const [k, v] of Object.entries(mod)) exported.push([k, v]);
      if (mod.default && typeof mod.default === 'object') {
        for (const [k, v] of Object.entries(mod.default)) exported.push([`default.${k}`, v]);
      }
    }
    const seen = new Set();
    for (const [name, value] of exported) {
      if (typeof value !== 'function' || seen.has(value)) continue;
      seen.add(value);
      if (value === Sequelize || value.prototype instanceof Model || value === Model || isClass(value)) continue;
      if (value.length < 1 || value.length > 2) continue;
      // a definer: (sequelize) => Model, or sequelize-cli's (sequelize, DataTypes) => Model
      let made;
      try {
        made = value(appView(), real.DataTypes);
        if (made && typeof made.then === 'function') made = await made;
      } catch (e) {
        const at = appFrame(e && e.stack, new Set([file]));
        throw new LoadError(`${name}(sequelize) failed: ${e && e.message ? e.message : e}`, file, at.line);
      }
      if (!(made && made.prototype instanceof Model)) {
        // not a model definer after all; nothing it did reached a model
      }
    }
  }

  // associations, as sequelize-cli's models/index.js sets them up (once)
  for (const inst of instances) {
    for (const model of Object.values(inst.models)) {
      if (typeof model.associate === 'function' && !Object.keys(model.associations || {}).length) {
        const origin = origins.get(model) || {};
        try {
          model.associate(inst.models);  // egg's associate() takes none and reads app.model
        } catch (e) {
          throw new LoadError(`${model.name}.associate(models) failed: ${e && e.message ? e.message : e}`,
            origin.file, origin.line);
        }
      }
    }
  }

  const withModels = instances.filter((inst) => Object.keys(inst.models).length);
  if (!withModels.length) {
    throw new LoadError('no Sequelize model is defined by it (an exported Sequelize instance with models, ' +
      'model classes, or functions (sequelize) => Model)', isDir ? target : files[0], null);
  }
  const tables = {};
  for (const inst of withModels) {
    for (const model of Object.values(inst.models)) {
      let name = model.getTableName();
      if (name && typeof name === 'object') name = name.tableName;
      const origin = origins.get(model) || { file: null, line: null };
      const timestamps = [];
      if (model.options.timestamps !== false) {
        for (const key of ['createdAt', 'updatedAt', 'deletedAt']) {
          const attr = model._timestampAttributes && model._timestampAttributes[key];
          if (attr && model.rawAttributes[attr]) timestamps.push(model.rawAttributes[attr].field || attr);
        }
      }
      tables[name] = { model: model.name, file: origin.file, line: origin.line, timestamps };
    }
  }
  for (const inst of withModels) {
    try {
      await inst.sync();
    } catch (e) {
      throw new LoadError(`sequelize.sync() failed: ${e && e.message ? e.message : e}`,
        isDir ? target : files[0], null);
    }
  }
  for (const inst of instances) await inst.close().catch(() => {});
  emit({ tables, statements, files });
}

main().then(() => process.exit(0), (e) => {
  if (e instanceof LoadError) {
    emit({ error: { message: e.message, file: e.file, line: e.line } });
    process.exit(1);
  }
  emit({ fatal: String(e && e.stack ? e.stack : e) });
  process.exit(2);
});
