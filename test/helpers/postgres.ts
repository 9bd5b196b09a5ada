import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the tests use: `.ci/run` starts one and exports FACEGATE_TEST_POSTGRES_URL (a
 * database the tests may create schemas in). Without it the PostgreSQL tests are skipped, saying how to get one.
 */
export const postgresMissing =
  'PostgreSQL tests skipped: FACEGATE_TEST_POSTGRES_URL is not set (.ci/run starts a server and sets it; or point it at a database you may create schemas in)';

export function testPostgresUrl(): string | undefined {
  return process.env.FACEGATE_TEST_POSTGRES_URL || undefined;
}

const schemas: string[] = [];

/** A schema of its own for each store a test opens (the store creates it), dropped when the run ends. */
export function uniqueSchema(): string {
  const schema = `facegate_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  schemas.push(schema);
  return schema;
}

after(async () => {
  const url = testPostgresUrl();
  if (!url || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } catch {
    /* the server is gone: its folder goes with it */
  } finally {
    await client.end().catch(() => {});
  }
});
