import type { ImportPreview } from '@/lib/importer/actions';
import { FormError } from '@/components/ui/form-message';

const CONFIDENCE = { high: '确定', medium: '较确定', low: '请核对' } as const;
const FIELD_NAMES: Record<string, string> = {
  date: '日期', number: '期号', lunar: '农历', weekday: '星期', name: '刊名', publisher: '编印', pageCount: '版数', hotline: '热线',
  qrLabels: '二维码说明', address: '地址', postcode: '邮编', kicker: '引题', headline: '主题', subheadline: '副题', dateline: '电头',
  byline: '署名', continuedOn: '转版', editorsNote: '编者按', photo: '图片署名',
};

/** What the importer found, before anything is written. */
export function ImportReportView({ preview }: { preview: ImportPreview }) {
  const { report } = preview;
  return (
    <section aria-labelledby="report-heading" className="space-y-4 rounded border border-stone-300 p-4 dark:border-stone-700">
      <h2 id="report-heading" className="text-lg font-semibold">
        预览：第{preview.number || '?'}期 {preview.date} · {preview.pageCount}版 · {preview.stories.length}篇稿件
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">文件 {preview.fileName}，编码 {preview.encoding}。导入后是未出版的草稿期次，稿件需要审核、排版后才会发布。</p>
      {preview.problems.length ? <FormError>{preview.problems.join('；')}</FormError> : null}
      {preview.existing === 'published' ? <FormError>第{preview.number}期已出版，不能用导入覆盖。</FormError> : null}
      <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
        {Object.entries(report.masthead).map(([name, found]) => (
          <div key={name} className="contents"><dt>{FIELD_NAMES[name] ?? name}</dt><dd>{found.value} <span className="text-stone-500">（{CONFIDENCE[found.confidence]}）</span></dd></div>
        ))}
      </dl>
      <ol className="space-y-3">
        {report.stories.map((story, index) => (
          <li key={`${story.line}-${index}`} className="rounded border border-stone-200 p-3 dark:border-stone-800">
            <p className="font-semibold">第{story.page}版 · {story.headline || '（无标题）'}</p>
            <p className="text-sm text-stone-600 dark:text-stone-400">{story.paragraphs}段 · {story.headings}个小标题 · {story.tables}个表格 · 始于第{story.line}行</p>
            <ul className="mt-1 text-sm">
              {Object.entries(story.fields).map(([name, found]) => (
                <li key={name}>{FIELD_NAMES[name] ?? name}：{found.value} <span className={found.confidence === 'low' ? 'text-amber-700 dark:text-amber-400' : 'text-stone-500'}>（{CONFIDENCE[found.confidence]}）</span></li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {report.unplaced.length ? (
        <div>
          <h3 className="font-semibold">未能归类的行</h3>
          <ul className="text-sm">{report.unplaced.map((line) => <li key={line.line}>第{line.line}行：{line.text}</li>)}</ul>
        </div>
      ) : null}
      {report.warnings.length ? <ul className="text-sm text-amber-700 dark:text-amber-400">{report.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul> : null}
    </section>
  );
}
