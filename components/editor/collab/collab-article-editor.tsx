'use client';

// The story editor (docs/architecture.md, "Co-editing"): everyone in the story types into one shared
// document; the co-editing service writes it into the working copy within seconds (saves, revisions,
// 三审) and says so. The page hands over the story's document, so the text is there and editable at
// once, whether the socket connects, is refused or the service is down (collab-session.ts); a person
// who may only read (an admin, anyone on a story in review or retracted) sees it read-only, live.
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { yCursorPluginKey } from '@tiptap/y-tiptap';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';

import type { Actor } from '@/lib/access/actor';
import type { ActionResult } from '@/lib/actions/result';
import { BODY_FRAGMENT, readArticleDoc } from '@/lib/collab/article-doc';
import type { Participant } from '@/lib/collab/messages';
import { contentExtensions } from '@/lib/content/extensions';
import { figuresMissingAlt } from '@/lib/content/figures';
import type { Doc } from '@/lib/content/types';
import { countDocWords } from '@/lib/content/word-count';
import { formatTimeOfDay } from '@/lib/dates/format';
import type { EditorProofing } from '@/lib/proofing/queries';

import type { BylineCandidate } from '../authors-field';
import { bodyEditorProps } from '../body-editor-props';
import { CoverField } from '../cover-field';
import { FigureControls } from '../figure-controls';
import { ImageUploadFeedback } from '../image-upload-feedback';
import { MediaPicker, type LibraryItem } from '../media-picker';
import { ProofingBar } from '../proofing-bar';
import { findBodyHits, PROOFING_PLUGIN_KEY, proofingPlugin, showHits } from '../proofing-plugin';
import { Toolbar } from '../toolbar';
import { insertFigure, useImageInsertion } from '../use-image-insertion';
import { useProofingLists } from '../use-proofing-lists';
import { CARET_PLUGIN_KEY, caretPlugin } from './caret-plugin';
import { documentFrom, type Access, type InitialDocument } from './collab-session';
import { collabStatusText, refusalAdvice, statusNeedsAttention } from './collab-status';
import { OfferedText } from './offered-text';
import { SharedFields, useSharedCover } from './shared-fields';
import { useCollabSession } from './use-collab-session';

type Article = {
  id: string;
  published: boolean;
  coverMediaId: string | null;
  coverUrl: string | null;
  updatedAt: string;
};
type Props = {
  story: Article;
  me: Pick<Actor, 'id'>;
  statusLabel: string;
  people: BylineCandidate[];
  library: (page: number) => Promise<ActionResult<{ items: LibraryItem[] }>>;
  /** What the page computed from the person's rights (lib/collab/access.ts): type, or only read. */
  access: Access;
  /** The story's shared document as stored (lib/collab/stored-document.ts). */
  initial: InitialDocument;
  /** 审校: the lists' version (fetched, then checked in the browser as the person types) and the entries this story ignores (none: no check, the live view). */
  proofing?: EditorProofing;
};

/**
 * After a 'stale-copy' refusal the page's data is loaded again; the editor starts again after this long
 * even if the generation did not change (the service may still hold the old document for a moment,
 * lib/collab/extensions/authentication.ts, and is asked again).
 */
const STALE_RETRY_MS = 1_500;

export function CollabArticleEditor(props: Props) {
  const router = useRouter();
  // Kept above the editor: a stale page reloads its data and the editor starts again, the text stays offered.
  const [offered, setOffered] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const offer = useCallback(
    (text: string) => setOffered((current) => (current.includes(text) ? current : [...current, text])),
    [],
  );
  const reload = useCallback(() => {
    router.refresh();
    window.setTimeout(() => setAttempt((count) => count + 1), STALE_RETRY_MS);
  }, [router]);
  return (
    <div className="space-y-4">
      {offered.map((text) => (
        <OfferedText
          key={text}
          text={text}
          onClose={() => setOffered((current) => current.filter((kept) => kept !== text))}
        />
      ))}
      {/* Another generation is another document: a new editor, never a merge into this one. */}
      <ArticleEditor key={`${props.initial.generation}:${attempt}`} {...props} onOffer={offer} onStale={reload} />
    </div>
  );
}

