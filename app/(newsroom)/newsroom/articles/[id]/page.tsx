import { redirect } from 'next/navigation';

import { ChannelPanel } from '@/components/channels/channel-panel';
import { CollabArticleEditor } from '@/components/editor/collab/collab-article-editor';
import { ActionForm } from '@/components/ui/action-form';
import { CommentThread } from '@/components/workflow/comment-thread';
import { WorkflowPanel } from '@/components/workflow/workflow-panel';
import { can } from '@/lib/access/capabilities';
import { mediaLibraryAction, trashArticleAction } from '@/lib/articles/actions';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';
import { getChannelPanel } from '@/lib/channels/queries';
import { editorPageData } from '@/lib/collab/editor-page';
import { editorProofing } from '@/lib/proofing/queries';
import { getWorkflowPanel } from '@/lib/workflow/queries';

export const metadata = { title: '编辑稿件' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}`;
  const user = await requirePageUser('newsroom:enter', path);
  // Admins read stories but never edit them (lib/access/capabilities.ts): they get the read-only preview.
  if (!can(user.role, 'article:edit-own') && can(user.role, 'article:read-any')) redirect(`${path}/preview`);
  const [data, panel, channels, proofing] = await orPageDenied(
    Promise.all([editorPageData(id), getWorkflowPanel(id), getChannelPanel(id), editorProofing(id)]),
    path,
  );
  const { story } = data;
  return (
    <div className="space-y-6">
      <h1 className="sr-only">编辑稿件</h1>
      {/* Everyone in the story edits one shared document; the page carries it, so the text is there at once. */}
      <CollabArticleEditor
        story={{
          id: story.id,
          published: story.published,
          coverMediaId: story.coverMediaId,
          coverUrl: story.coverUrl,
          updatedAt: story.updatedAt,
        }}
        me={data.user}
        statusLabel={panel.statusLabel}
        people={data.people}
        library={mediaLibraryAction}
        access={data.access}
        initial={data.initial}
        proofing={proofing}
      />
      <WorkflowPanel articleId={story.id} panel={panel} />
      {channels ? <ChannelPanel articleId={story.id} panel={channels} /> : null}
      <CommentThread articleId={story.id} comments={panel.comments} />
      {!panel.live && panel.status !== 'RETRACTED' ? (
        <ActionForm
          action={trashArticleAction}
          submitLabel="移入回收站"
          variant="secondary"
          confirmText="把这篇稿件移入回收站？编辑可以从回收站恢复。"
          successText="已移入回收站"
        >
          <input type="hidden" name="articleId" value={story.id} />
        </ActionForm>
      ) : null}
    </div>
  );
}
