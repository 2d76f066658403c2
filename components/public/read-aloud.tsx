'use client';

// 朗读: reads the story aloud with the browser's Chinese voice (Web Speech API): the headline, then the
// text block by block, the block being read highlighted and scrolled into view. 朗读/暂停/继续 and 停止
// are buttons and 语速 a select, so the keyboard works them as any control. Where the browser has no
// Chinese voice (or no speech at all) the controls are not shown, only a one-line note. The text is
// read from the page itself, not sent again in the page's data.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { chineseVoice, READING_RATES, readingQueue, type ReadingItem } from '@/lib/reader/read-aloud';

type Support = 'checking' | 'ready' | 'none';
type Playing = 'idle' | 'playing' | 'paused';

/** How long to wait for the browser's voice list (Chromium fills it after a `voiceschanged`). */
const VOICES_WAIT_MS = 3000;
const HIGHLIGHT = 'data-reading';

/** The headline and the text's blocks of the article around `from`, in reading order. */
function readingBlocks(from: HTMLElement): HTMLElement[] {
  const article = from.closest('article');
  if (!article) return [];
  const headline = article.querySelector<HTMLElement>('h1');
  const body = [...article.querySelectorAll<HTMLElement>('.story-body :is(p, h2, h3, h4, figcaption)')].filter(
    // A paragraph inside a list item or a quote is read once, as itself.
    (block) => !block.parentElement?.closest('.story-body :is(p, h2, h3, h4, figcaption)'),
  );
  return headline ? [headline, ...body] : body;
}

function speechOf(): SpeechSynthesis | null {
  return typeof window.speechSynthesis === 'undefined' || typeof window.SpeechSynthesisUtterance === 'undefined'
    ? null
    : window.speechSynthesis;
}

let voicesWaited = false;

/** The browser's voice list as a store: it changes on `voiceschanged`, and an empty one is final after a wait. */
function subscribeVoices(onChange: () => void): () => void {
  const synth = speechOf();
  if (!synth) return () => {};
  synth.addEventListener('voiceschanged', onChange);
  const timer = window.setTimeout(() => {
    voicesWaited = true;
    onChange();
  }, VOICES_WAIT_MS);
  return () => {
    synth.removeEventListener('voiceschanged', onChange);
    window.clearTimeout(timer);
  };
}

function supportNow(): Support {
  const synth = speechOf();
  if (!synth) return 'none';
  if (chineseVoice(synth.getVoices())) return 'ready';
  return voicesWaited ? 'none' : 'checking';
}

function calm(): boolean {
  return (
    document.documentElement.hasAttribute('data-care') || window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export function ReadAloud() {
  // The server (and the first render in the browser) does not know the voices: nothing is shown until known.
  const support = useSyncExternalStore(subscribeVoices, supportNow, () => 'checking' as const);
  const [playing, setPlaying] = useState<Playing>('idle');
  const [rate, setRate] = useState(1);
  const root = useRef<HTMLDivElement>(null);
  const mainButton = useRef<HTMLButtonElement>(null);
  const session = useRef(0);
  const items = useRef<ReadingItem[]>([]);
  const blocks = useRef<HTMLElement[]>([]);
  const position = useRef(0);
  const rateNow = useRef(1);

  // Leaving the page (or this component going) silences the voice.
  useEffect(() => {
    const synth = speechOf();
    if (!synth) return;
    const stopOnLeave = () => synth.cancel();
    window.addEventListener('pagehide', stopOnLeave);
    return () => {
      window.removeEventListener('pagehide', stopOnLeave);
      session.current += 1;
      synth.cancel();
    };
  }, []);

  const highlight = (block: HTMLElement | null) => {
    for (const element of blocks.current) element.removeAttribute(HIGHLIGHT);
    if (!block) return;
    block.setAttribute(HIGHLIGHT, '');
    block.scrollIntoView({ block: 'center', behavior: calm() ? 'auto' : 'smooth' });
  };

  const finish = () => {
    highlight(null);
    setPlaying('idle');
  };

  /** Speaks item `index` and, when it ends, the next; a newer session (stop, restart) ends the chain. */
  const speak = (token: number, index: number) => {
    if (token !== session.current) return;
    const item = items.current[index];
    if (!item) return finish();
    position.current = index;
    highlight(blocks.current[item.block] ?? null);
    const utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = 'zh-CN';
    const voice = chineseVoice(window.speechSynthesis.getVoices());
    if (voice) utterance.voice = voice;
    utterance.rate = rateNow.current;
    utterance.onend = () => speak(token, index + 1);
    utterance.onerror = (event) => {
      // Cancelled by 停止 or a new 语速: that session is over. Anything else: go on with the next piece.
      if (event.error !== 'interrupted' && event.error !== 'canceled') speak(token, index + 1);
    };
    window.speechSynthesis.speak(utterance);
  };

  const startAt = (index: number) => {
    session.current += 1;
    window.speechSynthesis.cancel();
    setPlaying('playing');
    speak(session.current, index);
  };

  const play = () => {
    if (!root.current) return;
    blocks.current = readingBlocks(root.current);
    items.current = readingQueue(blocks.current.map((block) => block.textContent ?? ''));
    startAt(0);
  };

  const pause = () => {
    window.speechSynthesis.pause();
    setPlaying('paused');
  };

  const resume = () => {
    window.speechSynthesis.resume();
    setPlaying('playing');
  };

  const stop = () => {
    session.current += 1;
    window.speechSynthesis.cancel();
    // 停止 is disabled once nothing plays: the focus goes to 朗读 rather than be lost with it.
    mainButton.current?.focus();
    finish();
  };

  const changeRate = (next: number) => {
    setRate(next);
    rateNow.current = next;
    // The voice takes a rate per utterance: the piece being read starts again at the new speed.
    if (playing === 'playing') startAt(position.current);
  };

  if (support === 'checking') return null;
  if (support === 'none')
    return (
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400" data-testid="read-aloud-note">
        本浏览器没有中文语音，无法朗读本文。
      </p>
    );
  const button =
    'inline-flex min-h-9 items-center rounded border border-stone-500 px-3 text-sm hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-50 dark:hover:bg-stone-800 print:hidden';
  return (
    <div
      ref={root}
      role="group"
      aria-label="朗读本文"
      className="mt-3 flex flex-wrap items-center gap-2 print:hidden"
      data-testid="read-aloud"
    >
      {playing === 'idle' ? (
        <button ref={mainButton} type="button" className={button} onClick={play}>
          朗读
        </button>
      ) : playing === 'playing' ? (
        <button ref={mainButton} type="button" className={button} onClick={pause}>
          暂停
        </button>
      ) : (
        <button ref={mainButton} type="button" className={button} onClick={resume}>
          继续
        </button>
      )}
      <button type="button" className={button} onClick={stop} disabled={playing === 'idle'}>
        停止
      </button>
      <label className="inline-flex items-center gap-1 text-sm">
        语速
        <select
          value={rate}
          onChange={(event) => changeRate(Number(event.target.value))}
          className="min-h-9 rounded border border-stone-500 bg-transparent px-2 dark:bg-stone-900"
        >
          {READING_RATES.map((value) => (
            <option key={value} value={value}>
              {value === 1 ? '正常' : `${value} 倍`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
