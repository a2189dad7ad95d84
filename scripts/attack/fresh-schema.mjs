import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away schema on the PostgreSQL server of `databaseUrl`: returns the URL that puts the
 * server in it (search_path) and a function that drops it. The attack scripts run in one each.
 */
export async function freshSchema(databaseUrl, prefix) {
  const schema = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  const drop = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  };
  return { url: url.toString(), drop };
}
