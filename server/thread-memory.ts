// bench:soak asks each app instance for its heap after a full garbage collection
// (scripts/bench/lib/memory-probe.mjs, loaded into the main thread only). A worker thread such as the
// edge has a heap of its own, which that probe cannot see: with MEMORY_PROBE_DIR set (the soak's
// instances only), the thread answers the probe's question on a BroadcastChannel with its own heap
// after a full collection.
import v8 from 'node:v8';
import vm from 'node:vm';
import { BroadcastChannel } from 'node:worker_threads';

export const MEMORY_PROBE_CHANNEL = 'kecheng-memory-probe';

export function answerMemoryProbes(thread: string): void {
  if (!process.env.MEMORY_PROBE_DIR) return;
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const channel = new BroadcastChannel(MEMORY_PROBE_CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    if ((event as { data: unknown }).data !== 'ask') return;
    gc();
    channel.postMessage({ thread, heapUsed: process.memoryUsage().heapUsed });
  };
}
