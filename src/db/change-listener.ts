import { DeleteQueryNode, InsertQueryNode, TableNode, UpdateQueryNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";
import pg from "pg";
import { EXCLUDED as UNNOTIFIED_TABLES } from "./migrations/0012-change-notify.js";

/** The channel migration 0012's statement triggers notify on every committed change of the data tables. */
export const CHANGE_CHANNEL = "citybridge_changes";

/**
 * A change token for PostgreSQL, where other servers write: a generation number bumped by
 * - every NOTIFY on `citybridge_changes` — sent by statement triggers on the data tables and
 *   delivered only when the writing transaction commits, by whichever server or process wrote;
 * - every insert, update or delete this process runs (at once, before its own commit: an answer
 *   cached in between is dropped again when the notification of the commit arrives);
 * - every loss of the listening connection (and while it is down the token is null: no caching).
 * The listening connection is opened on the first call, so short-lived commands never open it.
 */
export class PgChangeListener {
  private generation = 0;
  private listening = false;
  private client: pg.Client | null = null;
  private started = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly connectionString: string) {}

  token(): string | null {
    if (!this.started) {
      this.started = true;
      this.connect();
    }
    return this.listening ? String(this.generation) : null;
  }

  bump(): void {
    this.generation++;
  }

  /**
   * A Kysely plugin that bumps the generation after each statement that changed rows — except
   * the writes to the tables that send no notification either (migration 0012: sessions, API token
   * use, rate limits, runtime state, audit), which no cached answer shows: a sign-in or an API
   * token's use does not empty this server's read cache.
   */
  plugin(): KyselyPlugin {
    const unnotified = new WeakSet<object>();
    return {
      transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => {
        const table = writtenTable(args.node);
        if (table !== null && UNNOTIFIED_TABLES.includes(table)) unnotified.add(args.queryId);
        return args.node;
      },
      transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
        const n = args.result.numAffectedRows;
        if (n !== undefined && n > 0n && !unnotified.has(args.queryId)) this.bump();
        return args.result;
      },
    };
  }

  private connect(): void {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      this.generation++;
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => this.connect(), 1000).unref();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", () => this.generation++);
    client
      .connect()
      .then(() => client.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        // Anything written before we listened is older than the answers cached from now on.
        this.generation++;
        this.listening = true;
      })
      .catch(lost);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }
}

/** The one table an insert, update or delete built with Kysely writes; null for anything else (raw SQL counts as a data write). */
function writtenTable(node: RootOperationNode): string | null {
  const target = InsertQueryNode.is(node) ? node.into : UpdateQueryNode.is(node) ? node.table : DeleteQueryNode.is(node) ? (node.from.froms.length === 1 ? node.from.froms[0] : undefined) : undefined;
  if (target === undefined || !TableNode.is(target)) return null;
  return target.table.identifier.name;
}
