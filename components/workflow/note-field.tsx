/** A labelled multi-line note (审核意见, 退回原因, 更正, 撤稿声明) inside a workflow form. */
export function NoteField({
  id,
  name,
  label,
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
}) {
  return (
    <label htmlFor={id} className="flex min-w-[16rem] flex-1 flex-col text-sm">
      {label}
      <textarea
        id={id}
        name={name}
        rows={2}
        maxLength={2000}
        required={required}
        className="mt-1 rounded border border-stone-400 bg-white px-2 py-1 text-base dark:bg-stone-900"
      />
    </label>
  );
}
