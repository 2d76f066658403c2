// `npm run prisma -- <args>`: the Prisma CLI with the offline environment set (see server/prisma-cli.ts).
// `generate` writes both clients from the one schema: SQLite's (lib/generated/prisma) and
// PostgreSQL's (lib/generated/prisma-postgresql, server/postgresql-schema.ts).
import { writePostgresqlSchema } from '../server/postgresql-schema';
import { runPrisma } from '../server/prisma-cli';

const args = process.argv.slice(2);
let result = runPrisma(args);
if (result.status === 0 && args[0] === 'generate' && !args.includes('--schema')) {
  result = runPrisma([...args, '--schema', writePostgresqlSchema()]);
}
process.exit(result.status ?? 1);
