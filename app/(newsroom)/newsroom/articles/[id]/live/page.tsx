import Link from 'next/link';

import { CollabArticleEditor } from '@/components/editor/collab/collab-article-editor';
import { mediaLibraryAction } from '@/lib/articles/actions';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';
import { watchPageData } from '@/lib/collab/editor-page';

export const metadata = { title: '实时查看', robots: { index: false } };

/** Whoever may read a story (an admin, a reviewer) watches it being edited, without typing. */
export default async function LiveArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}/live`;
  await requirePageUser('newsroom:enter', path);
  const data = await orPageDenied(watchPageData(id), path);
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">实时查看</h1>
      <p className="text-sm">
        <Link href={`/newsroom/articles/${id}/preview`} className="underline">
          预览
        </Link>
      </p>
      <CollabArticleEditor
        story={data.story}
        me={data.user}
        statusLabel="实时"
        people={[]}
        library={mediaLibraryAction}
        access={data.access}
        initial={data.initial}
      />
    </div>
  );
}
