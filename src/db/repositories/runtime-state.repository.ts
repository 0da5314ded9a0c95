import { type Kysely, sql } from "kysely";
import type { DatabaseSchema } from "../schema.js";

export type SeedState = "none" | "started" | "completed";

/** A rate-limit window after one more hit: how many hits it holds and when it started (ms). */
export interface RateLimitHit {
  hits: number;
  windowStart: number;
}

/** State every server on one database shares: whether the first seed is whole, and rate-limit windows. */
export class RuntimeStateRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async seedState(): Promise<SeedState> {
    const row = await this.db.selectFrom("runtime_state").select("value").where("key", "=", "seed").executeTakeFirst();
    return row?.value === "started" || row?.value === "completed" ? row.value : "none";
  }

  async setSeedState(state: Exclude<SeedState, "none">): Promise<void> {
    await this.db
      .insertInto("runtime_state")
      .values({ key: "seed", value: state })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: state }))
      .execute();
  }

  /**
   * Counts one hit for (bucket, client key) in one atomic statement: the window restarts when
   * `windowMs` has passed since it began. Two servers hitting the same key at once both count.
   */
  async hitRateLimit(bucket: string, clientKey: string, windowMs: number, now: number): Promise<RateLimitHit> {
    const expired = sql<boolean>`rate_limits.window_start + cast(${windowMs} as bigint) <= cast(${now} as bigint)`;
    const row = await this.db
      .insertInto("rate_limits")
      .values({ bucket, client_key: clientKey, window_start: now, hits: 1 })
      .onConflict((oc) =>
        oc.columns(["bucket", "client_key"]).doUpdateSet({
          hits: sql<number>`case when ${expired} then 1 else rate_limits.hits + 1 end`,
          window_start: sql<number>`case when ${expired} then cast(${now} as bigint) else rate_limits.window_start end`,
        }),
      )
      .returning(["hits", "window_start"])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), windowStart: Number(row.window_start) };
  }

  /** The current window of (bucket, client key) without counting a hit; null when none is open. */
  async readRateLimit(bucket: string, clientKey: string, windowMs: number, now: number): Promise<RateLimitHit | null> {
    const row = await this.db.selectFrom("rate_limits").select(["hits", "window_start"]).where("bucket", "=", bucket).where("client_key", "=", clientKey).executeTakeFirst();
    if (!row || Number(row.window_start) + windowMs <= now) return null;
    return { hits: Number(row.hits), windowStart: Number(row.window_start) };
  }

  /** Removes windows that started before `before` (ms); returns how many. */
  async pruneRateLimits(before: number): Promise<number> {
    const r = await this.db.deleteFrom("rate_limits").where("window_start", "<", before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
