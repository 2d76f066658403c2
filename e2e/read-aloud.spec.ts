// 朗读 (read aloud) on an article, with the browser's speech stubbed (speechSynthesis and
// SpeechSynthesisUtterance replaced before the page loads) to record what is spoken, in which order, at
// which speed and with which voice; the test ends each utterance as the voice would. Keyboard only.
import { expect, test } from '@playwright/test';

import { MAX_UTTERANCE_CHARS, readingQueue } from '../lib/reader/read-aloud';
import { finishUtterance, spokenTexts, stub, stubSpeech } from './support/speech';

const DAYU = '/articles/ke-cheng-duo-xia-da-yu-ding';

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
  const items = readingQueue(texts, MAX_UTTERANCE_CHARS);
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
  // A status: assistive technology hears the note when it appears.
  await expect(page.getByRole('status')).toHaveText('本浏览器没有中文语音，无法朗读本文。');
  await expect(page.getByTestId('read-aloud-note')).toHaveAttribute('role', 'status');
  await expect(page.getByRole('group', { name: '朗读本文' })).toHaveCount(0);

  const bare = await page.context().newPage();
  await stubSpeech(bare, null);
  await bare.goto(DAYU);
  await expect(bare.getByRole('status')).toHaveText('本浏览器没有中文语音，无法朗读本文。');
  await expect(bare.getByRole('button', { name: '朗读' })).toHaveCount(0);
});
