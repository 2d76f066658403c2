// The browser's speech replaced before the page loads (speechSynthesis and SpeechSynthesisUtterance), to
// record what is spoken, in which order, at which speed and with which voice; a test ends each utterance
// as the voice would (e2e/read-aloud.spec.ts, e2e/reader-no-runtime.spec.ts).
import type { Page } from '@playwright/test';

type Spoken = { text: string; rate: number; voice: string | null };
type Stub = { spoken: Spoken[]; paused: boolean; finish: () => void };

/** Installs the stubbed speech with voices of `langs` (none at all: `null`). */
export async function stubSpeech(page: Page, langs: string[] | null): Promise<void> {
  await page.addInitScript((voiceLangs) => {
    const target = window as unknown as Record<string, unknown>;
    if (voiceLangs === null) {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      return;
    }
    type Utterance = {
      text: string;
      rate: number;
      voice: { lang: string } | null;
      onstart: ((event: object) => void) | null;
      onend: ((event: object) => void) | null;
      onerror: ((event: { error: string }) => void) | null;
    };
    const voices = voiceLangs.map((lang) => ({
      lang,
      name: `stub ${lang}`,
      voiceURI: lang,
      default: false,
      localService: true,
    }));
    const spoken: { text: string; rate: number; voice: string | null }[] = [];
    const queue: Utterance[] = [];
    let current: Utterance | null = null;
    let paused = false;
    const next = () => {
      if (current || paused) return;
      current = queue.shift() ?? null;
      if (!current) return;
      spoken.push({ text: current.text, rate: current.rate, voice: current.voice?.lang ?? null });
      current.onstart?.({});
    };
    class StubUtterance {
      text: string;
      rate = 1;
      lang = '';
      voice = null;
      onstart = null;
      onend = null;
      onerror = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      getVoices: () => voices,
      speak(utterance: Utterance) {
        queue.push(utterance);
        next();
      },
      cancel() {
        const interrupted = current;
        queue.length = 0;
        current = null;
        paused = false;
        interrupted?.onerror?.({ error: 'interrupted' });
      },
      pause() {
        paused = true;
      },
      resume() {
        paused = false;
        next();
      },
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StubUtterance, configurable: true });
    target.speechStub = {
      spoken,
      get paused() {
        return paused;
      },
      finish() {
        const done = current;
        current = null;
        done?.onend?.({});
        next();
      },
    };
  }, langs);
}

export const stub = (page: Page) => page.evaluate(() => (window as unknown as { speechStub: Stub }).speechStub);
export const spokenTexts = async (page: Page) => (await stub(page)).spoken.map((entry) => entry.text);
export const finishUtterance = (page: Page) =>
  page.evaluate(() => (window as unknown as { speechStub: Stub }).speechStub.finish());
