// Empties a PostgreSQL database for a test or benchmark run (E2E_DATABASE_URL, BENCH_DATABASE_URL):
// everything in the public schema goes, so the run starts from migrations as a new newsroom would.
import { withPostgres } from '../../lib/database/postgresql/connect';

export async function emptyPostgres(url: string): Promise<void> {
  await withPostgres(url, async (client) => {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  });
}
