// The password rules (pure): what the admin's policy (账号安全, lib/security/) asks of a new password,
// and when a password has expired. 等保 2.0 身份鉴别 asks for complexity and periodic change; the
// history rule (not one of the last N) needs the stored hashes and lives in lib/users/password-change.ts.

export type PasswordPolicy = {
  /** Fewest characters (10 by default). */
  minLength: number;
  /** Fewest character classes of the four: lower case, upper case, digits, everything else. */
  minClasses: number;
  /** A new password may not be any of this many most recent ones (the current one included). */
  historyCount: number;
  /** 0: never expires; otherwise the newsroom asks for a new password after this many days. */
  maxAgeDays: number;
};

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3, historyCount: 5, maxAgeDays: 0 };

/** The bounds the admin may set; outside them the settings form refuses. */
export const PASSWORD_POLICY_BOUNDS = {
  minLength: { min: 10, max: 64 },
  minClasses: { min: 3, max: 4 },
  historyCount: { min: 5, max: 24 },
  maxAgeDays: { min: 30, max: 365 },
} as const;

export const MAX_PASSWORD_LENGTH = 200;

/** Whose password it is: a password may not contain the account's name or e-mail. */
export type PasswordOwner = { name: string; email: string };

const CLASS_TESTS: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/** How many of the four classes a password uses; a Chinese character or a space counts as "everything else". */
export function characterClasses(password: string): number {
  return CLASS_TESTS.filter((test) => test.test(password)).length;
}

/**
 * The parts of an account a password may not contain, lower-cased: the whole e-mail, its local part
 * and the name. Parts shorter than 3 characters (2 for a name with Chinese characters, whose two
 * characters are already a full name) are left out: a 2-letter local part such as "li" would forbid
 * half the dictionary without making anything harder to guess.
 */
export function ownerParts(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const name = owner.name.trim().toLowerCase();
  const nameMin = /\p{Script=Han}/u.test(name) ? 2 : 3;
  const parts = [email, local].filter((part) => part.length >= 3);
  if (name.length >= nameMin) parts.push(name, name.replace(/\s+/g, ''));
  return [...new Set(parts)];
}

/**
 * Null when the password meets the policy, otherwise the first problem as the form shows it.
 * `common` holds the compromised passwords, lower-cased (lib/auth/common-passwords.ts).
 */
export function passwordRuleProblem(
  password: string,
  policy: PasswordPolicy,
  owner: PasswordOwner | null,
  common: ReadonlySet<string>,
): string | null {
  const length = [...password].length;
  if (password.trim().length === 0) return '密码不能全是空格';
  if (length < policy.minLength) return `密码至少需要 ${policy.minLength} 个字符`;
  if (length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`;
  if (characterClasses(password) < policy.minClasses) {
    return `密码需要包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 种`;
  }
  const lower = password.toLowerCase();
  if (owner && ownerParts(owner).some((part) => lower.includes(part))) return '密码不能包含姓名或邮箱';
  if (common.has(lower)) return '这个密码太常见，已出现在泄露密码列表中，请换一个';
  return null;
}

/** The rules in one line, for the hint under a new-password field. */
export function passwordRulesHint(policy: PasswordPolicy): string {
  const classes =
    policy.minClasses >= 4
      ? '小写字母、大写字母、数字、符号都要有'
      : `包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 种`;
  return `至少 ${policy.minLength} 个字符，${classes}；不能包含姓名或邮箱，不能是常见密码或最近 ${policy.historyCount} 次用过的密码`;
}

/** When a password set at `setAt` expires under the policy, or null when passwords do not expire. */
export function passwordExpiresAt(setAt: Date, policy: PasswordPolicy): Date | null {
  if (policy.maxAgeDays <= 0) return null;
  return new Date(setAt.getTime() + policy.maxAgeDays * 86_400_000);
}

export function passwordExpired(setAt: Date, policy: PasswordPolicy, now: Date): boolean {
  const expires = passwordExpiresAt(setAt, policy);
  return expires !== null && expires <= now;
}
