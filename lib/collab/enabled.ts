// Whether this web server has a co-editing server beside it: `npm start` (scripts/start.ts) and the
// e2e setup set COLLAB_PORT for the web server, which then relays /collab to it (scripts/serve.ts).
// Without it (`next dev` alone) the editor saves through server actions with its conflict dialog.
export function collabEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.COLLAB_PORT?.trim());
}
