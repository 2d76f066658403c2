// Loaded into each app instance by bench:soak only (NODE_OPTIONS=--import …, MEMORY_PROBE_DIR set):
// on SIGUSR2 the instance runs a full garbage collection and writes process.memoryUsage() to
// MEMORY_PROBE_DIR/<pid>.json, with the heap of each of its worker threads (the edge answers on a
// BroadcastChannel: server/thread-memory.ts). RSS alone keeps pages V8 has not handed back to the
// system and rises and falls with when the last collection happened; the heap after a full collection
// is what the process still holds, which is what "memory flat over 10 minutes" is about.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { BroadcastChannel } from 'node:worker_threads';

const dir = process.env.MEMORY_PROBE_DIR;
if (dir) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  // server/thread-memory.ts's channel name.
  const channel = new BroadcastChannel('kecheng-memory-probe');
  channel.unref();
  let threads = {};
  channel.onmessage = (event) => {
    if (event.data && event.data.thread) threads[event.data.thread] = event.data.heapUsed;
  };
  process.on('SIGUSR2', () => {
    gc();
    threads = {};
    channel.postMessage('ask');
    // The threads answer within milliseconds; a second is ample.
    setTimeout(() => {
      const file = path.join(dir, `${process.pid}.json`);
      fs.writeFileSync(`${file}.partial`, JSON.stringify({ ...process.memoryUsage(), threads }));
      fs.renameSync(`${file}.partial`, file);
    }, 1_000);
  });
}
