import { sql, type Kysely } from 'kysely';

/**
 * The audit log as several hash chains (decision 0011): an entry belongs to one chain and links
 * to the previous entry of that chain, so appends to different chains do not wait for each
 * other. Entries written before this migration form chain 0.
 *
 * `audit_append` appends one entry in one statement: it takes the chain's lock (held to the end
 * of the transaction), reads the chain's last hash after the lock is granted (each statement of
 * a PL/pgSQL function reads a fresh snapshot), and stores the entry with
 * hash = sha256(previous hash || canonical JSON of the entry), the same digest the verifier
 * computes from the stored row. A chain starts from its own genesis value (its number as 64 hex
 * digits; chain 0 from 64 zeros as before), so equal entries in two chains never share a hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column chain smallint not null default 0`.execute(db);
  await sql`create index audit_log_chain_idx on audit_log(chain, id)`.execute(db);
  await sql`
    create function audit_append(
      p_chain smallint,
      p_lock integer,
      p_canonical text,
      p_at timestamptz,
      p_actor_user_id bigint,
      p_actor_username text,
      p_action text,
      p_target_type text,
      p_target_id text,
      p_details jsonb,
      p_ip text
    ) returns bigint
    language plpgsql as $$
    declare
      v_prev text;
      v_id bigint;
    begin
      perform pg_advisory_xact_lock(p_lock, p_chain);
      select hash into v_prev from audit_log where chain = p_chain order by id desc limit 1;
      v_prev := coalesce(v_prev, lpad(to_hex(p_chain::integer), 64, '0'));
      insert into audit_log (chain, at, actor_user_id, actor_username, action, target_type,
                             target_id, details, ip, prev_hash, hash)
      values (p_chain, p_at, p_actor_user_id, p_actor_username, p_action, p_target_type,
              p_target_id, p_details, p_ip, v_prev,
              encode(sha256(convert_to(v_prev || p_canonical, 'UTF8')), 'hex'))
      returning id into v_id;
      return v_id;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists audit_append`.execute(db);
  await sql`drop index if exists audit_log_chain_idx`.execute(db);
  await sql`alter table audit_log drop column if exists chain`.execute(db);
}
