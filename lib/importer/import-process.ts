// Runs one import step (preview or confirm) in a child process, never on the web server's thread
// (issue 29: previewing a 9.1 MB text left every page, readers' included, unanswered for about 200 s).
// The child (server/import-worker.ts) decodes, parses, validates, sanitises and saves; the web server
// only passes the body in and the finished answer out. It runs with a memory cap and a time limit, at a
// lower CPU priority than the web server, and a child that dies or overruns has written nothing (its
// one transaction never committed).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ImportOutcomeResult } from './import-work';

export type ImportRequest =
  | { kind: 'preview'; fileName: string; bytes: Uint8Array }
  | { kind: 'confirm'; bytes: Uint8Array; actorId: string; replace: boolean };

/** What the child sends back: the answer already as JSON, so the web server does not serialise a 28 MB draft. */
export type ImportReply = { body: string };

/** A 9 MB text previews in about 10 s and an 18.7 MB draft saved in 19 s on the web thread; three minutes is ample. */
export const IMPORT_TIME_LIMIT_MS = 180_000;
/** A 28 MB draft parses to a few hundred MB of objects; past this the child stops instead of the server swapping. */
export const IMPORT_MEMORY_MB = 1536;

export const IMPORT_TIMED_OUT = '导入超时（超过 3 分钟），没有写入。请把文件分成几部分再导入';
export const IMPORT_CRASHED = '导入没有完成（文件太大或太复杂，处理时内存不足），没有写入';

const failure = (error: string): string => JSON.stringify({ ok: false, error } satisfies ImportOutcomeResult);

export type ImportProcessOptions = { root?: string; timeLimitMs?: number; memoryMb?: number };

export function runImportProcess(request: ImportRequest, options: ImportProcessOptions = {}): Promise<string> {
  // The app runs from its checkout (npm start, the tests), as next.config.js's cache handler assumes.
  const root = options.root ?? process.cwd();
  const loader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  // spawn with an IPC channel rather than fork: Turbopack's build resolves fork's path as a module and
  // fails ("Module not found"; vercel/next.js#97952), while it traces spawn's as a file.
  const child = spawn(
    process.execPath,
    [
      '--import',
      loader,
      `--max-old-space-size=${options.memoryMb ?? IMPORT_MEMORY_MB}`,
      path.join(root, 'server', 'import-worker.ts'),
    ],
    { cwd: root, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  try {
    // Readers first: the web server keeps its priority, the import takes what is left.
    if (child.pid) os.setPriority(child.pid, 10);
  } catch {
    // not permitted here: it still runs beside the web server, on its own thread
  }
  return new Promise<string>((resolve) => {
    let answered = false;
    const answer = (body: string) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(body);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      answer(failure(IMPORT_TIMED_OUT));
    }, options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS);
    child.once('message', (reply: ImportReply) => answer(reply.body));
    child.once('exit', () => answer(failure(IMPORT_CRASHED)));
    child.once('error', () => answer(failure(IMPORT_CRASHED)));
    child.send(request);
  });
}
