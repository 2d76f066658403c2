// Chinese names for audit actions, shown in the log and its export.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign-in': '登录',
  'auth.sign-in-failed': '登录失败',
  'auth.sign-in-refused': '登录被拒（锁定）',
  'user.bootstrap-admin': '创建首个管理员',
  'user.create': '创建账号',
  'user.role': '修改角色',
  'user.deactivate': '停用账号',
  'user.reactivate': '启用账号',
  'user.delete': '删除账号',
  'user.invite-reissued': '重发邀请',
  'user.invite-accepted': '接受邀请',
  'user.password-reset-issued': '发送重置密码链接',
  'user.password-reset': '重置密码',
  'user.password-change': '修改密码',
  'user.rename': '修改姓名',
  'issue.seed': '载入示例期次',
  'issue.import': '导入期次',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
