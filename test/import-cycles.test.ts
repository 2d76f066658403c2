// Imports between lib/ folders run one way: no folder imports a folder that (directly or through
// others) imports it back. The folder graph is read from the source (static imports, re-exports and
// import() of every non-test lib/**/*.ts), and every cycle in it fails this test, except the one
// listed below that was there before the rule and is not on the story path.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { importSpecifiers } from './support/import-specifiers';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIB = path.join(ROOT, 'lib');

/**
 * Known, left as it is: the sign-in flow (auth/options → sign-in) records audit events, reads
 * users/email and the client IP, while users, audit queries and the 403 response use auth's gate.
 * Breaking it means splitting next-auth's options from requireUser.
 */
const KNOWN_CYCLES = [['audit', 'auth', 'http', 'users']];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** lib/<folder>/… → folder; files directly in lib/ are the folder "lib". */
function folderOf(file: string): string | null {
  const relative = path.relative(LIB, file);
  if (relative.startsWith('..')) return null;
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0]! : 'lib';
}

function resolveImport(from: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(from), specifier);
  return null;
}

export function folderGraph(files: string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file)!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, specifier);
      const to = target ? folderOf(target) : null;
      if (to && to !== from && to !== 'generated') graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan), each sorted. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

describe('folder-level imports in lib/', () => {
  it('have no cycle but the known one', () => {
    expect(cycles(folderGraph(sourceFiles(LIB)))).toEqual(KNOWN_CYCLES);
  });

  it('would notice a folder that imports one that imports it back', () => {
    const graph = new Map([
      ['articles', new Set(['workflow'])],
      ['workflow', new Set(['revisions'])],
      ['revisions', new Set(['articles'])],
      ['reader', new Set(['revisions'])],
    ]);
    expect(cycles(graph)).toEqual([['articles', 'revisions', 'workflow']]);
  });

  it('reads every kind of import and no commented one', () => {
    const source =
      "import a from '../a/x';\nimport type { B } from '../b/y';\nexport { c } from '../c/z';\nconst d = await import('../d/w');\nimport '../e/v';\n// import f from '../f/u';\n/* import g from '../g/t'; */";
    expect(importSpecifiers(source)).toEqual(['../a/x', '../b/y', '../c/z', '../d/w', '../e/v']);
  });
});
