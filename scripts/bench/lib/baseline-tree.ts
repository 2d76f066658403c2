// A benchmark's baseline is the same measurement on an earlier commit, in the same run: this machine
// is noisy, and only figures taken side by side, minutes apart, can be compared. The earlier commit
// is checked out as a detached git worktree under .bench/baseline/<sha>, shares node_modules by hard
// links, gets its own Prisma client and `next build`, and prepares its data with its own scripts (its
// own migrations), so it runs exactly as it did at that commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { buildIfStale } from './app-server';

export type BaselineTree = { commit: string; root: string };

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** The full hash of `ref`, refusing anything git does not know as a commit. */
/** The commit to compare with: `--baseline <commit>` on the command line, else BENCH_BASELINE, else none. */
export function baselineRef(argv: readonly string[]): string | null {
  const at = argv.indexOf('--baseline');
  if (at >= 0) {
    const ref = argv[at + 1];
    if (!ref || ref.startsWith('--')) throw new Error('--baseline 需要一个提交（例如 --baseline HEAD~1）');
    return ref;
  }
  return process.env.BENCH_BASELINE?.trim() || null;
}

export function resolveCommit(repoRoot: string, ref: string): string {
  return run('git', ['rev-parse', '--verify', `${ref}^{commit}`], repoRoot).trim();
}

/** A built checkout of `ref` (reused when an earlier run left one for the same commit). */
export function baselineTree(repoRoot: string, ref: string): BaselineTree {
  const commit = resolveCommit(repoRoot, ref);
  const root = path.join(repoRoot, '.bench', 'baseline', commit.slice(0, 12));
  if (!fs.existsSync(path.join(root, '.git'))) {
    fs.rmSync(root, { recursive: true, force: true });
    run('git', ['worktree', 'prune'], repoRoot);
    run('git', ['worktree', 'add', '--detach', root, commit], repoRoot);
  }
  if (!fs.existsSync(path.join(root, 'node_modules'))) {
    // Hard links: seconds instead of an install, and the dependencies of a recent commit are a
    // superset of an older one's in this project (nothing has been removed since the first release).
    run('cp', ['-al', path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules')], repoRoot);
  }
  if (!fs.existsSync(path.join(root, 'lib', 'generated')))
    run(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/prisma.ts', 'generate'], root);
  buildIfStale(root, process.env);
  return { commit, root };
}

/**
 * Runs `source` (a TypeScript module body) inside the baseline tree, where its relative imports
 * resolve to that commit's own code. The module prints one line of JSON, which is returned.
 */
export function runInTree<T>(tree: BaselineTree, source: string, env: NodeJS.ProcessEnv): T {
  const file = path.join(tree.root, '.bench-task.mts');
  fs.writeFileSync(file, source);
  try {
    const out = run(path.join(tree.root, 'node_modules', '.bin', 'tsx'), [file], tree.root, env);
    const last = out.trim().split('\n').at(-1) ?? '';
    return JSON.parse(last) as T;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
