'use client';
// The story editor when the co-editing server runs (docs/architecture.md, "Co-editing"): everyone in
// the story types into one shared document (use-collab.ts); the server writes it into the working copy
// within seconds (saves, revisions, 三审) and says so ('saved' / 'save-refused'). There is no conflict
// dialog and no local-copy prompt: the document is kept in the browser and merges on reconnect.
// A person who may only read (an admin; anyone on a retracted story) sees the changes live.
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import { yCursorPluginKey } from '@tiptap/y-tiptap';
import { contentExtensions } from '@/lib/content/extensions';
import { countDocWords } from '@/lib/content/word-count';
import { figuresMissingAlt } from '@/lib/content/figures';
import { formatTimeOfDay } from '@/lib/dates/format';
import { BODY_FRAGMENT } from '@/lib/collab/story-doc';
import { SEAL_MESSAGE, type Person } from '@/lib/collab/messages';
import type { ActionResult } from '@/lib/actions/result';
import type { Doc } from '@/lib/content/types';
import { Toolbar } from '../toolbar';
import { FigureControls } from '../figure-controls';
import { MediaPicker, type LibraryItem } from '../media-picker';
import { CoverField } from '../cover-field';
import { insertFigure, useImageInsertion } from '../use-image-insertion';
import { bodyEditorProps } from '../body-editor-props';
import { ImageUploadFeedback } from '../image-upload-feedback';
import { CollabCaret } from './caret-extension';
import { SharedFields, useSharedCover } from './shared-fields';
import { useCollab, type Collab, type CollabState } from './use-collab';
import { collabStatusText, refusalText } from './collab-status';

type Story = { id: string; published: boolean; coverMediaId: string | null; coverUrl: string | null; body: Doc; updatedAt: string };
type Props = {
  story: Story;
  me: { id: string };
  statusLabel: string;
  people: { id: string; name: string; role: 'REPORTER' | 'EDITOR' | 'CHIEF_EDITOR' | 'ADMIN' }[];
  library: (page: number) => Promise<ActionResult<{ items: LibraryItem[] }>>;
};

export function CollabArticleEditor(props: Props) {
  const { collab, state } = useCollab(props.story.id, props.me.id);
  if (!collab || !state.ready) {
    return (
      <div className="space-y-2">
        <p role="status" data-testid="save-status">{collabStatusText(state, formatTimeOfDay, props.story.updatedAt)}</p>
        {state.connection === 'refused' ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{refusalText(state.refusal)}</p> : null}
      </div>
    );
  }
  return <LiveEditor {...props} collab={collab} state={state} />;
}

/** Who each awareness client is, as the server last said; read by the caret plugin when it draws. */
class Roster {
  private people: Person[] = [];
  set(people: Person[]): void {
    this.people = people;
  }
  find(clientId: number): Person | undefined {
    return this.people.find((person) => person.clientId === clientId);
  }
}

