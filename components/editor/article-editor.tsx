'use client';
// The story editor: composes the fields (article-fields.tsx), the cover (cover-field.tsx), the Tiptap body
// on the shared extension list with image insertion (use-image-insertion.ts), autosave with an
// optimistic lock, a local copy and conflict resolution (use-autosave.ts over autosave.ts), and
// presence (use-presence.ts).
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { contentExtensions } from '@/lib/content/extensions';
import { countDocWords } from '@/lib/content/word-count';
import { figuresMissingAlt } from '@/lib/content/figures';
import { generateByline } from '@/lib/articles/byline';
import { formatDateTime, formatTimeOfDay } from '@/lib/dates/format';
import type { ArticleInput } from '@/lib/articles/schemas';
import type { SaveResult } from '@/lib/articles/actions';
import type { ActionResult } from '@/lib/actions/result';
import type { Doc } from '@/lib/content/types';
import { Toolbar } from './toolbar';
import { FigureControls } from './figure-controls';
import type { AuthorValue } from './authors-field';
import { MediaPicker, type LibraryItem } from './media-picker';
import { ConflictDialog } from './conflict-dialog';
import { clearLocalDraft, readLocalDraft, type LocalDraft } from './local-draft';
import { statusText, type Conflict } from './autosave';
import { useAutosave } from './use-autosave';
import { usePresence } from './use-presence';
import { insertFigure, useImageInsertion } from './use-image-insertion';
import { bodyEditorProps } from './body-editor-props';
import { ImageUploadFeedback } from './image-upload-feedback';
import { ArticleFields, type Fields } from './article-fields';
import { CoverField } from './cover-field';
import { inputText, articleText } from './article-text';

type Story = Fields & {
  id: string; version: number; status: string; published: boolean; coverMediaId: string | null; coverUrl: string | null;
  authors: AuthorValue[]; body: Doc; updatedAt: string; updatedBy: string | null;
};
type Actions = {
  save: (articleId: string, baseVersion: number, input: ArticleInput, manual?: boolean) => Promise<SaveResult>;
  heartbeat: (articleId: string) => Promise<ActionResult<{ others: { name: string }[] }>>;
  leave: (articleId: string) => Promise<ActionResult>;
  library: (page: number) => Promise<ActionResult<{ items: LibraryItem[] }>>;
};
/** statusLabel: the story's state in the newsroom's words (lib/workflow/article-label.ts), from the page. */
type Props = { story: Story; statusLabel: string; people: { id: string; name: string; role: 'REPORTER' | 'EDITOR' | 'CHIEF_EDITOR' | 'ADMIN' }[]; editing: { name: string }[]; actions: Actions };

