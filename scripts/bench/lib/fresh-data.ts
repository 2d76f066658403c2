// A benchmark's own data directory, emptied and prepared as a first `npm start` would (SQLite, the
// sample issue, a known admin password), whatever DATABASE_URL the shell has.
import fs from 'node:fs';

import { prepare } from '../../../server/prepare';

export async function freshBenchData(dataDir: string) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  return prepare({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    ADMIN_PASSWORD: 'Bench-root-pass-2026',
  });
}
