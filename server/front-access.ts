// Can nginx's workers reach the directories the front uses? Started as root (a server's usual case),
// nginx runs its workers as an unprivileged user (`nobody` unless told otherwise). A cache or temp
// directory under a directory that user cannot enter (a `mktemp -d` directory is 0700, so is /root)
// made every proxied page an HTTP 500 with "open() … failed (13: Permission denied)" in nginx's log
// and nothing said at start-up (issue 31). So the front checks first and says in one line what to change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Who nginx's workers run as: the `user` line written into the local front's nginx.conf. */
export type WorkerIdentity = { user: string; group: string; uid: number; gids: readonly number[] };

/** What the workers do with a directory: only pass through it (nginx owns what is inside), or read files in it. */
export type Need = 'enter' | 'read';

export type DirStat = { mode: number; uid: number; gid: number };
export type StatOf = (dir: string) => DirStat | null;

export type Blocked = { dir: string; mode: number; missing: 'x' | 'r' };

const defaultStat: StatOf = (dir) => {
  try {
    const stat = fs.statSync(dir);
    return { mode: stat.mode & 0o777, uid: stat.uid, gid: stat.gid };
  } catch {
    return null;
  }
};

function allows(stat: DirStat, who: WorkerIdentity, bit: 'r' | 'x'): boolean {
  if (who.uid === 0) return true;
  const shift = stat.uid === who.uid ? 6 : who.gids.includes(stat.gid) ? 3 : 0;
  return ((stat.mode >> shift) & (bit === 'r' ? 0o4 : 0o1)) !== 0;
}

/**
 * The first directory on the way to `target` that `who` cannot pass (search permission on every
 * ancestor and on `target`) or, with `read`, list; null when nothing blocks. A part of the path that
 * does not exist yet ends the walk: whoever creates it (the app, as the invoking user) decides its mode.
 */
export function blockedOnPath(
  target: string,
  need: Need,
  who: WorkerIdentity,
  statOf: StatOf = defaultStat,
): Blocked | null {
  const absolute = path.resolve(target);
  const parts = absolute.split(path.sep).filter(Boolean);
  for (let depth = 0; depth <= parts.length; depth++) {
    const dir = path.sep + parts.slice(0, depth).join(path.sep);
    const stat = statOf(dir);
    if (!stat) return null;
    if (!allows(stat, who, 'x')) return { dir, mode: stat.mode, missing: 'x' };
    if (depth === parts.length && need === 'read' && !allows(stat, who, 'r'))
      return { dir, mode: stat.mode, missing: 'r' };
  }
  return null;
}

export type FrontDirs = {
  /** The front's working directory: its cache/ and temp/ are made inside and handed to the workers by nginx. */
  workDir: string;
  mediaDir: string;
  /** The build's hashed files, served by nginx from disk. */
  staticDir: string;
};

/** The one line that says what to change, or null when the workers can reach everything. */
export function frontAccessProblem(dirs: FrontDirs, who: WorkerIdentity, statOf: StatOf = defaultStat): string | null {
  const checks: { dir: string; need: Need; what: string; setting: string }[] = [
    { dir: dirs.workDir, need: 'enter', what: '缓存和临时目录', setting: 'DATA_DIR' },
    { dir: dirs.mediaDir, need: 'read', what: '图片目录', setting: 'MEDIA_DIR（或 DATA_DIR）' },
    { dir: dirs.staticDir, need: 'read', what: '应用的构建目录', setting: '应用目录' },
  ];
  for (const check of checks) {
    const blocked = blockedOnPath(check.dir, check.need, who, statOf);
    if (!blocked) continue;
    const mode = blocked.mode.toString(8).padStart(4, '0');
    const fix = blocked.missing === 'x' ? `chmod o+x ${blocked.dir}` : `chmod o+rx ${blocked.dir}`;
    return (
      `nginx 的工作进程以 ${who.user} 身份运行，${blocked.missing === 'x' ? '进不去' : '读不了'} ${blocked.dir}（权限 ${mode}），` +
      `${check.what} ${check.dir} 用不了，每个网页都会出错（500）：请执行 ${fix}，或把 ${check.setting} 换到 ${who.user} 能进入的目录。`
    );
  }
  return null;
}

function idOf(args: string[]): string | null {
  const result = spawnSync('id', args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * The account the workers run as when nginx is started as root (never root itself: a worker parses
 * what the internet sends). NGINX_WORKER_USER when set; else the account that ran `sudo` (SUDO_USER),
 * who usually owns the checkout and its data directory, so a home directory closed to others (0750 or
 * 0700) needs no chmod; else `nobody` (Debian's nginx is built without `--user`).
 */
export function workerUserName(env: Readonly<Record<string, string | undefined>>): string {
  const sudoUser = env.SUDO_USER?.trim();
  return env.NGINX_WORKER_USER?.trim() || (sudoUser && sudoUser !== 'root' ? sudoUser : 'nobody');
}

/**
 * The workers' identity when this process is root, null otherwise (then nginx cannot switch users and
 * its workers run as the invoking user, who made the directories: nothing to check). The local front
 * names the account (and its group) in nginx.conf, so the check and nginx agree.
 */
export function workerIdentity(env: NodeJS.ProcessEnv = process.env): WorkerIdentity | null {
  if (process.getuid?.() !== 0) return null;
  const user = workerUserName(env);
  const uid = idOf(['-u', user]);
  const group = idOf(['-gn', user]);
  const gids = idOf(['-G', user]);
  if (uid === null || group === null || gids === null)
    throw new Error(
      `找不到 nginx 工作进程的用户 ${user}：请用 NGINX_WORKER_USER 指定一个已有的用户（例如 www-data）。`,
    );
  return { user, group, uid: Number(uid), gids: gids.split(/\s+/).map(Number) };
}
