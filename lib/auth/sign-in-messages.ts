// What the sign-in answers, shared by the server (sign-in.ts) and the sign-in form, which shows the
// code field when it reads CODE_REQUIRED.
export const INVALID_CREDENTIALS = '邮箱或密码不正确';
/** The password was right and the account has two-factor sign-in: the form asks for the code. */
export const CODE_REQUIRED = '请输入身份验证器上的 6 位验证码（或一个恢复码）';
export const INVALID_CODE = '验证码不正确或已用过';
