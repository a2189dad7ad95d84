import pg from 'pg';

/**
 * Statements run one by one on a connection of their own to the server of `url` (database DDL
 * cannot run inside a transaction, nor several of them in one query string).
 */
export async function adminQuery(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const text of statements) await client.query(text);
  } finally {
    await client.end();
  }
}

/** `url` with its database replaced by `name` (user, password, host and options kept). */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Test databases are thrown away after the run: a commit need not wait for its WAL flush
 * (visibility and locking are unchanged; only durability after a server crash is given up).
 */
export const throwAwaySettings = (name: string) => `alter database ${name} set synchronous_commit = off`;
