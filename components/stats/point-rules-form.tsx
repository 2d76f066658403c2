'use client';

// 考核设置: the center's point rules. The length bands and reach bonuses are rows the chief editor can
// add and remove; the boxes are text with a decimal keypad, not number inputs, so a bad value reaches
// the server and is refused there with a Chinese line naming the box (lib/stats/rules-form.ts), the same
// in every browser. Nothing resets after a save: what is shown is what was saved.
import { useState } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import { FormError, FormSuccess } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { savePointRulesAction } from '@/lib/stats/actions';
import type { PointRules } from '@/lib/stats/points';
import { MAX_RULE_ROWS, RULE_FIELDS } from '@/lib/stats/rules-form';

type Column = { name: string; label: string };
type Row = { key: number; values: string[] };

const BAND_COLUMNS: Column[] = [
  { name: 'bandMinChars', label: '起始字数' },
  { name: 'bandPrint', label: '见报（分）' },
  { name: 'bandWeb', label: '仅网络（分）' },
];
const REACH_COLUMNS: Column[] = [
  { name: 'reachMinReads', label: '阅读数达到' },
  { name: 'reachPoints', label: '加分' },
];

const INPUT =
  'mt-1 block w-full min-w-0 rounded border border-stone-400 bg-white px-2 py-1.5 text-base dark:bg-stone-900';

function RowsEditor({
  legend,
  hint,
  columns,
  initial,
  addLabel,
}: {
  legend: string;
  hint: string;
  columns: Column[];
  initial: (string | number)[][];
  addLabel: string;
}) {
  const [rows, setRows] = useState<Row[]>(() => initial.map((values, key) => ({ key, values: values.map(String) })));
  const [nextKey, setNextKey] = useState(initial.length);
  const id = columns[0]!.name;
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint`}>
      <legend className="font-medium">{legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
        {hint}
      </p>
      <ol className="space-y-2">
        {rows.map((row, index) => (
          <li key={row.key} className="flex items-end gap-2" data-testid={`${id}-row`}>
            <span className="w-12 shrink-0 pb-2 text-sm text-stone-600">第 {index + 1} 档</span>
            {columns.map((column, at) => (
              <label key={column.name} className="min-w-0 flex-1 text-sm">
                {column.label}
                <input
                  name={column.name}
                  inputMode="decimal"
                  autoComplete="off"
                  aria-label={`第 ${index + 1} 档${column.label}`}
                  value={row.values[at] ?? ''}
                  onChange={(event) =>
                    setRows((current) =>
                      current.map((candidate) =>
                        candidate.key === row.key
                          ? {
                              ...candidate,
                              values: candidate.values.map((v, i) => (i === at ? event.target.value : v)),
                            }
                          : candidate,
                      ),
                    )
                  }
                  className={INPUT}
                />
              </label>
            ))}
            <button
              type="button"
              className={`${buttonClass('secondary')} shrink-0`}
              aria-label={`删除第 ${index + 1} 档`}
              onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
            >
              删除
            </button>
          </li>
        ))}
      </ol>
      {rows.length < MAX_RULE_ROWS ? (
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() => {
            setRows((current) => [...current, { key: nextKey, values: columns.map(() => '') }]);
            setNextKey((key) => key + 1);
          }}
        >
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

function Single({ name, rules, hint }: { name: keyof typeof RULE_FIELDS; rules: PointRules; hint?: string }) {
  return (
    <label className="block text-sm">
      <span className="font-medium">{RULE_FIELDS[name]}</span>
      <input
        name={name}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={rules[name]}
        className={INPUT}
        aria-describedby={hint ? `${name}-hint` : undefined}
      />
      {hint ? (
        <span id={`${name}-hint`} className="mt-1 block text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </span>
      ) : null}
    </label>
  );
}

export function PointRulesForm({ rules }: { rules: PointRules }) {
  const { state, pending, formRef, onSubmit, formAction } = useKeptForm(savePointRulesAction);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="max-w-3xl space-y-6">
      <RowsEditor
        legend="每篇稿件：按字数分档"
        hint="第 1 档从 0 字开始，往下逐档增加；见报的稿件按「见报」计分，只在网站等渠道发的按「仅网络」计分。整行留空保存即删除该档。"
        columns={BAND_COLUMNS}
        initial={rules.bands.map((band) => [band.minChars, band.print, band.web])}
        addLabel="添加字数档次"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Single
          name="perPhoto"
          rules={rules}
          hint="每张图片（含题图）的分，给署「摄影」的人；没有摄影署名时给全部作者"
        />
        <Single name="perChannel" rules={rules} hint="网站之外每发到一个渠道（公众号、客户端、微博）加的分" />
        <Single name="frontPageBonus" rules={rules} hint="登在第 1 版加的分" />
        <Single name="leadBonus" rules={rules} hint="第 1 版的头条再加的分" />
      </div>
      <RowsEditor
        legend="传播：阅读数达到即加分"
        hint="按稿件当月的阅读数（网站和客户端）取达到的最高一档；可以不设。"
        columns={REACH_COLUMNS}
        initial={rules.reach.map((bonus) => [bonus.minReads, bonus.points])}
        addLabel="添加阅读数档次"
      />
      <fieldset className="space-y-2">
        <legend className="font-medium">稿费（元）</legend>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          不按件计酬的填 0。三项相加：分数 × 每分稿费 + 每篇稿费 + 字数 ÷ 1000 × 每千字稿费；多人署名的稿件平分。
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Single name="feePerPoint" rules={rules} />
          <Single name="feePerArticle" rules={rules} />
          <Single name="feePerThousandChars" rules={rules} />
        </div>
      </fieldset>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        修改后的规则用于所有还没有结账的月份（包括已经过去但没有结账的月份）；已经结账的月份保留结账时的规则和数字，不再变化。
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton busy={pending}>保存计分规则</SubmitButton>
      </div>
      {state && !state.ok ? <FormError>{state.error}</FormError> : null}
      {state?.ok ? <FormSuccess>计分规则已保存</FormSuccess> : null}
    </form>
  );
}
