'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import type { RestoreResult } from '@/lib/collab/actions';

type Props = {
  articleId: string;
  revisionId: string;
  version: number;
  currentVersion: number;
  restore: (articleId: string, revisionId: string, baseVersion: number) => Promise<RestoreResult>;
};

export function RestoreRevisionButton({ articleId, revisionId, version, currentVersion, restore }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="underline"
        onClick={async () => {
          if (!window.confirm(`把稿件恢复为第 ${version} 版？当前内容会保留在历史里。`)) return;
          const result = await restore(articleId, revisionId, currentVersion);
          if (result.ok) router.push(`/newsroom/articles/${articleId}`);
          else setMessage(result.error);
        }}
      >
        恢复此版本
      </button>
      {message ? (
        <span role="alert" className="ml-2 text-red-700">
          {message}
        </span>
      ) : null}
    </span>
  );
}
