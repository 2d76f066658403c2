'use client';

// One editable field of the import draft. A field the importer is unsure of (or could not find) is
// highlighted until the editor changes it or says it is right.
import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  flagged: boolean;
  onChange: (value: string) => void;
  onChecked: () => void;
  type?: 'text' | 'number' | 'date';
  wide?: boolean;
};

export function DraftInput({ label, value, flagged, onChange, onChecked, type = 'text', wide = false }: Props) {
  const id = useId();
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <div className="flex items-center gap-2 text-xs font-medium text-stone-700 dark:text-stone-300">
        <label htmlFor={id}>{label}</label>
        {flagged ? (
          <span
            id={`${id}-flag`}
            className="rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900 dark:text-amber-100"
          >
            请核对
          </span>
        ) : null}
      </div>
      <div className="mt-0.5 flex gap-1">
        <input
          id={id}
          type={type}
          value={value}
          aria-invalid={flagged ? true : undefined}
          aria-describedby={flagged ? `${id}-flag` : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
          className={`block w-full rounded border px-2 py-1 text-sm dark:bg-stone-900 ${flagged ? 'border-amber-500 bg-amber-50 ring-1 ring-amber-400 dark:bg-amber-950' : 'border-stone-400 bg-white'}`}
        />
        {flagged && value ? (
          <button
            type="button"
            onClick={onChecked}
            aria-label={`${label}没问题`}
            className="shrink-0 rounded border border-stone-400 px-2 text-xs hover:bg-stone-100 dark:hover:bg-stone-800"
          >
            没问题
          </button>
        ) : null}
      </div>
    </div>
  );
}
