'use client';
// Unexpected failures: a friendly Chinese page instead of a stack trace; the digest lets an admin
// find the matching server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto mt-16 max-w-md px-4 text-center">
      <h1 className="text-xl font-bold">出错了</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">页面暂时无法显示，请稍后再试。你填写的内容没有被提交。</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-stone-500">错误编号：{error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 underline">
        重试
      </button>
    </main>
  );
}
