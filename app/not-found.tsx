export default function NotFound() {
  return (
    <main id="main" className="mx-auto mt-16 max-w-md px-4 text-center">
      <p className="text-5xl font-bold text-stone-400">404</p>
      <h1 className="mt-4 text-xl font-bold">找不到这个页面</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">链接可能有误，或者稿件尚未发布。</p>
      <p className="mt-6 space-x-4">
        <a href="/" className="underline">
          最新一期
        </a>
        <a href="/archive" className="underline">
          往期
        </a>
      </p>
    </main>
  );
}
