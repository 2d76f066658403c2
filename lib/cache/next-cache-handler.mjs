// What next.config.js names as the cache handler. Next imports it by path in plain Node, whether the
// server was started by server/serve.ts (under tsx's loader) or as `next start` (the benchmarks); tsx
// compiles the TypeScript handler here either way.
import { tsImport } from 'tsx/esm/api';

const handler = await tsImport('./reader-cache-handler.ts', import.meta.url);

export default handler.default;
