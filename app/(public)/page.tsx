import { IssuePage } from '@/components/public/issue-page';
import { getIssuePage, getLatestIssueNumber } from '@/lib/reader/queries';

export default async function FrontPage() {
  const latest = await getLatestIssueNumber();
  const view = latest === null ? null : await getIssuePage(latest, 1);
  if (!view) {
    return (
      <main id="main" className="py-16 text-center text-stone-600">
        <p>还没有出版的报纸。</p>
      </main>
    );
  }
  return <IssuePage view={view} />;
}
