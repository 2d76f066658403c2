import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { createIssueAction } from '@/lib/issues/actions';
import { MAX_PAGES } from '@/lib/issues/plan';

type Proposal = { number: number; date: string; pageCount: number; pageNames: string[] };

/** 新建一期: the number and date are proposed (last + 1, next publishing day) and can be changed. */
export function NewIssueForm({ proposal }: { proposal: Proposal }) {
  return (
    <ActionForm action={createIssueAction} submitLabel="新建一期" className="grid max-w-3xl gap-3 sm:grid-cols-2">
      <Field label="期号" name="number" type="number" min={1} required defaultValue={proposal.number} />
      <Field label="出版日期" name="date" type="date" required defaultValue={proposal.date} />
      <Field
        label="版数"
        name="pageCount"
        type="number"
        min={1}
        max={MAX_PAGES}
        required
        defaultValue={proposal.pageCount}
      />
      <Field
        label="版名（按版序，用逗号或空格分隔，可留空）"
        name="pageNames"
        defaultValue={proposal.pageNames.join('，')}
      />
    </ActionForm>
  );
}
