'use client';
// The story editor: fields, the Tiptap body on the shared extension list, autosave with an
// optimistic lock, a local copy against crashes, conflict resolution and presence.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { contentExtensions } from '@/lib/content/extensions';
import { cleanPastedHtml } from '@/lib/content/paste';
import { countDocWords } from '@/lib/content/word-count';
import { toPlainText } from '@/lib/content/plain-text';
import { figuresMissingAlt } from '@/lib/content/figures';
import { generateByline } from '@/lib/articles/byline';
import { formatDateTime, formatTimeOfDay } from '@/lib/dates/format';
import type { StoryInput } from '@/lib/articles/schemas';
import type { ConflictSnapshot, SaveResult } from '@/lib/articles/actions';
import type { ActionResult } from '@/lib/actions/result';
import type { Doc } from '@/lib/content/types';
import { Toolbar } from './toolbar';
import { FigureControls } from './figure-controls';
import { AuthorsField, type AuthorValue } from './authors-field';
import { MediaPicker, type LibraryItem } from './media-picker';
import { ConflictDialog } from './conflict-dialog';
import { clearLocalDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft';
import { uploadImage } from './upload-image';
import { SaveQueue } from './save-queue';

type Fields = { kicker: string; headline: string; subheadline: string; dateline: string; byline: string; summary: string; slug: string };
type Story = Fields & {
  id: string; version: number; status: string; published: boolean; coverMediaId: string | null; coverUrl: string | null;
  authors: AuthorValue[]; body: Doc; updatedAt: string; updatedBy: string | null;
};
type Media = { id: string; url: string; alt: string; caption: string | null; width: number; height: number };
type Actions = {
  save: (articleId: string, baseVersion: number, input: StoryInput, manual?: boolean) => Promise<SaveResult>;
  heartbeat: (articleId: string) => Promise<ActionResult<{ others: { name: string }[] }>>;
  leave: (articleId: string) => Promise<ActionResult>;
  library: (page: number) => Promise<ActionResult<{ items: LibraryItem[] }>>;
};
/** statusLabel: the story's state in the newsroom's words (lib/articles/story-label.ts), from the page. */
type Props = { story: Story; statusLabel: string; people: { id: string; name: string; role: 'REPORTER' | 'EDITOR' | 'CHIEF_EDITOR' | 'ADMIN' }[]; editing: { name: string }[]; actions: Actions };

type Status = { kind: 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'; at?: string; message?: string };

const AUTOSAVE_MS = 2500;
const HEARTBEAT_MS = 15_000;

function timeText(iso: string | undefined): string {
  return iso ? formatTimeOfDay(iso) : '';
}

function storyText(fields: Pick<Fields, 'kicker' | 'headline' | 'subheadline' | 'byline'>, body: Doc): string {
  return [fields.kicker, fields.headline, fields.subheadline, fields.byline, toPlainText(body)].filter(Boolean).join('\n');
}

export function StoryEditor({ story, statusLabel, people, editing, actions }: Props) {
  const [fields, setFields] = useState<Fields>({
    kicker: story.kicker, headline: story.headline, subheadline: story.subheadline, dateline: story.dateline, byline: story.byline, summary: story.summary, slug: story.slug,
  });
  const [authors, setAuthors] = useState<AuthorValue[]>(story.authors);
  const [bylineAuto, setBylineAuto] = useState(story.byline === '' || story.byline === generateByline(story.authors));
  const [cover, setCover] = useState<{ id: string | null; url: string | null }>({ id: story.coverMediaId, url: story.coverUrl });
  const [status, setStatus] = useState<Status>({ kind: 'saved', at: story.updatedAt });
  const [words, setWords] = useState(() => countDocWords(story.body));
  const [missingAlt, setMissingAlt] = useState(() => figuresMissingAlt(story.body));
  const [others, setOthers] = useState(editing);
  const [restorable, setRestorable] = useState<LocalDraft | null>(null);
  const [conflict, setConflict] = useState<{ message: string; snapshot: ConflictSnapshot; mine: StoryInput } | null>(null);
  const [mergeText, setMergeText] = useState<string | null>(null);
  const [picker, setPicker] = useState<'body' | 'cover' | null>(null);
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const version = useRef(story.version);
  const changeCount = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const snapshotRef = useRef<() => StoryInput>(() => ({ ...fields, authors, coverMediaId: cover.id, body: story.body }));
  const fileInput = useRef<HTMLInputElement>(null);
  // Editor callbacks are created once; they reach the live editor through this ref.
  const editorRef = useRef<Editor | null>(null);

  const editor = useEditor({
    extensions: contentExtensions(),
    content: story.body,
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: { class: 'story-body editor-body min-h-[50vh] p-4 focus:outline-none', 'aria-label': '正文', role: 'textbox', 'aria-multiline': 'true' },
      transformPastedHTML: cleanPastedHtml,
      handlePaste: (_view, event) => insertFiles(Array.from(event.clipboardData?.files ?? [])),
      handleDrop: (view, event) => {
        const files = Array.from((event as DragEvent).dataTransfer?.files ?? []);
        // Images land where they were dropped: move the cursor there before the upload starts.
        const at = files.length ? view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY }) : null;
        if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
        return insertFiles(files);
      },
    },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON() as Doc;
      setWords(countDocWords(json));
      setMissingAlt(figuresMissingAlt(json));
      markDirty();
    },
    onBlur: () => void flush(),
  });

  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  const snapshot = useCallback(
    (): StoryInput => ({
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

  const manualSave = useRef(false);
  // Reads the version the previous save returned, when it starts: saves run one at a time (SaveQueue).
  const runSave = useCallback(async () => {
    const input = snapshotRef.current();
    const count = changeCount.current;
    // 立即保存 closes the rolling autosave revision on the server; the flag goes with the next save.
    const manual = manualSave.current;
    manualSave.current = false;
    setStatus({ kind: 'saving' });
    let result: SaveResult;
    try {
      result = await actions.save(story.id, version.current, input, manual);
    } catch {
      setStatus({ kind: 'error', message: '网络或服务器错误，内容已保存在本机，稍后会重试' });
      return;
    }
    if (result.ok) {
      version.current = result.version;
      setFields((current) => (current.slug === result.slug ? current : { ...current, slug: result.slug }));
      if (count === changeCount.current) {
        clearLocalDraft(story.id);
        setStatus({ kind: 'saved', at: result.savedAt });
      } else {
        setStatus({ kind: 'dirty' });
      }
    } else if ('conflict' in result) {
      setConflict({ message: result.error, snapshot: result.conflict, mine: input });
      setStatus({ kind: 'conflict', message: result.error });
    } else {
      const details = Object.values(result.fieldErrors ?? {}).join('；');
      setStatus({ kind: 'error', message: details ? `${result.error}：${details}` : result.error });
    }
  }, [actions, story.id]);
  const runSaveRef = useRef(runSave);
  useEffect(() => {
    runSaveRef.current = runSave;
  }, [runSave]);
  const saves = useRef<SaveQueue | null>(null);
  const save = useCallback(() => {
    saves.current ??= new SaveQueue(() => runSaveRef.current());
    return saves.current.request();
  }, []);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
      await save();
    }
  }, [save]);

  const markDirty = useCallback(() => {
    changeCount.current += 1;
    setStatus((current) => (current.kind === 'conflict' ? current : { kind: 'dirty' }));
    writeLocalDraft(story.id, { baseVersion: version.current, at: new Date().toISOString(), input: snapshotRef.current() });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save();
    }, AUTOSAVE_MS);
  }, [save, story.id]);

  // Field changes go through here; the snapshot is refreshed on the next render, then saved.
  const dirtyAfterRender = useRef(false);
  useEffect(() => {
    if (!dirtyAfterRender.current) return;
    dirtyAfterRender.current = false;
    markDirty();
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

  // A local copy newer than the server's means the last session ended before it could save.
  useEffect(() => {
    const local = readLocalDraft(story.id);
    if (!local) return;
    const serverText = storyText(story, story.body);
    const localText = storyText({ kicker: local.input.kicker ?? '', headline: local.input.headline ?? '', subheadline: local.input.subheadline ?? '', byline: local.input.byline ?? '' }, local.input.body as Doc);
    if (localText === serverText) clearLocalDraft(story.id);
    // localStorage exists only in the browser, after hydration: an effect is the place to read it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setRestorable(local);
  }, [story]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (timer.current || saves.current?.busy || status.kind === 'dirty' || status.kind === 'error' || status.kind === 'conflict') {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [status.kind]);

  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await actions.heartbeat(story.id).catch(() => null);
      if (!stopped && result?.ok) setOthers(result.others);
    };
    void beat();
    const interval = setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
      void actions.leave(story.id);
    };
  }, [actions, story.id]);

  function loadInto(input: StoryInput, body: Doc) {
    setFields((current) => ({
      ...current,
      kicker: input.kicker ?? '', headline: input.headline ?? '', subheadline: input.subheadline ?? '', dateline: input.dateline ?? '', byline: input.byline ?? '', summary: input.summary ?? '',
    }));
    if (input.authors) setAuthors(input.authors as AuthorValue[]);
    editor?.commands.setContent(body, { emitUpdate: false });
    setWords(countDocWords(body));
  }

  async function upload(file: File): Promise<Media | null> {
    setUploadError(null);
    setUploading({ name: file.name, fraction: 0 });
    const result = await uploadImage(file, (fraction) => setUploading({ name: file.name, fraction }));
    setUploading(null);
    if (!result.ok) {
      setUploadError(`${file.name}：${result.error}`);
      return null;
    }
    return result.media;
  }

  function insertFigure(current: Editor | null, media: Media | LibraryItem) {
    // After the selection, never over it: a figure just inserted is selected, and a second upload
    // finishing must not replace it (nor may an upload replace text the writer had selected).
    if (!current) return;
    current.chain().focus().insertContentAt(current.state.selection.to, { type: 'figure', attrs: { src: 'fullUrl' in media ? media.fullUrl : media.url, alt: media.alt, caption: media.caption ?? '', mediaId: media.id, width: media.width, height: media.height } }).run();
  }

  function insertFiles(files: File[]): boolean {
    const images = files.filter((file) => file.type.startsWith('image/') || /\.(jpe?g|png|gif|webp|svg)$/i.test(file.name));
    if (images.length === 0) return false;
    void (async () => {
      for (const file of images) {
        const media = await upload(file);
        if (media) insertFigure(editorRef.current, media);
      }
    })();
    return true;
  }

  const statusText = useMemo(() => {
    switch (status.kind) {
      case 'saved': return `已保存 ${timeText(status.at)}`;
      case 'saving': return '正在保存…';
      case 'dirty': return '未保存';
      case 'conflict': return '保存冲突';
      default: return `保存失败：${status.message ?? ''}`;
    }
  }, [status]);

  const input = 'mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900';
  const field = (name: keyof Fields, label: string, props: Record<string, unknown> = {}) => (
    <label className="block text-sm font-medium">
      {label}
      <input value={fields[name]} onChange={(event) => setField(name, event.target.value)} onBlur={() => void flush()} className={input} {...props} />
    </label>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="rounded bg-stone-200 px-2 py-0.5 dark:bg-stone-700">{statusLabel}</span>
          <span className="ml-3" role="status" aria-live="polite" data-testid="save-status">{statusText}</span>
          <span className="ml-3 text-stone-600 dark:text-stone-400" data-testid="word-count">字数 {words}</span>
        </p>
        <p className="flex gap-4 text-sm">
          <button type="button" onClick={() => { manualSave.current = true; void save(); }} className="underline">立即保存</button>
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
            version.current = restorable.baseVersion;
            setRestorable(null);
            dirtyAfterRender.current = true;
            setStatus({ kind: 'dirty' });
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

      <div className="grid gap-3 sm:grid-cols-2">
        {field('kicker', '引题')}
        {field('subheadline', '副题')}
        <div className="sm:col-span-2">{field('headline', '主题（必填）', { 'aria-required': true, className: `${input} text-xl font-bold` })}</div>
        {field('dateline', '电头')}
        <div>
          {field('byline', '署名（按作者自动生成，可修改）')}
          {!bylineAuto ? <button type="button" className="text-xs underline" onClick={() => { setBylineAuto(true); setField('byline', generateByline(authors)); }}>按作者重新生成</button> : null}
        </div>
        <div className="sm:col-span-2"><AuthorsField authors={authors} people={people} onChange={changeAuthors} /></div>
        <div className="sm:col-span-2">
          <label className="block text-sm font-medium">
            摘要
            <textarea value={fields.summary} onChange={(event) => setField('summary', event.target.value)} onBlur={() => void flush()} rows={2} className={input} />
          </label>
        </div>
        {field('slug', story.published ? '网址（已发布，不能修改）' : '网址（拼音，发布后不再改变）', { readOnly: story.published })}
        <div className="text-sm">
          <span className="font-medium">题图</span>
          <div className="mt-1 flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own web copy */}
            {cover.url ? <img src={cover.url} alt="题图" className="h-16 w-24 object-cover" /> : <span className="text-stone-500">未设置</span>}
            <button type="button" className="underline" onClick={() => setPicker('cover')}>选择</button>
            {cover.id ? <button type="button" className="underline" onClick={() => { setCover({ id: null, url: null }); dirtyAfterRender.current = true; setStatus({ kind: 'dirty' }); }}>移除</button> : null}
          </div>
        </div>
      </div>

      <div className="rounded border border-stone-400 dark:border-stone-600">
        {editor ? <Toolbar editor={editor} onInsertImage={() => fileInput.current?.click()} /> : null}
        {editor ? <FigureControls editor={editor} /> : null}
        <EditorContent editor={editor} />
        <div className="flex flex-wrap gap-x-3 gap-y-1 border-t border-stone-300 p-2 text-sm dark:border-stone-700">
          <button type="button" className="shrink-0 underline" onClick={() => fileInput.current?.click()}>上传图片</button>
          <button type="button" className="shrink-0 underline" onClick={() => setPicker('body')}>从图库插入</button>
          <span className="text-stone-500">也可以把图片拖进正文或直接粘贴。支持 JPEG、PNG、WebP、GIF，最大 10 MB。</span>
        </div>
        {uploading ? (
          <p role="status" className="flex items-center gap-2 border-t border-stone-300 p-2 text-sm dark:border-stone-700" data-testid="upload-progress">
            正在上传 {uploading.name}
            <progress max={1} value={uploading.fraction} aria-label="上传进度" className="w-40" />
            {Math.round(uploading.fraction * 100)}%
          </p>
        ) : null}
        {uploadError ? <p role="alert" className="border-t border-stone-300 p-2 text-sm text-red-700 dark:border-stone-700 dark:text-red-400">图片没有上传：{uploadError}</p> : null}
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          aria-label="选择要上传的图片"
          className="sr-only"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            const media = await upload(file);
            if (media) insertFigure(editor, media);
          }}
        />
      </div>

      {picker ? (
        <MediaPicker
          load={actions.library}
          onClose={() => setPicker(null)}
          onPick={(item) => {
            if (picker === 'cover') {
              setCover({ id: item.id, url: item.url });
              dirtyAfterRender.current = true;
              setStatus({ kind: 'dirty' });
            } else insertFigure(editor, item);
            setPicker(null);
          }}
        />
      ) : null}

      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          conflict={conflict.snapshot}
          mineText={storyText({ kicker: conflict.mine.kicker ?? '', headline: conflict.mine.headline ?? '', subheadline: conflict.mine.subheadline ?? '', byline: conflict.mine.byline ?? '' }, conflict.mine.body as Doc)}
          theirsText={storyText(conflict.snapshot.story, conflict.snapshot.story.body)}
          onKeepMine={() => {
            version.current = conflict.snapshot.version;
            setConflict(null);
            void save();
          }}
          onTakeTheirs={() => {
            loadInto({ ...conflict.snapshot.story, slug: fields.slug, coverMediaId: cover.id, authors }, conflict.snapshot.story.body);
            version.current = conflict.snapshot.version;
            clearLocalDraft(story.id);
            setConflict(null);
            setStatus({ kind: 'saved', at: conflict.snapshot.savedAt });
          }}
          onMerge={() => {
            setMergeText(storyText({ kicker: conflict.mine.kicker ?? '', headline: conflict.mine.headline ?? '', subheadline: conflict.mine.subheadline ?? '', byline: conflict.mine.byline ?? '' }, conflict.mine.body as Doc));
            loadInto({ ...conflict.snapshot.story, slug: fields.slug, coverMediaId: cover.id, authors }, conflict.snapshot.story.body);
            version.current = conflict.snapshot.version;
            setConflict(null);
            setStatus({ kind: 'saved', at: conflict.snapshot.savedAt });
          }}
        />
      ) : null}
    </div>
  );
}
