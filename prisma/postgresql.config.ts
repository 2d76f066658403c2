// Prisma CLI configuration for PostgreSQL, used only by `npm run db:migration` to diff the
// PostgreSQL view of the schema (server/postgresql-schema.ts). The diff is computed offline
// from two schema files, but the CLI still wants a server to connect to: a scratch cluster's URL
// comes in PRISMA_POSTGRES_URL. Migrations are applied by lib/database/postgresql/migrate.ts.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: '../lib/generated/schema.postgresql.prisma',
  async adapter() {
    return new PrismaPg({ connectionString: process.env.PRISMA_POSTGRES_URL ?? 'postgresql://localhost/newsroom' });
  },
});
