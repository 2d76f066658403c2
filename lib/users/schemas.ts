// Input rules for account forms (zod), with the messages the forms show.
import { z } from 'zod';

import { Role } from '../generated/prisma/enums';
import { stripBidiControls } from '../text/bidi';
import { EMAIL_PATTERN } from './email';

export const nameSchema = z
  .string()
  .overwrite(stripBidiControls)
  .trim()
  .min(1, '请填写姓名')
  .max(40, '姓名不能超过 40 个字');
export const roleSchema = z.enum(Role, { message: '请选择角色' });
export const userIdSchema = z.string().min(1, '缺少账号').max(64);

/** 部门: up to 20 characters; empty is none. */
const departmentNameSchema = z.string().trim().max(20, '部门名称最多 20 个字');

export const createAccountSchema = z.object({
  name: nameSchema,
  email: z.string().trim().max(320, '邮箱太长').regex(EMAIL_PATTERN, '请填写有效的邮箱地址'),
  role: roleSchema,
  department: departmentNameSchema.optional(),
});

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const userRefSchema = z.object({ userId: userIdSchema });
/** Setting a person's 部门; empty clears it. */
export const departmentSchema = z.object({ userId: userIdSchema, department: departmentNameSchema });
export const redeemSchema = z
  .object({ token: z.string().min(10, '链接无效').max(200), password: z.string(), confirm: z.string() })
  .refine((value) => value.password === value.confirm, { message: '两次输入的密码不一致', path: ['confirm'] });
export const renameSchema = z.object({ name: nameSchema });
export const changePasswordSchema = z
  .object({ current: z.string().min(1, '请填写当前密码'), next: z.string(), confirm: z.string() })
  .refine((value) => value.next === value.confirm, { message: '两次输入的新密码不一致', path: ['confirm'] });
