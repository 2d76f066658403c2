// 朗读 (read aloud) on an article, with the browser's speech stubbed (speechSynthesis and
// SpeechSynthesisUtterance replaced before the page loads) to record what is spoken, in which order, at
// which speed and with which voice; the test ends each utterance as the voice would. Keyboard only.
import { expect, test, type Page } from '@playwright/test';

import { readingQueue } from '../lib/reader/read-aloud';

const DAYU = '/articles/ke-cheng-duo-xia-da-yu-ding';

type Spoken = { text: string; rate: number; voice: string | null };
type Stub = { spoken: Spoken[]; paused: boolean; finish: () => void };

/** Installs the stubbed speech with voices of `langs` (none at all: `null`). */
async function stubSpeech(page: Page, langs: string[] | null): Promise<void> {
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

const stub = (page: Page) => page.evaluate(() => (window as unknown as { speechStub: Stub }).speechStub);
const spokenTexts = async (page: Page) => (await stub(page)).spoken.map((entry) => entry.text);
const finishUtterance = (page: Page) =>
  page.evaluate(() => (window as unknown as { speechStub: Stub }).speechStub.finish());

test('朗读 reads the headline, then the text in order with the zh-CN voice, the paragraph being read highlighted and in view; pause, speed and stop from the keyboard', async ({
  page,
}) => {
  await stubSpeech(page, ['en-US', 'zh-TW', 'zh-CN']);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(DAYU);
  const controls = page.getByRole('group', { name: '朗读本文' });
  const headline = page.getByRole('heading', { level: 1 });
  // What the text is read as: the headline, then the paragraphs and subheadings in order, long ones in pieces.
  const blocks = page.locator('.story-body').locator('p, h2, h3, h4, figcaption');
  const texts = [
    (await headline.textContent())!,
    ...(await blocks.evaluateAll((all) => all.map((block) => block.textContent ?? ''))),
  ];
  const items = readingQueue(texts);
  const blockOf = (index: number) => (items[index]!.block === 0 ? headline : blocks.nth(items[index]!.block - 1));

  await controls.getByRole('button', { name: '朗读' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => spokenTexts(page)).toEqual([items[0]!.text]);
  await expect(headline).toHaveAttribute('data-reading', '');
  expect((await stub(page)).spoken[0]!.voice).toBe('zh-CN');

  await finishUtterance(page);
  await finishUtterance(page);
  await expect.poll(() => spokenTexts(page)).toEqual(items.slice(0, 3).map((item) => item.text));
  await expect(page.locator('[data-reading]')).toHaveCount(1);
  await expect(blockOf(2)).toHaveAttribute('data-reading', '');
  await expect(blockOf(2)).toBeInViewport();

  // 暂停 and 继续: the same button, keeping the focus.
  const pause = controls.getByRole('button', { name: '暂停' });
  await expect(pause).toBeFocused();
  await page.keyboard.press('Space');
  await expect(controls.getByRole('button', { name: '继续' })).toBeFocused();
  expect((await stub(page)).paused).toBe(true);
  await page.keyboard.press('Enter');
  await expect(pause).toBeFocused();
  expect((await stub(page)).paused).toBe(false);

  // 语速: the paragraph being read starts again at the new speed.
  await controls.getByLabel('语速').selectOption('1.5');
  await expect
    .poll(async () => (await stub(page)).spoken.at(-1))
    .toEqual({ text: items[2]!.text, rate: 1.5, voice: 'zh-CN' });
  await finishUtterance(page);
  await expect
    .poll(async () => (await stub(page)).spoken.at(-1))
    .toEqual({ text: items[3]!.text, rate: 1.5, voice: 'zh-CN' });

  // 停止: silence, no highlight, 朗读 again.
  await controls.getByRole('button', { name: '停止' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-reading]')).toHaveCount(0);
  await expect(controls.getByRole('button', { name: '朗读' })).toBeFocused();
  const count = (await stub(page)).spoken.length;
  await finishUtterance(page);
  expect((await stub(page)).spoken.length).toBe(count);
});

test('without a Chinese voice, or without speech at all, the controls are hidden and one line says so', async ({
  page,
}) => {
  await stubSpeech(page, ['en-US']);
  await page.goto(DAYU);
  await expect(page.getByTestId('read-aloud-note')).toHaveText('本浏览器没有中文语音，无法朗读本文。');
  await expect(page.getByRole('group', { name: '朗读本文' })).toHaveCount(0);

  const bare = await page.context().newPage();
  await stubSpeech(bare, null);
  await bare.goto(DAYU);
  await expect(bare.getByTestId('read-aloud-note')).toBeVisible();
  await expect(bare.getByRole('button', { name: '朗读' })).toHaveCount(0);
});