/** Who each awareness client is, as the server last said; read by the caret plugin when it draws. */
class Roster {
  private people: Participant[] = [];
  set(people: Participant[]): void {
    this.people = people;
  }
  find(clientId: number): Participant | undefined {
    return this.people.find((person) => person.clientId === clientId);
  }
}

function ArticleEditor({
  story,
  me,
  statusLabel,
  people,
  library,
  access,
  initial,
  proofing,
  onOffer,
  onStale,
}: Props & { onOffer: (text: string) => void; onStale: () => void }) {
  const pathname = usePathname();
  const [doc] = useState<Y.Doc>(() => documentFrom(initial));
  const { session, state } = useCollabSession({
    articleId: story.id,
    userId: me.id,
    access,
    doc,
    initial,
    onOffer,
    onStale,
  });
  const [firstBody] = useState<Doc>(() => readArticleDoc(doc).body);
  const [words, setWords] = useState(() => countDocWords(firstBody));
  const [missingAlt, setMissingAlt] = useState(() => figuresMissingAlt(firstBody));
  const [picker, setPicker] = useState<'body' | 'cover' | null>(null);
  const [cover, setCover] = useSharedCover(doc);
  const [coverUrls, setCoverUrls] = useState<Record<string, string>>(
    story.coverMediaId && story.coverUrl ? { [story.coverMediaId]: story.coverUrl } : {},
  );
  const editable = state.editable;

  // The caret plugin asks who a client is; the answer is the server's latest list.
  const [roster] = useState(() => new Roster());
  const editorRef = useRef<Editor | null>(null);
  const { uploading, uploadError, fileInput, insertFiles, uploadChosen } = useImageInsertion(editorRef);
  const editor = useEditor({
    extensions: [
      ...contentExtensions({ undoRedo: false }),
      Collaboration.configure({ document: doc, field: BODY_FRAGMENT }),
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
  // Others' carets, once the session's socket (and its awareness) exists.
  useEffect(() => {
    const awareness = session?.awareness;
    if (!editor || editor.isDestroyed || !awareness) return;
    editor.registerPlugin(caretPlugin(awareness, (clientId) => roster.find(clientId)));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(CARET_PLUGIN_KEY);
    };
  }, [editor, session, roster]);
  useEffect(() => {
    roster.set(state.people);
    // Redraw the carets with the names just received.
    if (editor && !editor.isDestroyed && session?.awareness)
      editor.view.dispatch(editor.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }));
  }, [editor, roster, session, state.people]);

  // 审校 underlines (components/editor/proofing-plugin.ts): compiled once per page, checked after typing stops.
  const lists = useProofingLists(proofing?.version ?? null);
  // The entries this story ignores: a new set after each 忽略, so the fields check again; the body's
  // plugin reads the latest through the ref.
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(() => new Set(proofing?.ignored));
  const ignoredRef = useRef(ignored);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !lists) return;
    editor.registerPlugin(proofingPlugin(lists, () => ignoredRef.current));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(PROOFING_PLUGIN_KEY);
    };
  }, [editor, lists]);
  const onIgnored = useCallback(
    (key: string) => {
      const next = new Set([...ignoredRef.current, key]);
      ignoredRef.current = next;
      setIgnored(next);
      if (editor && !editor.isDestroyed && lists) showHits(editor.view, findBodyHits(editor.state.doc, lists, next));
    },
    [editor, lists],
  );
  const fieldProofing = useMemo(
    () => (lists ? { lists, ignored, articleId: story.id, editable, onIgnored } : null),
    [lists, ignored, story.id, editable, onIgnored],
  );

  const others = useMemo(() => {
    const seen = new Map<string, Participant>();
    for (const person of state.people)
      if (person.userId !== me.id && !seen.has(person.userId)) seen.set(person.userId, person);
    return [...seen.values()];
  }, [state.people, me.id]);

  return (
    <div className="space-y-4" data-collab={state.connection}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="rounded bg-stone-200 px-2 py-0.5 dark:bg-stone-700">{statusLabel}</span>
          <span
            className={`ml-3 ${statusNeedsAttention(state) ? 'font-medium text-amber-800 dark:text-amber-300' : ''}`}
            role="status"
            aria-live="polite"
            data-testid="save-status"
          >
            {collabStatusText(state, formatTimeOfDay, story.updatedAt)}
          </span>
          <span className="ml-3 text-stone-600 dark:text-stone-400" data-testid="word-count">
            字数 {words}
          </span>
        </p>
        <p className="flex gap-4 text-sm">
          {editable && state.connection === 'live' ? (
            <button type="button" onClick={() => session?.seal()} className="underline">
              立即保存
            </button>
          ) : null}
          <Link href={`/newsroom/articles/${story.id}/preview`} className="underline" target="_blank">
            预览
          </Link>
          <Link href={`/newsroom/articles/${story.id}/history`} className="underline">
            历史版本
          </Link>
        </p>
      </div>
      {others.length ? (
        <p
          role="note"
          data-testid="collab-people"
          className="rounded border border-sky-400 bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950"
        >
          也在这篇稿件里：
          {others.map((person) => (person.readOnly ? `${person.name}（只读）` : person.name)).join('、')}
        </p>
      ) : null}
      {state.readOnly ? (
        <p role="note" className="text-sm">
          你只能查看：其他人的修改会实时出现在这里。
        </p>
      ) : null}
      {state.connection === 'refused' ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {refusalAdvice(state.refusal)}
          {state.refusal === 'signed-out' ? (
            // Back to this story after signing in: what was typed is in the co-editing store (and this
            // browser's copy), so the editor opens with it.
            <a href={`/login?callbackUrl=${encodeURIComponent(pathname)}`} className="ml-2 underline">
              重新登录
            </a>
          ) : null}
        </p>
      ) : null}
      {state.saveFailed ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          没有保存：{state.saveFailed}
        </p>
      ) : null}
      {missingAlt ? (
        <p className="text-sm text-amber-700 dark:text-amber-400">
          有 {missingAlt} 张图片缺少替代文字，发布前需要补上。
        </p>
      ) : null}

      <SharedFields doc={doc} readOnly={!editable} people={people} published={story.published} proofing={fieldProofing}>
        {editable ? (
          <CoverField
            url={cover ? (coverUrls[cover] ?? null) : null}
            chosen={cover !== null}
            onChoose={() => setPicker('cover')}
            onRemove={() => setCover(null)}
          />
        ) : null}
      </SharedFields>

      <div className="rounded border border-stone-400 dark:border-stone-600">
        {editor && editable ? <Toolbar editor={editor} onInsertImage={() => fileInput.current?.click()} /> : null}
        {editor && editable ? <FigureControls editor={editor} /> : null}
        <EditorContent editor={editor} />
        {editor ? <ProofingBar editor={editor} articleId={story.id} editable={editable} onIgnored={onIgnored} /> : null}
        {editable ? (
          <div className="flex flex-wrap gap-x-3 gap-y-1 border-t border-stone-300 p-2 text-sm dark:border-stone-700">
            <button type="button" className="shrink-0 underline" onClick={() => fileInput.current?.click()}>
              上传图片
            </button>
            <button type="button" className="shrink-0 underline" onClick={() => setPicker('body')}>
              从图库插入
            </button>
            <span className="text-stone-500">
              也可以把图片拖进正文或直接粘贴。支持 JPEG、PNG、WebP、GIF，最大 10 MB。
            </span>
          </div>
        ) : null}
        <ImageUploadFeedback
          uploading={uploading}
          uploadError={uploadError}
          fileInput={fileInput}
          uploadChosen={uploadChosen}
        />
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
