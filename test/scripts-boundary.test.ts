// scripts/ holds the entry points `npm run …` starts and nothing else imports them: the product's
// runtime lives in server/, what tests and benchmarks share in test/support/. A file under any folder
// below that imports from scripts/ (relatively or through the @/ alias, statically or by import())
// fails this test; scripts/ itself may import from everywhere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { importSpecifiers } from './support/import-specifiers';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCRIPTS = path.join(ROOT, 'scripts');
const GUARDED = ['app', 'components', 'e2e', 'lib', 'seeds', 'server', 'test'];
const SKIPPED = new Set(['node_modules', 'generated', '.tmp']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

/** The specifiers of `source` (the text of `file`) that lead into scripts/. */
export function scriptImports(file: string, source: string): string[] {
  return importSpecifiers(source).filter((specifier) => {
    const target = specifier.startsWith('@/')
      ? path.join(ROOT, specifier.slice(2))
      : specifier.startsWith('.')
        ? path.resolve(path.dirname(file), specifier)
        : null;
    return target !== null && (target === SCRIPTS || target.startsWith(SCRIPTS + path.sep));
  });
}

describe('imports from scripts/', () => {
  it(`come from no file under ${GUARDED.join('/, ')}/`, () => {
    const offending = GUARDED.flatMap((folder) => sourceFiles(path.join(ROOT, folder))).flatMap((file) =>
      scriptImports(file, fs.readFileSync(file, 'utf8')).map(
        (specifier) => `${path.relative(ROOT, file)} → ${specifier}`,
      ),
    );
    expect(offending).toEqual([]);
  });

  it('would notice a relative, an aliased and a dynamic import of scripts/, and no other', () => {
    const file = path.join(ROOT, 'lib', 'search', 'x.test.ts');
    const source = [
      "import { prepare } from '../../scripts/lib/prepare';",
      "import { generateArchive } from '@/scripts/bench/synthetic-archive';",
      "const cli = await import('../../scripts/import');",
      "import { freePort } from '@/test/support/free-port';",
      "import { serveArgs } from '../../server/serve-command';",
      "import { scripted } from './scripts/local';",
    ].join('\n');
    expect(scriptImports(file, source)).toEqual([
      '../../scripts/lib/prepare',
      '@/scripts/bench/synthetic-archive',
      '../../scripts/import',
    ]);
  });
});
