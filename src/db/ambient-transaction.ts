import { AsyncLocalStorage } from "node:async_hooks";
import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryCompiler, type QueryResult, type TransactionSettings } from "kysely";

interface Ambient {
  connection: DatabaseConnection;
  depth: number;
  /** Nested transactions of one request run one after the other on its connection. */
  queue: Promise<void>;
  releases: (() => void)[];
}

/**
 * Lets a unit of work — one write request — run every query it makes, through any repository, in
 * one transaction: `run(fn)` takes a connection, begins, and gives it to every query made in
 * fn's async context; a `db.transaction()` inside becomes a savepoint of it. Commits when fn
 * resolves, rolls back when it throws. Outside `run`, nothing changes.
 */
export class AmbientTransactions {
  private readonly store = new AsyncLocalStorage<Ambient>();
  private driver: Driver | null = null;

  constructor(private readonly beginSql: string) {}

  /** Wraps a dialect so that its driver honours `run`. */
  wrap(dialect: Dialect): Dialect {
    return {
      createAdapter: () => dialect.createAdapter(),
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
      createDriver: () => (this.driver = new AmbientDriver(dialect.createDriver(), this.store)),
    };
  }

  /** Whether the caller runs inside `run`. */
  get active(): boolean {
    return this.store.getStore() !== undefined;
  }

  async run<T>(fn: () => Promise<T>, shouldCommit: (value: T) => boolean = () => true): Promise<T> {
    if (!this.driver) throw new Error("the database is not open");
    if (this.store.getStore()) return fn();
    const driver = this.driver as AmbientDriver;
    await driver.init();
    const inner = driver.inner;
    const connection = await inner.acquireConnection();
    try {
      await connection.executeQuery(CompiledQuery.raw(this.beginSql));
      let value: T;
      try {
        value = await this.store.run({ connection: new SerialConnection(connection), depth: 0, queue: Promise.resolve(), releases: [] }, fn);
      } catch (err) {
        await connection.executeQuery(CompiledQuery.raw("rollback"));
        throw err;
      }
      await connection.executeQuery(CompiledQuery.raw(shouldCommit(value) ? "commit" : "rollback"));
      return value;
    } finally {
      await inner.releaseConnection(connection);
    }
  }
}

/**
 * The one connection of a unit of work, taking its queries one at a time. Code inside `run` may
 * start queries concurrently (`Promise.all` over repositories); pooled, they would go to separate
 * connections, but here they share one, and a driver must not be sent a query while another is
 * running on that connection (pg queues it for now, with a deprecation warning; pg 9 refuses it).
 * Streams pass through: a stream's reader may query between its rows.
 */
class SerialConnection implements DatabaseConnection {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = this.tail.then(() => this.inner.executeQuery<R>(query));
    this.tail = result.catch(() => {});
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class AmbientDriver implements Driver {
  private initialised: Promise<void> | null = null;

  constructor(
    readonly inner: Driver,
    private readonly store: AsyncLocalStorage<Ambient>,
  ) {}

  private ambient(connection?: DatabaseConnection): Ambient | undefined {
    const a = this.store.getStore();
    return a && (connection === undefined || a.connection === connection) ? a : undefined;
  }

  init(): Promise<void> {
    this.initialised ??= this.inner.init();
    return this.initialised;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.ambient()?.connection ?? this.inner.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const a = this.ambient(connection);
    if (!a) return this.inner.beginTransaction(connection, settings);
    const previous = a.queue;
    let release = () => {};
    a.queue = new Promise<void>((r) => (release = r));
    await previous;
    a.releases.push(release);
    await connection.executeQuery(CompiledQuery.raw(`savepoint cb_ambient_${++a.depth}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const a = this.ambient(connection);
    if (!a) return this.inner.commitTransaction(connection);
    await connection.executeQuery(CompiledQuery.raw(`release savepoint cb_ambient_${a.depth--}`));
    a.releases.pop()?.();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const a = this.ambient(connection);
    if (!a) return this.inner.rollbackTransaction(connection);
    const name = `cb_ambient_${a.depth--}`;
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
    a.releases.pop()?.();
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (this.ambient(connection)) return;
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