function LiveEditor({ story, me, statusLabel, people, library, collab, state }: Props & { collab: Collab; state: CollabState }) {
  const { doc, provider } = collab;
  const [words, setWords] = useState(() => countDocWords(story.body));
  const [missingAlt, setMissingAlt] = useState(() => figuresMissingAlt(story.body));
  const [picker, setPicker] = useState<'body' | 'cover' | null>(null);
  const [cover, setCover] = useSharedCover(doc);
  const [coverUrls, setCoverUrls] = useState<Record<string, string>>(story.coverMediaId && story.coverUrl ? { [story.coverMediaId]: story.coverUrl } : {});
  const editable = !state.readOnly && state.connection !== 'refused';

  // The caret plugin asks who a client is; the answer is the server's latest list.
  const [roster] = useState(() => new Roster());
  const editorRef = useRef<Editor | null>(null);
  const { uploading, uploadError, fileInput, insertFiles, uploadChosen } = useImageInsertion(editorRef);
  const editor = useEditor({
    extensions: [
      ...contentExtensions({ undoRedo: false }),
      Collaboration.configure({ document: doc, field: BODY_FRAGMENT }),
      CollabCaret.configure({ awareness: provider.awareness, person: (clientId) => roster.find(clientId) }),
    ],
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editable,
    editorProps: bodyEditorProps(insertFiles),
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON() as Doc;
      setWords(countDocWords(json));
      setMissingAlt(figuresMissingAlt(json));
    },
  });

  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    roster.set(state.people);
    // Redraw the carets with the names just received.
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }));
  }, [editor, roster, state.people]);

  const others = useMemo(() => {
    const seen = new Map<string, Person>();
    for (const person of state.people) if (person.userId !== me.id && !seen.has(person.userId)) seen.set(person.userId, person);
    return [...seen.values()];
  }, [state.people, me.id]);

  return (
    <div className="space-y-4" data-collab={state.connection}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="rounded bg-stone-200 px-2 py-0.5 dark:bg-stone-700">{statusLabel}</span>
          <span className="ml-3" role="status" aria-live="polite" data-testid="save-status">{collabStatusText(state, formatTimeOfDay, story.updatedAt)}</span>
          <span className="ml-3 text-stone-600 dark:text-stone-400" data-testid="word-count">字数 {words}</span>
        </p>
        <p className="flex gap-4 text-sm">
          {editable ? <button type="button" onClick={() => provider.sendStateless(SEAL_MESSAGE)} className="underline">立即保存</button> : null}
          <Link href={`/newsroom/articles/${story.id}/preview`} className="underline" target="_blank">预览</Link>
          <Link href={`/newsroom/articles/${story.id}/history`} className="underline">历史版本</Link>
        </p>
      </div>
      {others.length ? (
        <p role="note" data-testid="collab-people" className="rounded border border-sky-400 bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950">
          也在这篇稿件里：{others.map((person) => (person.readOnly ? `${person.name}（只读）` : person.name)).join('、')}
        </p>
      ) : null}
      {state.readOnly ? <p role="note" className="text-sm">你只能查看：其他人的修改会实时出现在这里。</p> : null}
      {state.connection === 'refused' ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{refusalText(state.refusal)}</p> : null}
      {state.saveRefused ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">没有保存：{state.saveRefused}</p> : null}
      {missingAlt ? <p className="text-sm text-amber-700 dark:text-amber-400">有 {missingAlt} 张图片缺少替代文字，发布前需要补上。</p> : null}

      <SharedFields doc={doc} readOnly={!editable} people={people} published={story.published}>
        {editable ? (
          <CoverField url={cover ? coverUrls[cover] ?? null : null} chosen={cover !== null} onChoose={() => setPicker('cover')} onRemove={() => setCover(null)} />
        ) : null}
      </SharedFields>

      <div className="rounded border border-stone-400 dark:border-stone-600">
        {editor && editable ? <Toolbar editor={editor} onInsertImage={() => fileInput.current?.click()} /> : null}
        {editor && editable ? <FigureControls editor={editor} /> : null}
        <EditorContent editor={editor} />
        {editable ? (
          <div className="flex flex-wrap gap-x-3 gap-y-1 border-t border-stone-300 p-2 text-sm dark:border-stone-700">
            <button type="button" className="shrink-0 underline" onClick={() => fileInput.current?.click()}>上传图片</button>
            <button type="button" className="shrink-0 underline" onClick={() => setPicker('body')}>从图库插入</button>
            <span className="text-stone-500">也可以把图片拖进正文或直接粘贴。支持 JPEG、PNG、WebP、GIF，最大 10 MB。</span>
          </div>
        ) : null}
        <ImageUploadFeedback uploading={uploading} uploadError={uploadError} fileInput={fileInput} uploadChosen={uploadChosen} />
      </div>

      {picker ? (
        <MediaPicker
          load={library}
          onClose={() => setPicker(null)}
          onPick={(item) => {
            if (picker === 'cover') {
              setCoverUrls((current) => ({ ...current, [item.id]: item.url }));
              setCover(item.id);
            } else insertFigure(editor, item);
            setPicker(null);
          }}
        />
      ) : null}
    </div>
  );
}
