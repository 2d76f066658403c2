// Next keeps cached reader data (unstable_cache) on disk under .next/cache. It belongs to the
// database it was read from, so every server start drops it: after a reset, a restore or a switch of
// DATA_DIR, readers must never see data of another database.
import fs from 'node:fs';
import path from 'node:path';

export function clearDataCache(root: string): void {
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
}
