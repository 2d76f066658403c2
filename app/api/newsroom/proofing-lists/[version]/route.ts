// 审校词库 for the editor's check in the browser (lib/proofing/list-route.ts): anyone in the newsroom,
// cached by their browser under the lists' version (the last part of the path).
import { db } from '@/lib/db';
import { privateRoute } from '@/lib/http/route';
import { listsResponse } from '@/lib/proofing/list-route';

export const GET = privateRoute({ capability: 'newsroom:enter', ownCache: true }, async (request) => {
  const version = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
  return listsResponse(db, version, request.headers.get('if-none-match'));
});
