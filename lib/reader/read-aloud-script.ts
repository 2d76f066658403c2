// 朗读 (read aloud) in the browser: a small inline script, written with the response's CSP nonce right
// after the controls (components/public/read-aloud.tsx), so the reader pages need no client runtime for
// it (anonymous reader pages leave the app without Next's: server/reader-html.ts). It reads the story
// with the browser's Chinese voice (Web Speech API): the headline, then the text block by block, the
// block being read highlighted and scrolled into view. 朗读/暂停/继续 and 停止 are buttons and 语速 a
// select, so the keyboard works them as any control. Where the browser has no Chinese voice (or no
// speech at all) the controls stay hidden and the note (role=status) says so in one line. The text is
// read from the page itself.
//
// The script is this file's `readAloud` and the rules of lib/reader/read-aloud.ts, sent as their own
// source text: each is self-contained (nothing from outside its body but the browser's globals), so a
// minifier renaming this module's names cannot break them, and the rules the unit tests check are the
// ones the browser runs. It only sets attributes, a button's label, the note's text and listeners on
// the nodes it was given: a signed-in reader's page, which React still hydrates, keeps them.
import { chineseVoice, MAX_UTTERANCE_CHARS, readingQueue, type ReadingItem } from './read-aloud';

/** What the script is told besides the rules (JSON in the script's text). */
export type ReadAloudOptions = {
  /** Longest utterance (MAX_UTTERANCE_CHARS). */
  max: number;
  /** How long to wait for the browser's voice list (Chromium fills it after a `voiceschanged`). */
  voicesWaitMs: number;
  /** The one-line note where there is no Chinese voice. */
  note: string;
};

export const READ_ALOUD_NOTE = '本浏览器没有中文语音，无法朗读本文。';

/** The labels of the one main button: it reads 朗读, 暂停 while reading, 继续 while paused. */
export const READ_ALOUD_LABELS = { idle: '朗读', playing: '暂停', paused: '继续' } as const;

/**
 * Wires the controls inside `container` (the `[data-read-aloud]` element before the script). Runs in
 * the browser, from its source text: keep it self-contained.
 */
function readAloud(
  container: Element | null,
  queue: (blocks: readonly string[], max: number) => ReadingItem[],
  voiceOf: (voices: readonly SpeechSynthesisVoice[]) => SpeechSynthesisVoice | null,
  labels: { idle: string; playing: string; paused: string },
  options: ReadAloudOptions,
): void {
  if (!container) return;
  const group = container.querySelector<HTMLElement>('[data-read-aloud-controls]');
  const main = container.querySelector<HTMLButtonElement>('[data-read-aloud-main]');
  const stopButton = container.querySelector<HTMLButtonElement>('[data-read-aloud-stop]');
  const rateSelect = container.querySelector<HTMLSelectElement>('[data-read-aloud-rate]');
  const note = container.querySelector<HTMLElement>('[data-read-aloud-note]');
  if (!group || !main || !stopButton || !rateSelect || !note) return;
  const synth =
    typeof window.speechSynthesis === 'undefined' || typeof window.SpeechSynthesisUtterance === 'undefined'
      ? null
      : window.speechSynthesis;
  if (!synth) {
    note.textContent = options.note;
    return;
  }
  const HIGHLIGHT = 'data-reading';
  let state: 'idle' | 'playing' | 'paused' = 'idle';
  let session = 0;
  let items: ReadingItem[] = [];
  let blocks: HTMLElement[] = [];
  let position = 0;
  let rate = Number(rateSelect.value) || 1;

  // Shown once a Chinese voice is known; the note only once the wait is over without one.
  const ready = (): boolean => {
    if (!group.hidden) return true;
    if (!voiceOf(synth.getVoices())) return false;
    note.textContent = '';
    group.hidden = false;
    return true;
  };
  if (!ready()) {
    synth.addEventListener('voiceschanged', ready);
    window.setTimeout(() => {
      if (!ready()) note.textContent = options.note;
    }, options.voicesWaitMs);
  }

  const show = (next: 'idle' | 'playing' | 'paused') => {
    state = next;
    main.textContent = labels[next];
    stopButton.disabled = next === 'idle';
  };
  const calm = () =>
    document.documentElement.hasAttribute('data-care') || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const highlight = (block: HTMLElement | null) => {
    for (const element of blocks) element.removeAttribute(HIGHLIGHT);
    if (!block) return;
    block.setAttribute(HIGHLIGHT, '');
    block.scrollIntoView({ block: 'center', behavior: calm() ? 'auto' : 'smooth' });
  };
  const finish = () => {
    highlight(null);
    show('idle');
  };
  // The headline and the text's blocks of the article, in reading order; a paragraph inside a list
  // item or a quote is read once, as itself.
  const readingBlocks = (): HTMLElement[] => {
    const article = container.closest('article');
    if (!article) return [];
    const headline = article.querySelector<HTMLElement>('h1');
    const inner = '.story-body :is(p, h2, h3, h4, figcaption)';
    const body = Array.from(article.querySelectorAll<HTMLElement>(inner)).filter(
      (block) => !block.parentElement?.closest(inner),
    );
    return headline ? [headline, ...body] : body;
  };
  /** Speaks item `index` and, when it ends, the next; a newer session (stop, restart) ends the chain. */
  const speak = (token: number, index: number) => {
    if (token !== session) return;
    const item = items[index];
    if (!item) return finish();
    position = index;
    highlight(blocks[item.block] ?? null);
    const utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = 'zh-CN';
    const voice = voiceOf(synth.getVoices());
    if (voice) utterance.voice = voice;
    utterance.rate = rate;
    utterance.onend = () => speak(token, index + 1);
    utterance.onerror = (event) => {
      // Cancelled by 停止 or a new 语速: that session is over. Anything else: go on with the next piece.
      if (event.error !== 'interrupted' && event.error !== 'canceled') speak(token, index + 1);
    };
    synth.speak(utterance);
  };
  const startAt = (index: number) => {
    session += 1;
    synth.cancel();
    show('playing');
    speak(session, index);
  };

  main.addEventListener('click', () => {
    if (state === 'idle') {
      blocks = readingBlocks();
      items = queue(
        blocks.map((block) => block.textContent ?? ''),
        options.max,
      );
      startAt(0);
    } else if (state === 'playing') {
      synth.pause();
      show('paused');
    } else {
      synth.resume();
      show('playing');
    }
  });
  stopButton.addEventListener('click', () => {
    session += 1;
    synth.cancel();
    // 停止 is disabled once nothing plays: the focus goes to 朗读 rather than be lost with it.
    main.focus();
    finish();
  });
  rateSelect.addEventListener('change', () => {
    rate = Number(rateSelect.value) || 1;
    // The voice takes a rate per utterance: the piece being read starts again at the new speed.
    if (state === 'playing') startAt(position);
  });
  // Leaving the page silences the voice.
  window.addEventListener('pagehide', () => {
    session += 1;
    synth.cancel();
  });
}

const OPTIONS: ReadAloudOptions = { max: MAX_UTTERANCE_CHARS, voicesWaitMs: 3000, note: READ_ALOUD_NOTE };

/** The inline script, right after the `[data-read-aloud]` element. */
export const READ_ALOUD_SCRIPT = `(${readAloud.toString()})(document.currentScript && document.currentScript.previousElementSibling, ${readingQueue.toString()}, ${chineseVoice.toString()}, ${JSON.stringify(READ_ALOUD_LABELS)}, ${JSON.stringify(OPTIONS)});`;
