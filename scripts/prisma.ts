// `npm run prisma -- <args>`: the Prisma CLI with the offline environment set (see lib/prisma-cli.ts).
import { runPrisma } from './lib/prisma-cli';

const result = runPrisma(process.argv.slice(2));
process.exit(result.status ?? 1);
