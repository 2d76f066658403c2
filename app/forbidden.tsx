export default function Forbidden() {
  return (
    <main className="mx-auto mt-16 max-w-md px-4 text-center">
      <p className="text-5xl font-bold text-stone-400">403</p>
      <h1 className="mt-4 text-xl font-bold">没有权限访问此页面</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        你的账号没有打开这个页面的权限。如需开通，请联系管理员。
      </p>
      <p className="mt-6">
        <a href="/newsroom" className="underline">
          返回工作台
        </a>
      </p>
    </main>
  );
}
