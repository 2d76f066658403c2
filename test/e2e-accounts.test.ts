// The journeys share one database and run one after another, so an account one spec makes must not
// be made again by another (the second would fail on "该邮箱已有账号", or sign in with the first
// one's password). Accounts are named in each spec as `email: '…@e2e.test'`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { DEFAULT_PASSWORD_POLICY, passwordRuleProblem } from '@/lib/auth/password-rules';

const E2E = path.resolve(import.meta.dirname, '..', 'e2e');

/** Each spec's file name and text, read once for both checks. */
const SPECS = fs
  .readdirSync(E2E)
  .filter((name) => name.endsWith('.spec.ts'))
  .map((file) => ({ file, text: fs.readFileSync(path.join(E2E, file), 'utf8') }));

function accountsBySpec(): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const { file, text } of SPECS) {
    const emails = new Set(text.match(/[a-z0-9.-]+@e2e\.test/g) ?? []);
    for (const email of emails) owners.set(email, [...(owners.get(email) ?? []), file]);
  }
  return owners;
}

describe('end-to-end accounts', () => {
  it('belong to one spec each', () => {
    const shared = [...accountsBySpec()]
      .filter(([, files]) => files.length > 1)
      .map(([email, files]) => `${email}: ${files.join(', ')}`);
    expect(shared).toEqual([]);
  });

  // An account a spec names is made through the invitation form, which applies the password rules
  // (lib/auth/password-rules.ts): a spec written before the rules, or on a branch without them, would
  // fail only in the browser, minutes into the run.
  it('have passwords the default rules accept', () => {
    const accounts = SPECS.flatMap(({ file, text }) =>
      [
        ...text.matchAll(
          /name:\s*'([^']+)',\s*email:\s*'([^']+@e2e\.test)',\s*role:\s*'[^']+',\s*password:\s*'([^']+)'/g,
        ),
      ].map(([, name, email, password]) => ({ file, name: name!, email: email!, password: password! })),
    );
    expect(accounts.length).toBeGreaterThan(30);
    const refused = accounts.flatMap((account) => {
      const problem = passwordRuleProblem(account.password, DEFAULT_PASSWORD_POLICY, account, new Set());
      return problem ? [`${account.file} ${account.email}: ${problem}`] : [];
    });
    expect(refused).toEqual([]);
  });
});
