import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * The audit trail is append-only in the database itself, not only in the code: triggers refuse
 * every UPDATE and DELETE of `audit_log` rows (and TRUNCATE on PostgreSQL), whoever connects.
 * Removing the trail takes a migration down (or dropping the table), which the database logs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit trail is append-only: % on audit_log refused', tg_op using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create trigger audit_log_no_update_delete before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(db);
    return;
  }
  await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'the audit trail is append-only: UPDATE on audit_log refused'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit trail is append-only: DELETE on audit_log refused'); end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
    await sql`drop trigger if exists audit_log_no_update_delete on audit_log`.execute(db);
    await sql`drop function if exists audit_log_append_only()`.execute(db);
    return;
  }
  await sql`drop trigger if exists audit_log_no_delete`.execute(db);
  await sql`drop trigger if exists audit_log_no_update`.execute(db);
}
