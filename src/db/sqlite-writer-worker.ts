/** The SQLite writer's worker thread (see sqlite-writer.ts). */

// The worker, as CommonJS source: { id, sql, parameters } runs one statement and answers
// { id, rows } or { id, changes, lastInsertRowid }; { id, sql, columns } runs the statement for
// each row of a ColumnBatch and answers { id }; a failure answers { id, error }; { end }
// checkpoints, closes and ends the worker.
export const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("journal_mode = WAL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = NORMAL");
// Its commits do not checkpoint: the checkpoint of a bulk transaction runs after it, on close.
db.pragma("wal_autocheckpoint = 0");
const statements = new Map();
const prepared = (sql) => {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (statements.size > 200) statements.clear();
    statements.set(sql, stmt);
  }
  return stmt;
};
const runColumns = (stmt, { rows, layout, numbers, codes, strings }) => {
  const args = new Array(layout.length);
  let ni = 0;
  let ti = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < layout.length; c++) {
      if (layout.charCodeAt(c) === 110) {
        const v = numbers[ni++];
        args[c] = v !== v ? null : v;
      } else args[c] = strings[codes[ti++]];
    }
    stmt.run(args);
  }
};
parentPort.on("message", ({ id, sql, parameters, columns, end }) => {
  if (end) {
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } finally {
      db.close();
      parentPort.close();
    }
    return;
  }
  try {
    const stmt = prepared(sql);
    if (columns) {
      runColumns(stmt, columns);
      parentPort.postMessage({ id });
    } else if (stmt.reader) {
      parentPort.postMessage({ id, rows: stmt.all(parameters) });
    } else {
      const { changes, lastInsertRowid } = stmt.run(parameters);
      parentPort.postMessage({ id, changes, lastInsertRowid });
    }
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
`;
