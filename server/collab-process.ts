// The co-editing process (server/collab.ts) as `npm start`, `start:cluster` and the end-to-end set-up
// run it: under the supervisor (server/supervise.ts), which starts it again when it exits or is
// killed, with its process id in DATA_DIR/collab.pid.
import type { ChildProcess, StdioOptions } from 'node:child_process';
import path from 'node:path';

import { collabArgs } from './serve-command';
import { supervise, type Backoff, type Supervisor } from './supervise';

const ROOT = path.resolve(import.meta.dirname, '..');

export const COLLAB_NAME = '协同编辑服务';

/** Where the running co-editing process's id is written (one line), for an operator or a test. */
export const collabPidFile = (dataDir: string) => path.join(dataDir, 'collab.pid');

export type CollabProcessOptions = {
  /** The process's whole environment: DATABASE_URL, NEXTAUTH_SECRET, COLLAB_PORT, SITE_URL … */
  env: NodeJS.ProcessEnv;
  dataDir: string;
  stdio: StdioOptions;
  backoff?: Backoff;
  log?: { info: (line: string) => void; error: (line: string) => void };
  onStart?: (child: ChildProcess) => void;
};

export function superviseCollab(options: CollabProcessOptions): Supervisor {
  return supervise({
    name: COLLAB_NAME,
    command: process.execPath,
    args: collabArgs(),
    spawnOptions: { cwd: ROOT, env: options.env, stdio: options.stdio },
    pidFile: collabPidFile(options.dataDir),
    backoff: options.backoff,
    log: options.log,
    onStart: options.onStart,
  });
}
