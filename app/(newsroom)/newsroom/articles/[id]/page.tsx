import { redirect } from 'next/navigation';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';
import { can } from '@/lib/access/capabilities';
import { getArticleForEditor } from '@/lib/articles/queries';
import { heartbeatAction, leaveArticleAction, mediaLibraryAction, saveArticleAction, trashArticleAction } from '@/lib/articles/actions';
import { ArticleEditor } from '@/components/editor/article-editor';
import { CollabArticleEditor } from '@/components/editor/collab/collab-article-editor';
import { collabEnabled } from '@/lib/collab/enabled';
import { ActionForm } from '@/components/ui/action-form';
import { getWorkflowPanel } from '@/lib/workflow/queries';
import { WorkflowPanel } from '@/components/workflow/workflow-panel';
import { CommentThread } from '@/components/workflow/comment-thread';

export const metadata = { title: '编辑稿件' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}`;
  const user = await requirePageUser('newsroom:enter', path);
  // Admins read stories but never edit them (lib/access/capabilities.ts): they get the read-only preview.
  if (!can(user.role, 'article:edit-own') && can(user.role, 'article:read-any')) redirect(`${path}/preview`);
  const [data, panel] = await orPageDenied(Promise.all([getArticleForEditor(id), getWorkflowPanel(id)]), path);
  return (
    <div className="space-y-6">
      <h1 className="sr-only">编辑稿件</h1>
      {/* With the co-editing server beside it, everyone in the story edits one shared document. */}
      {collabEnabled() ? (
        <CollabArticleEditor story={data.story} me={data.user} statusLabel={panel.statusLabel} people={data.people} library={mediaLibraryAction} />
      ) : (
        <ArticleEditor
          story={data.story}
          statusLabel={panel.statusLabel}
          people={data.people}
          editing={data.editing}
          actions={{ save: saveArticleAction, heartbeat: heartbeatAction, leave: leaveArticleAction, library: mediaLibraryAction }}
        />
      )}
      <WorkflowPanel articleId={data.story.id} panel={panel} />
      <CommentThread articleId={data.story.id} comments={panel.comments} />
      {!panel.live && panel.status !== 'RETRACTED' ? (
        <ActionForm action={trashArticleAction} submitLabel="移入回收站" variant="secondary" confirmText="把这篇稿件移入回收站？编辑可以从回收站恢复。" successText="已移入回收站">
          <input type="hidden" name="articleId" value={data.story.id} />
        </ActionForm>
      ) : null}
    </div>
  );
}
