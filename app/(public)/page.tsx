import { connection } from 'next/server';
import { Masthead } from '@/components/public/masthead';
import { FrontPageStories } from '@/components/public/front-page-stories';
import { getFrontPage } from '@/lib/issues/queries';

export default async function FrontPage() {
  // Visibility depends on the time of the request (scheduled issues), so this page is never prerendered.
  await connection();
  const front = await getFrontPage();
  if (!front) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-16 text-center text-stone-600">
        <p>还没有出版的报纸。</p>
      </main>
    );
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <Masthead publication={front.publication} issue={front.issue} />
      <main>
        <section aria-labelledby="page-1-heading" className="mt-6">
          <h2 id="page-1-heading" className="border-b border-stone-400 pb-1 text-sm font-semibold tracking-widest">
            第1版{front.pages[0]?.name ? `：${front.pages[0].name}` : ''}
          </h2>
          <FrontPageStories stories={front.stories} />
        </section>
      </main>
    </div>
  );
}
