// ECharts (about 1 MB of script) belongs to the 考核 page alone (issue 34): one module imports it, by
// import() only, so bundlers put it in a chunk of its own that only that page's charts load, after the
// page is up. A static import, or an import anywhere else, would put it in other routes' bundles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const LOADER = 'components/newsroom/stats/load-echarts.ts';

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe('echarts', () => {
  const importers = ['app', 'components', 'lib', 'server']
    .flatMap(sources)
    .filter((file) => /from\s+['"]echarts|import\(\s*['"]echarts/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));

  it('is imported by the 考核 charts’ loader only', () => {
    expect(importers).toEqual([LOADER]);
  });

  it('is loaded there with import() (types apart)', () => {
    const text = fs.readFileSync(path.join(ROOT, LOADER), 'utf8');
    const statics = [...text.matchAll(/^import\s+(type\s+)?[^;]*from\s+['"]echarts[^'"]*['"]/gm)];
    expect(statics.length).toBeGreaterThan(0);
    expect(statics.every((match) => match[1] === 'type ')).toBe(true);
    expect(text).toMatch(/import\('echarts\/core'\)/);
  });
});
