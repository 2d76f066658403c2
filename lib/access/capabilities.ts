// Roles → named capabilities (docs/architecture.md: Layout). Pure: the one table every permission check reads.
import { Role } from '../generated/prisma/enums';

/** Every role, in the schema's order (prisma/schema.prisma: reporter first, admin last), the order pickers list them. */
export const ROLES: readonly Role[] = Object.values(Role);

export const CAPABILITIES = [
  'newsroom:enter',
  'article:create',
  'article:edit-own',
  'article:edit-any',
  'article:read-any',
  'article:review',
  'article:signoff-final',
  'article:publish',
  'article:trash',
  'article:restore',
  'issue:plan',
  'issue:publish',
  'issue:import',
  'channel:send',
  'channel:publish',
  'media:upload',
  'user:manage',
  'audit:read',
  'settings:edit',
  'proofing:override',
  'proofing:edit-lists',
  // 稿件考核 (issue 34): everyone's figures; without it, a person sees only their own.
  'stats:read-all',
  // 考核设置 (issue 34): the center's point rules and 结账 (closing a month, which freezes what is paid).
  'stats:manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const REPORTER: Capability[] = [
  'newsroom:enter',
  'article:create',
  'article:edit-own',
  'article:trash',
  'media:upload',
];
const EDITOR: Capability[] = [
  ...REPORTER,
  'article:edit-any',
  'article:read-any',
  'article:review',
  'article:publish',
  'article:restore',
  'issue:plan',
  'issue:publish',
  'issue:import',
  // 中央厨房: sending a signed-off, published story to the publication's other channels.
  'channel:send',
  // 考核: editors and chief editors see every person's month.
  'stats:read-all',
];
// 签发 is the chief editor's; once every placed story carries it, any editor may publish or schedule
// the issue (the sign-off, not the button, is the gate).
// 审校: 签发 over an open 禁止-level hit, with a reason, and the newsroom's lists are the chief editor's.
// 发布 on the 公众号 (freepublish) puts the story before every follower at once, under the centre's
// name: the chief editor's, like 签发; putting it in the draft box ('channel:send') is any editor's.
const CHIEF_EDITOR: Capability[] = [
  ...EDITOR,
  'article:signoff-final',
  'proofing:override',
  'proofing:edit-lists',
  'channel:publish',
  // The point rules decide pay, and closing a month fixes it: the chief editor's, not every editor's.
  'stats:manage',
];
// Admins run the newsroom's accounts and settings; they are not part of the editorial chain, so
// their sign-offs would bypass 三审, and they do not write or edit copy. To support the team they may
// read every story (its preview and revision history, 'article:read-any'), never change it.
// The point rules are a setting of the center (报刊设置), so the admin may keep them and close a month
// for the office too; closing snapshots everyone's figures whatever the closer may read.
const ADMIN: Capability[] = [
  'newsroom:enter',
  'article:read-any',
  'user:manage',
  'audit:read',
  'settings:edit',
  'stats:manage',
];

const TABLE: Record<Role, ReadonlySet<Capability>> = {
  REPORTER: new Set(REPORTER),
  EDITOR: new Set(EDITOR),
  CHIEF_EDITOR: new Set(CHIEF_EDITOR),
  ADMIN: new Set(ADMIN),
};

export function can(role: Role, capability: Capability): boolean {
  return TABLE[role].has(capability);
}

export function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITIES.filter((capability) => can(role, capability));
}

export const ROLE_LABELS: Record<Role, string> = {
  REPORTER: '记者',
  EDITOR: '编辑',
  CHIEF_EDITOR: '总编',
  ADMIN: '管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
