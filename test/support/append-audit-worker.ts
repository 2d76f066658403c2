// A separate process appending audit events, as a second app instance or a script beside the server
// would (lib/audit/append.test.ts): `tsx test/support/append-audit-worker.ts <count> <label>` on the
// database DATABASE_URL names; prints the seqs it got.
import { recordAudit } from '../../lib/audit/record';
import { createPrismaClient } from '../../lib/db-client';

const count = Number(process.argv[2]);
const label = process.argv[3] ?? 'worker';
const db = createPrismaClient(process.env);
try {
  const seqs = await Promise.all(
    Array.from({ length: count }, (_, n) =>
      recordAudit(db, { actorId: null, action: 'test.process', details: { label, n } }),
    ),
  );
  console.log(JSON.stringify(seqs.map((event) => event.seq)));
} finally {
  await db.$disconnect();
}
