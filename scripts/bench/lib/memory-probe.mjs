// Loaded into each app instance by bench:soak only (NODE_OPTIONS=--import …, MEMORY_PROBE_DIR set):
// on SIGUSR2 the instance runs a full garbage collection and writes process.memoryUsage() to
// MEMORY_PROBE_DIR/<pid>.json. RSS alone keeps pages V8 has not handed back to the system and rises
// and falls with when the last collection happened; the heap after a full collection is what the
// process still holds, which is what "memory flat over 10 minutes" is about.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

const dir = process.env.MEMORY_PROBE_DIR;
if (dir) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  process.on('SIGUSR2', () => {
    gc();
    const file = path.join(dir, `${process.pid}.json`);
    fs.writeFileSync(`${file}.partial`, JSON.stringify(process.memoryUsage()));
    fs.renameSync(`${file}.partial`, file);
  });
}
