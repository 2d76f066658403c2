// The corpus producers that run a program on a source file (Chromium on HTML, LibreOffice on a flat
// ODT) write it to a temporary folder, run, and remove the folder whatever happens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function withSourceFile(name: string, content: string, run: (file: string, dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pdf-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    run(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
