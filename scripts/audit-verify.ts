// `npm run audit:verify`: walks the audit log's hash chain (lib/audit/verify.ts) and compares it with
// the daily digests: the database's, DATA_DIR/audit-digests.log, and every copy named with
// `--digests <file>` (one kept off the machine is what catches a log re-hashed as a whole).
// `--csv <file>` checks an exported CSV instead (lib/audit/csv-check.ts). Prints one line in
// Chinese; exits 1 on a break, 2 on bad arguments or settings.
import fs from 'node:fs';

import { checkAuditCsv } from '../lib/audit/csv-check';
import { digestFilePath, readDigestFile, storedDigests } from '../lib/audit/digest';
import { describeChainReport, verifyAuditChain } from '../lib/audit/verify';
import { ConfigError, resolveDatabase } from '../lib/config/database';
import { createClientFor } from '../lib/db-client';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function filesAfter(flag: string, args: string[]): string[] {
  return args.flatMap((arg, index) => (args[index - 1] === flag ? [arg] : []));
}

const args = process.argv.slice(2);
const known = new Set(['--digests', '--csv']);
for (const [index, arg] of args.entries()) {
  if (arg.startsWith('--') && !known.has(arg)) fail(`不认识的参数 ${arg}：可用 --digests <文件>、--csv <文件>`, 2);
  if (known.has(arg) && (args[index + 1] === undefined || args[index + 1]!.startsWith('--')))
    fail(`${arg} 后面要跟一个文件`, 2);
}
const missing = [...filesAfter('--digests', args), ...filesAfter('--csv', args)].find((file) => !fs.existsSync(file));
if (missing) fail(`找不到文件 ${missing}`, 2);

const csvFiles = filesAfter('--csv', args);
if (csvFiles.length) {
  let broken = false;
  for (const file of csvFiles) {
    const result = checkAuditCsv(fs.readFileSync(file, 'utf8'));
    if (result.ok) console.log(`${file}：导出文件完整，共 ${result.events} 条，每条哈希与内容相符，文件校验值相符`);
    else {
      broken = true;
      console.log(`${file}：${result.problem}`);
    }
  }
  process.exit(broken ? 1 : 0);
}

try {
  const db = createClientFor(resolveDatabase(process.env));
  try {
    const local = digestFilePath(process.env);
    const digests = [
      ...(await storedDigests(db)),
      ...readDigestFile(local),
      ...filesAfter('--digests', args).flatMap((file) => readDigestFile(file)),
    ];
    const report = await verifyAuditChain(db, digests);
    console.log(describeChainReport(report));
    process.exitCode = report.problem ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  fail(error instanceof ConfigError || error instanceof Error ? error.message : String(error), 2);
}
