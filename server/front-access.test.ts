// Which directory stops nginx's workers, and the one line that says so (pure: stats are given).
import { describe, expect, it } from 'vitest';

import { blockedOnPath, frontAccessProblem, workerUserName, type DirStat, type WorkerIdentity } from './front-access';

const nobody: WorkerIdentity = { user: 'nobody', group: 'nogroup', uid: 65534, gids: [65534] };
const root = (mode: number): DirStat => ({ mode, uid: 0, gid: 0 });

function tree(stats: Record<string, DirStat>) {
  return (dir: string) => stats[dir] ?? null;
}

const reachable = {
  '/': root(0o755),
  '/srv': root(0o755),
  '/srv/kecheng': root(0o755),
  '/srv/kecheng/.data': root(0o755),
  '/srv/kecheng/.data/front': root(0o755),
  '/srv/kecheng/.data/media': root(0o755),
  '/srv/kecheng/.next': root(0o755),
  '/srv/kecheng/.next/static': root(0o755),
};
const dirs = {
  workDir: '/srv/kecheng/.data/front',
  mediaDir: '/srv/kecheng/.data/media',
  staticDir: '/srv/kecheng/.next/static',
};

describe('blockedOnPath', () => {
  it('a 0700 directory on the way stops another user, whoever may enter its parent', () => {
    const stats = tree({
      '/': root(0o755),
      '/tmp': root(0o1777),
      '/tmp/tmp.x': root(0o700),
      '/tmp/tmp.x/front': root(0o755),
    });
    expect(blockedOnPath('/tmp/tmp.x/front', 'enter', nobody, stats)).toEqual({
      dir: '/tmp/tmp.x',
      mode: 0o700,
      missing: 'x',
    });
  });

  it('search permission alone (0711) is enough to pass through; reading needs r on the directory itself', () => {
    const stats = tree({ '/': root(0o755), '/data': root(0o711), '/data/media': root(0o711) });
    expect(blockedOnPath('/data/media', 'enter', nobody, stats)).toBeNull();
    expect(blockedOnPath('/data/media', 'read', nobody, stats)).toEqual({
      dir: '/data/media',
      mode: 0o711,
      missing: 'r',
    });
  });

  it('owner and group bits count for the owner and the group', () => {
    const own = tree({ '/': root(0o755), '/d': { mode: 0o700, uid: 65534, gid: 0 } });
    expect(blockedOnPath('/d', 'read', nobody, own)).toBeNull();
    const group = tree({ '/': root(0o755), '/d': { mode: 0o750, uid: 0, gid: 65534 } });
    expect(blockedOnPath('/d', 'read', nobody, group)).toBeNull();
    const otherGroup = tree({ '/': root(0o755), '/d': { mode: 0o750, uid: 0, gid: 33 } });
    expect(blockedOnPath('/d', 'read', nobody, otherGroup)?.missing).toBe('x');
  });

  it('a directory not made yet ends the walk (its maker decides its mode)', () => {
    expect(blockedOnPath('/srv/kecheng/.data/media/new', 'read', nobody, tree(reachable))).toBeNull();
  });
});

describe('frontAccessProblem', () => {
  it('nothing to say when the workers reach every directory', () => {
    expect(frontAccessProblem(dirs, nobody, tree(reachable))).toBeNull();
  });

  it('a 0700 data directory: one line naming the user, the directory, its mode and the command that fixes it', () => {
    const problem = frontAccessProblem(dirs, nobody, tree({ ...reachable, '/srv/kecheng/.data': root(0o700) }));
    expect(problem).toBe(
      'nginx 的工作进程以 nobody 身份运行，进不去 /srv/kecheng/.data（权限 0700），缓存和临时目录 /srv/kecheng/.data/front 用不了，' +
        '每个网页都会出错（500）：请执行 chmod o+x /srv/kecheng/.data，或把 DATA_DIR 换到 nobody 能进入的目录。',
    );
    expect(problem).not.toContain('\n');
  });

  it('an unreadable media directory or a checkout under /root are named as such', () => {
    const media = frontAccessProblem(dirs, nobody, tree({ ...reachable, '/srv/kecheng/.data/media': root(0o711) }));
    expect(media).toContain('读不了 /srv/kecheng/.data/media');
    expect(media).toContain('chmod o+rx /srv/kecheng/.data/media');
    expect(media).toContain('MEDIA_DIR');
    const underRoot = frontAccessProblem(
      { workDir: '/data/front', mediaDir: '/data/media', staticDir: '/root/kecheng/.next/static' },
      nobody,
      tree({ '/': root(0o755), '/data': root(0o755), '/data/front': root(0o755), '/root': root(0o700) }),
    );
    expect(underRoot).toContain('进不去 /root（权限 0700），应用的构建目录 /root/kecheng/.next/static');
  });
});

describe('workerUserName (nginx started as root)', () => {
  it('NGINX_WORKER_USER first, then the account that ran sudo, then nobody; never root', () => {
    expect(workerUserName({})).toBe('nobody');
    expect(workerUserName({ SUDO_USER: 'alice' })).toBe('alice');
    expect(workerUserName({ SUDO_USER: 'alice', NGINX_WORKER_USER: 'www-data' })).toBe('www-data');
    expect(workerUserName({ SUDO_USER: 'root' })).toBe('nobody');
  });
});
