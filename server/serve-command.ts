// How `npm start`, `npm run dev`, the end-to-end tests and the benchmarks start the web server
// (server/serve.ts, run through tsx's loader in one Node process).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');

export const tsxLoader = () => pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** The co-editing server (server/collab.ts); it reads its settings from the environment. */
export function collabArgs(): string[] {
  return ['--import', tsxLoader(), path.join(ROOT, 'server', 'collab.ts')];
}

export function serveArgs(options: { port: number | string; hostname?: string; dev?: boolean }): string[] {
  return [
    '--import',
    tsxLoader(),
    path.join(ROOT, 'server', 'serve.ts'),
    '--port',
    String(options.port),
    ...(options.hostname ? ['--hostname', options.hostname] : []),
    ...(options.dev ? ['--dev'] : []),
  ];
}
