// What the co-editing editor's status line says (Chinese, the newsroom's words). It tells apart the
// person's own network (离线) from the co-editing service being down or restarting (无法连接协同编辑服务):
// a reporter whose network works must not be told to check it. Typing is kept in the browser in both.
import type { SessionState } from './collab-session';

const REFUSALS: Record<string, string> = {
  'signed-out': '登录已失效或账号已停用，请重新登录',
  forbidden: '你已没有这篇稿件的编辑权限',
  'bad-origin': '本页的地址未获准连接协同编辑服务，请从本站地址打开，修改已保存在本机',
  'unknown-document': '稿件不存在',
  'stale-copy': '稿件已在服务器上重建，正在载入最新内容',
  gone: '稿件已移入回收站或已删除',
};

const ADVICE: Record<string, string> = {
  'signed-out': '请重新登录后再编辑。这里显示的是最后保存的内容。',
  forbidden: '这里显示的是最后保存的内容，不能再修改。',
  'bad-origin':
    '请从本站的网址（管理员设置的地址）打开编辑页。在这里写的内容保存在这台电脑上，从本站地址打开后自动合并。',
  'unknown-document': '这里显示的是最后保存的内容。',
  gone: '这里显示的是最后保存的内容，可以请编辑从回收站恢复。',
  'stale-copy': '正在载入服务器上的最新内容…',
};

/** What the person can do about a refusal (the alert under the status line). */
export function refusalAdvice(reason: string | null): string {
  return ADVICE[reason ?? ''] ?? '请刷新页面。';
}

/** Whether the status line tells of something the person should notice (not connected, not saved). */
export function statusNeedsAttention(state: SessionState): boolean {
  return (
    state.connection === 'offline' ||
    state.connection === 'unreachable' ||
    state.connection === 'refused' ||
    state.saveFailed !== null
  );
}

/** Why the service refused, as a reason after "无法连接：". */
export function refusalText(reason: string | null): string {
  return REFUSALS[reason ?? ''] ?? '连接被拒绝，请刷新页面';
}

export const UNREACHABLE_TEXT = '无法连接协同编辑服务，修改已保存在本机，恢复后自动合并';

export function collabStatusText(state: SessionState, time: (iso: string) => string, loadedAt: string): string {
  const keptHere = state.localCopy !== 'none';
  if (state.connection === 'refused') return `无法连接：${refusalText(state.refusal)}`;
  if (state.connection === 'offline') return keptHere ? '离线，已保存在本机' : '离线，修改只在本页，请勿关闭';
  if (state.connection === 'unreachable')
    return keptHere || state.readOnly ? UNREACHABLE_TEXT : '无法连接协同编辑服务，修改只在本页，请勿关闭';
  if (state.connection === 'connecting') return '正在连接…';
  if (state.readOnly) return '只读';
  if (state.saveFailed) return `保存失败：${state.saveFailed}`;
  if (state.unsynced > 0) return '正在同步…';
  if (state.pending) return '已连接，等待保存…';
  return `已保存 ${time(state.saved?.at ?? loadedAt)}`;
}
