// A client-supplied name (a document name) as it may appear in one log line: quoted and escaped, so
// a newline cannot forge a line, and cut, so a 10 kB name is not a 10 kB line. Engineer H's
// lib/collab/log-text.ts `quoted()` takes its place when the branches meet.
export function quotedName(name: string): string {
  return JSON.stringify(name).slice(0, 200);
}
