// Starts the edge (server/edge.ts) in a worker thread and reports when it listens. tsx's loader,
// which `npm start` runs the server with, does not reach a worker in Node 20, so the worker registers
// tsx's hooks itself before it loads the edge (a few milliseconds, once).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';

import { serveEdge, type EdgeOptions } from './edge';
import { SharedInstant } from './shared-instant';
import { answerMemoryProbes } from './thread-memory';

type EdgeData = Omit<EdgeOptions, 'readerDataExpiredAt'> & { expiredAt: SharedArrayBuffer };
type EdgeMessage = { listening: true } | { failed: string };

const ROOT = path.resolve(import.meta.dirname, '..');

// Run as the worker's script (CommonJS, eval).
const BOOT = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.tsxApi)
  .then((api) => { api.register(); return import(workerData.entry); })
  .then((edge) => edge.runEdgeWorker())
  .catch((error) => parentPort.postMessage({ failed: String((error && error.stack) || error) }));
`;

/** Starts the edge; resolves with its worker once it listens, rejects if it cannot. */
export function startEdgeThread(
  options: Omit<EdgeOptions, 'readerDataExpiredAt'>,
  expiredAt: SharedInstant,
): Promise<Worker> {
  const data: EdgeData & { tsxApi: string; entry: string } = {
    ...options,
    expiredAt: expiredAt.buffer,
    tsxApi: pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href,
    entry: pathToFileURL(path.join(ROOT, 'server', 'edge-thread.ts')).href,
  };
  const worker = new Worker(BOOT, { eval: true, workerData: data, execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: EdgeMessage) =>
      'listening' in message ? resolve(worker) : reject(new Error(message.failed)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`边缘线程已退出（${code}）`)));
  });
}

/** The worker's side: serves the edge with the options it was given. */
export async function runEdgeWorker(): Promise<void> {
  const { expiredAt, ...options } = workerData as EdgeData;
  const instant = new SharedInstant(expiredAt);
  answerMemoryProbes('edge');
  try {
    await serveEdge({ ...options, readerDataExpiredAt: () => instant.get() });
    parentPort!.postMessage({ listening: true } satisfies EdgeMessage);
  } catch (error) {
    parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies EdgeMessage);
  }
}
