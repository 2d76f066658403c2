// `npm run prisma -- <args>`: the Prisma CLI with the offline environment set (see lib/prisma-cli.ts).
// `generate` writes both clients from the one schema: SQLite's (lib/generated/prisma) and
// PostgreSQL's (lib/generated/prisma-postgresql, scripts/lib/postgresql-schema.ts).
import { runPrisma } from './lib/prisma-cli';
import { writePostgresqlSchema } from './lib/postgresql-schema';

const args = process.argv.slice(2);
let result = runPrisma(args);
if (result.status === 0 && args[0] === 'generate' && !args.includes('--schema')) {
  result = runPrisma([...args, '--schema', writePostgresqlSchema()]);
}
process.exit(result.status ?? 1);
