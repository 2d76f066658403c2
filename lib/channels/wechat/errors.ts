// WeChat's errcodes as the story page says them: what went wrong and what the desk or the admin does.
// Codes from WeChat's 全局返回码 document and the draft/material/freepublish pages.
const MESSAGES: Record<number, string> = {
  [-1]: '微信系统繁忙，请稍后重试',
  40001: 'AppSecret 不正确，或调用凭证已失效：请管理员在报刊设置中核对公众号的 AppID 和 AppSecret',
  40125: 'AppSecret 不正确：请管理员在报刊设置中重新填写公众号的 AppSecret',
  40013: 'AppID 不正确：请管理员在报刊设置中核对公众号的 AppID',
  40164: '本服务器的 IP 不在公众号的 IP 白名单中：请在公众号后台“设置与开发 → 基本配置”中把本机 IP 加入白名单',
  42001: '调用凭证已过期，请重试',
  45009: '今天调用该接口的次数已达微信的每日上限，请明天再试（或在公众号后台清零调用次数）',
  45002: '正文超过微信的长度限制（2 万字以内，含排版代码）：请删减后再推送',
  48001: '公众号没有这个接口的权限（需要认证的公众号）：请联系公众号管理员',
  40005: '图片格式不受微信支持：只能用 JPG 或 PNG',
  40009: '图片超过微信的大小限制（正文图片 1MB 以内）',
  40007: '封面素材无效：请重新推送',
  53404: '该文章已被微信判定为不能发布，请查看公众号后台的通知',
};

export function wechatErrorMessage(errcode: number, errmsg = ''): string {
  return MESSAGES[errcode] ?? `微信返回错误 ${errcode}${errmsg ? `（${errmsg.slice(0, 120)}）` : ''}`;
}
