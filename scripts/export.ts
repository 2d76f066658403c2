// npm run export -- --issue 1705 [--out file.json]
// Writes one issue with its stories as JSON (to the file, or to standard output).
import fs from 'node:fs';

import { exportIssue } from '../lib/issues/export-issue';
import { CliDatabaseError, openForReading } from '../server/cli-database';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main() {
  const number = Number(option('--issue'));
  if (!Number.isInteger(number) || number < 1) {
    console.error('导出失败：请给出期号，例如 npm run export -- --issue 1705');
    process.exit(1);
  }
  // Reading only: no migrations, nothing created (safe beside a running server).
  const db = await openForReading(process.env);
  try {
    const exported = await exportIssue(db, number);
    if (!exported) {
      console.error(`导出失败：没有第${number}期`);
      process.exit(1);
    }
    const json = `${JSON.stringify(exported, null, 2)}\n`;
    const out = option('--out');
    if (out) {
      fs.writeFileSync(out, json);
      console.error(`已导出第${number}期（${exported.issue.stories.length}篇稿件）到 ${out}`);
    } else {
      process.stdout.write(json);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliDatabaseError) console.error(`导出失败：${error.message}`);
  else console.error(error);
  process.exit(1);
});
