// What the co-editing editor's status line and refusal notice say (Chinese, the newsroom's words).
import type { CollabState } from './use-collab';

export function collabStatusText(state: CollabState, time: (iso: string) => string, loadedAt: string): string {
  if (state.connection === 'refused') return '已断开';
  if (state.connection === 'connecting') return '正在连接…';
  if (state.connection === 'offline') return '离线：修改保存在本机，联网后自动合并';
  if (state.readOnly) return '只读';
  if (state.saveRefused) return `保存失败：${state.saveRefused}`;
  if (state.unsynced > 0) return '正在同步…';
  if (state.pending) return '未保存';
  return `已保存 ${time(state.saved?.at ?? loadedAt)}`;
}

const REFUSALS: Record<string, string> = {
  'signed-out': '连接已断开：登录已失效或账号已停用，请重新登录。',
  forbidden: '连接已断开：你已没有这篇稿件的编辑权限。',
  'rights-changed': '你的权限有变化，正在重新连接…',
  'bad-origin': '连接被拒绝：请从本站打开编辑页。',
  'unknown-document': '连接被拒绝：稿件不存在。',
};

export function refusalText(reason: string | null): string {
  return REFUSALS[reason ?? ''] ?? '连接已断开，请刷新页面。';
}
