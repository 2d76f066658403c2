import { describe, expect, it } from 'vitest';

import { can, capabilitiesOf, isRole, ROLES } from './capabilities';

describe('capabilities', () => {
  it('lets every role into the newsroom', () => {
    for (const role of ROLES) expect(can(role, 'newsroom:enter')).toBe(true);
  });

  it('gives reporters their own stories only', () => {
    expect(can('REPORTER', 'article:create')).toBe(true);
    expect(can('REPORTER', 'article:edit-own')).toBe(true);
    expect(can('REPORTER', 'article:edit-any')).toBe(false);
    expect(can('REPORTER', 'article:review')).toBe(false);
    expect(can('REPORTER', 'issue:publish')).toBe(false);
    expect(can('REPORTER', 'user:manage')).toBe(false);
  });

  it('lets editors review, plan and publish signed-off issues but not sign off finally', () => {
    expect(can('EDITOR', 'article:review')).toBe(true);
    expect(can('EDITOR', 'issue:plan')).toBe(true);
    expect(can('EDITOR', 'article:signoff-final')).toBe(false);
    expect(can('EDITOR', 'issue:publish')).toBe(true);
  });

  it('gives the chief editor 签发 and issue publishing', () => {
    expect(can('CHIEF_EDITOR', 'article:signoff-final')).toBe(true);
    expect(can('CHIEF_EDITOR', 'issue:publish')).toBe(true);
    expect(can('CHIEF_EDITOR', 'user:manage')).toBe(false);
  });

  it('lets every editor put a story in the 公众号 draft box, and only the chief editor 发布 it', () => {
    expect(can('EDITOR', 'channel:send')).toBe(true);
    expect(can('CHIEF_EDITOR', 'channel:send')).toBe(true);
    expect(ROLES.filter((role) => can(role, 'channel:publish'))).toEqual(['CHIEF_EDITOR']);
  });

  it('keeps admins to accounts, audit and settings (考核设置 among them), and reading (never editing) stories', () => {
    expect(capabilitiesOf('ADMIN')).toEqual([
      'newsroom:enter',
      'article:read-any',
      'user:manage',
      'audit:read',
      'settings:edit',
      'stats:manage',
    ]);
    expect(can('ADMIN', 'article:review')).toBe(false);
    expect(can('ADMIN', 'article:edit-any')).toBe(false);
    expect(can('REPORTER', 'article:read-any')).toBe(false);
  });

  it('shows everyone’s 考核 figures to editors and chief editors only', () => {
    expect(can('EDITOR', 'stats:read-all')).toBe(true);
    expect(can('CHIEF_EDITOR', 'stats:read-all')).toBe(true);
    expect(can('REPORTER', 'stats:read-all')).toBe(false);
    expect(can('ADMIN', 'stats:read-all')).toBe(false);
  });

  it('leaves the 考核 point rules and 结账 to the chief editor and the admin', () => {
    expect(ROLES.filter((role) => can(role, 'stats:manage'))).toEqual(['CHIEF_EDITOR', 'ADMIN']);
  });

  it('recognises roles', () => {
    expect(isRole('EDITOR')).toBe(true);
    expect(isRole('editor')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