export function ArticleEditor({ story, statusLabel, people, editing, actions }: Props) {
  const [fields, setFields] = useState<Fields>({
    kicker: story.kicker, headline: story.headline, subheadline: story.subheadline, dateline: story.dateline, byline: story.byline, summary: story.summary, slug: story.slug,
  });
  const [authors, setAuthors] = useState<AuthorValue[]>(story.authors);
  const [bylineAuto, setBylineAuto] = useState(story.byline === '' || story.byline === generateByline(story.authors));
  const [cover, setCover] = useState<{ id: string | null; url: string | null }>({ id: story.coverMediaId, url: story.coverUrl });
  const [words, setWords] = useState(() => countDocWords(story.body));
  const [missingAlt, setMissingAlt] = useState(() => figuresMissingAlt(story.body));
  const [restorable, setRestorable] = useState<LocalDraft | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [mergeText, setMergeText] = useState<string | null>(null);
  const [picker, setPicker] = useState<'body' | 'cover' | null>(null);
  const others = usePresence(story.id, editing, actions);

  // Editor callbacks are created once; they reach the live editor through this ref.
  const editorRef = useRef<Editor | null>(null);
  const { uploading, uploadError, fileInput, insertFiles, uploadChosen } = useImageInsertion(editorRef);
  const snapshotRef = useRef<() => ArticleInput>(() => ({ ...fields, authors, coverMediaId: cover.id, body: story.body }));
  const { autosave, status } = useAutosave({
    storyId: story.id,
    version: story.version,
    savedAt: story.updatedAt,
    save: actions.save,
    snapshot: () => snapshotRef.current(),
    onSaved: ({ slug }) => setFields((current) => (current.slug === slug ? current : { ...current, slug })),
    onConflict: setConflict,
  });

  const editor = useEditor({
    extensions: contentExtensions(),
    content: story.body,
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editorProps: bodyEditorProps(insertFiles),
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON() as Doc;
      setWords(countDocWords(json));
      setMissingAlt(figuresMissingAlt(json));
      autosave.changed();
    },
    onBlur: () => void autosave.flush(),
  });

  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  const snapshot = useCallback(
    (): ArticleInput => ({
      ...fields,
      byline: fields.byline,
      authors: authors.filter((author) => author.name.trim()),
      coverMediaId: cover.id,
      // ProseMirror keeps attrs in null-prototype objects, which a server action cannot receive
      // (React would pass them as opaque references): send plain JSON.
      body: editor ? (JSON.parse(JSON.stringify(editor.getJSON())) as Doc) : story.body,
    }),
    [fields, authors, cover.id, editor, story.body],
  );
  useEffect(() => {
    snapshotRef.current = snapshot;
  }, [snapshot]);

  // Field changes go through here; the snapshot is refreshed on the next render, then saved.
  const dirtyAfterRender = useRef(false);
  useEffect(() => {
    if (!dirtyAfterRender.current) return;
    dirtyAfterRender.current = false;
    autosave.changed();
  });
  const setField = (name: keyof Fields, value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    if (name === 'byline') setBylineAuto(value === generateByline(authors));
    dirtyAfterRender.current = true;
  };
  const changeAuthors = (next: AuthorValue[]) => {
    setAuthors(next);
    if (bylineAuto) setFields((current) => ({ ...current, byline: generateByline(next) }));
    dirtyAfterRender.current = true;
  };
  const changeCover = (next: { id: string | null; url: string | null }) => {
    setCover(next);
    dirtyAfterRender.current = true;
    autosave.markDirty();
  };

  // A local copy newer than the server's means the last session ended before it could save.
  useEffect(() => {
    const local = readLocalDraft(story.id);
    if (!local) return;
    if (inputText(local.input) === articleText(story, story.body)) clearLocalDraft(story.id);
    // localStorage exists only in the browser, after hydration: an effect is the place to read it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setRestorable(local);
  }, [story]);

  function loadInto(input: ArticleInput, body: Doc) {
    setFields((current) => ({
      ...current,
      kicker: input.kicker ?? '', headline: input.headline ?? '', subheadline: input.subheadline ?? '', dateline: input.dateline ?? '', byline: input.byline ?? '', summary: input.summary ?? '',
    }));
    if (input.authors) setAuthors(input.authors as AuthorValue[]);
    editor?.commands.setContent(body, { emitUpdate: false });
    setWords(countDocWords(body));
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="rounded bg-stone-200 px-2 py-0.5 dark:bg-stone-700">{statusLabel}</span>
          <span className="ml-3" role="status" aria-live="polite" data-testid="save-status">{statusText(status, formatTimeOfDay)}</span>
          <span className="ml-3 text-stone-600 dark:text-stone-400" data-testid="word-count">字数 {words}</span>
        </p>
        <p className="flex gap-4 text-sm">
          <button type="button" onClick={() => void autosave.saveNow(true)} className="underline">立即保存</button>
          <Link href={`/newsroom/articles/${story.id}/preview`} className="underline" target="_blank">预览</Link>
          <Link href={`/newsroom/articles/${story.id}/history`} className="underline">历史版本</Link>
        </p>
      </div>
      {others.length ? <p role="note" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950">正在由 {others.map((o) => o.name).join('、')} 编辑，请注意协调，避免互相覆盖。</p> : null}
      {restorable ? (
        <div role="alert" className="rounded border border-sky-400 bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950">
          本机有 {formatDateTime(restorable.at)} 未保存的内容。
          <button type="button" className="ml-2 underline" onClick={() => {
            loadInto(restorable.input, restorable.input.body as Doc);
            autosave.rebase(restorable.baseVersion, { kind: 'dirty' });
            setRestorable(null);
            dirtyAfterRender.current = true;
          }}>恢复</button>
          <button type="button" className="ml-2 underline" onClick={() => { clearLocalDraft(story.id); setRestorable(null); }}>丢弃</button>
        </div>
      ) : null}
      {status.kind === 'error' ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{status.message}</p> : null}
      {missingAlt ? <p className="text-sm text-amber-700 dark:text-amber-400">有 {missingAlt} 张图片缺少替代文字，发布前需要补上。</p> : null}
      {mergeText !== null ? (
        <aside aria-label="你的版本" className="rounded border border-stone-300 p-3 text-sm dark:border-stone-700">
          <div className="flex justify-between"><strong>你的版本（供手动合并时复制）</strong><button type="button" className="underline" onClick={() => setMergeText(null)}>关闭</button></div>
          <pre className="mt-2 whitespace-pre-wrap font-sans">{mergeText}</pre>
        </aside>
      ) : null}

      <ArticleFields
        fields={fields}
        onField={setField}
        onLeaveField={() => void autosave.flush()}
        authors={authors}
        people={people}
        onAuthors={changeAuthors}
        bylineAuto={bylineAuto}
        onRegenerateByline={() => { setBylineAuto(true); setField('byline', generateByline(authors)); }}
        published={story.published}
      >
        <CoverField url={cover.url} chosen={cover.id !== null} onChoose={() => setPicker('cover')} onRemove={() => changeCover({ id: null, url: null })} />
      </ArticleFields>

      <div className="rounded border border-stone-400 dark:border-stone-600">
        {editor ? <Toolbar editor={editor} onInsertImage={() => fileInput.current?.click()} /> : null}
        {editor ? <FigureControls editor={editor} /> : null}
        <EditorContent editor={editor} />
        <div className="flex flex-wrap gap-x-3 gap-y-1 border-t border-stone-300 p-2 text-sm dark:border-stone-700">
          <button type="button" className="shrink-0 underline" onClick={() => fileInput.current?.click()}>上传图片</button>
          <button type="button" className="shrink-0 underline" onClick={() => setPicker('body')}>从图库插入</button>
          <span className="text-stone-500">也可以把图片拖进正文或直接粘贴。支持 JPEG、PNG、WebP、GIF，最大 10 MB。</span>
        </div>
        <ImageUploadFeedback uploading={uploading} uploadError={uploadError} fileInput={fileInput} uploadChosen={uploadChosen} />
      </div>

      {picker ? (
        <MediaPicker
          load={actions.library}
          onClose={() => setPicker(null)}
          onPick={(item) => {
            if (picker === 'cover') changeCover({ id: item.id, url: item.url });
            else insertFigure(editor, item);
            setPicker(null);
          }}
        />
      ) : null}

      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          conflict={conflict.snapshot}
          mineText={inputText(conflict.mine)}
          theirsText={articleText(conflict.snapshot.story, conflict.snapshot.story.body)}
          onKeepMine={() => {
            autosave.rebase(conflict.snapshot.version);
            setConflict(null);
            void autosave.saveNow();
          }}
          onTakeTheirs={() => {
            loadInto({ ...conflict.snapshot.story, slug: fields.slug, coverMediaId: cover.id, authors }, conflict.snapshot.story.body);
            autosave.rebase(conflict.snapshot.version, { kind: 'saved', at: conflict.snapshot.savedAt });
            clearLocalDraft(story.id);
            setConflict(null);
          }}
          onMerge={() => {
            setMergeText(inputText(conflict.mine));
            loadInto({ ...conflict.snapshot.story, slug: fields.slug, coverMediaId: cover.id, authors }, conflict.snapshot.story.body);
            autosave.rebase(conflict.snapshot.version, { kind: 'saved', at: conflict.snapshot.savedAt });
            setConflict(null);
          }}
        />
      ) : null}
    </div>
  );
}
