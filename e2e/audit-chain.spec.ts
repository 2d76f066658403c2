// The tamper-evident audit log as an admin and an assessor meet it: the 校验日志完整性 check on the
// audit page, the same check from the command line beside the running server, and an exported CSV
// that checks on its own. An event changed in the database shows as a break, named by its seq.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

import { checkAuditCsv } from '../lib/audit/csv-check';
import { signedInPage } from './support/auth';
import { serverDatabaseEnv, withDb } from './support/database';
import { E2E_ADMIN } from './support/env';
import { SCREENS_DIR, sidewaysOverflow } from './support/layout';

const run = promisify(execFile);

test('an admin checks the audit log, exports it with hashes, and sees an edited event named', async ({ browser }) => {
  const { page, context } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/newsroom/admin/audit');
  await page.getByRole('link', { name: '校验日志完整性' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^审计日志完整：共 \d+ 条/ })).toBeVisible();
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENS_DIR, `audit-check-${width}.png`), fullPage: true });
    if (width === 390) expect(await sidewaysOverflow(page)).toBe(0);
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  const csv = await page.request.get('/newsroom/admin/audit/export');
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.trimEnd().split('\r\n').at(-1)).toMatch(/^文件校验,SHA-256,[0-9a-f]{64},\d+ 条$/);
  expect(checkAuditCsv(text)).toMatchObject({ ok: true });

  const cli = () =>
    run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/audit-verify.ts'], {
      env: { ...process.env, ...serverDatabaseEnv() },
    });
  expect((await cli()).stdout).toMatch(/^审计日志完整/);

  // Someone with the database edits an event's address; put back afterwards (the journeys share it).
  const edited = await withDb((db) =>
    db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' }, skip: 1, select: { id: true, seq: true, ip: true } }),
  );
  try {
    await withDb((db) => db.auditEvent.update({ where: { id: edited.id }, data: { ip: '203.0.113.9' } }));
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: '审计日志在' })).toHaveText(
      `审计日志在第 ${edited.seq} 条处断开：第 ${edited.seq} 条记录被改动：内容与它的哈希不符`,
    );
    const failed = await cli().then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining(`第 ${edited.seq} 条处断开`) });
  } finally {
    await withDb((db) => db.auditEvent.update({ where: { id: edited.id }, data: { ip: edited.ip } }));
  }
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^审计日志完整/ })).toBeVisible();
  await context.close();
});
