// Co-editing from whatever address the newsroom is opened by (issue 27): localhost, 127.0.0.1, a second
// loopback address standing in for a LAN address (a county newsroom opens http://192.168.x.x:3000),
// and through the nginx front. The socket accepts the page of the address the browser used
// (lib/collab/origin.ts): the setup configures none of them for it (SITE_URL is 127.0.0.1 only).
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { provisionAccount, signInAndExpect } from './support/auth';
import { newStory, storedBodyText } from './support/story';
import { FRONT_URL } from './support/front';
import { findNginx } from '../scripts/lib/front';

const REPORTER = { name: '阮清禾', email: 'ruanqinghe@e2e.test', role: '记者', password: 'ruanqinghe-pass-1' };
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
// The app listens on 127.0.0.1; a byte-for-byte forwarder on 127.0.0.2 makes it reachable at a second
// address, Host header and all, as a LAN address reaches a server listening on every interface.
const LAN_URL = `http://127.0.0.2:${APP_PORT}`;
let lan: net.Server;

test.beforeAll(async ({ browser }) => {
  await provisionAccount(browser, REPORTER);
  lan = net.createServer((client) => {
    const upstream = net.connect(APP_PORT, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => lan.listen(APP_PORT, '127.0.0.2', resolve));
});

test.afterAll(() => new Promise<void>((resolve) => lan.close(() => resolve())));

const addresses = [
  { label: 'localhost', url: `http://localhost:${APP_PORT}` },
  { label: '127.0.0.1', url: `http://127.0.0.1:${APP_PORT}` },
  { label: 'a LAN address (127.0.0.2)', url: LAN_URL },
  { label: 'the nginx front', url: FRONT_URL, needsNginx: true },
];

for (const address of addresses) {
  test(`a reporter opened by ${address.label} types in a new story and it is saved`, async ({ browser }) => {
    test.skip(Boolean(address.needsNginx) && !findNginx(), '跳过：没有 nginx，无法经前端测试（Debian：sudo apt-get install nginx）');
    const context = await browser.newContext({ baseURL: address.url });
    const page = await context.newPage();
    await signInAndExpect(page, REPORTER.email, REPORTER.password);
    // newStory types 开头。 and waits for 已保存, which only the co-editing socket's store brings.
    const id = await newStory(page, `从 ${address.label} 打开`);
    await expect(page.getByText('连接被拒绝')).toHaveCount(0);
    expect(await storedBodyText(id)).toContain('开头。');
    await context.close();
  });
}
