// @ts-check
import path from 'node:path';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and engine packages run as plain Node modules on the server.
  // pdfjs-dist loads its worker module by path at run time (PDF import), so it is not bundled either.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@node-rs/argon2',
    'sharp',
    'pdfjs-dist',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with status 403 for signed-in people without the capability.
  experimental: {
    authInterrupts: true,
    // Small: server actions take forms, never files; Next decodes an action's body before the action
    // can check who sent it. Files go to route handlers outside the proxy's matcher (uploads, the
    // import), which check the user first and read the body as it streams. The web server refuses a
    // larger declared body before Next sees it; these are the same limit (lib/http/body-limits.ts
    // BODY_LIMIT_BYTES, compared by lib/http/body-limits.test.ts).
    serverActions: { bodySizeLimit: '2mb' },
    // proxy.ts sees every other request, so Next buffers each body for it, up to this much.
    proxyClientMaxBodySize: '2mb',
  },
  async headers() {
    // Static files skip the proxy; they still get the headers that do not depend on the request.
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

// The reader cache handler that keeps several instances in step (docs/architecture.md, "Several
// instances"). A small .mjs that loads the TypeScript handler through tsx (plain `next start` has no loader);
// `next build` keeps Next's own handler, which is all prerendering needs, and so does `npm run dev`: its
// bundler compiles the handler into the server bundle, where tsx's loader cannot load the TypeScript
// file ("Cannot find module 'unknown'", every page a 500), and one development server has no other
// instance to keep in step with.
const READER_CACHE_HANDLER = path.join(import.meta.dirname, 'lib', 'cache', 'next-cache-handler.mjs');

/** @param {string} phase */
export default function config(phase) {
  return phase === PHASE_PRODUCTION_SERVER ? { ...nextConfig, cacheHandler: READER_CACHE_HANDLER } : nextConfig;
}
