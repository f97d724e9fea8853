// Every snippet of the package README (pkg-README.md) runs as written in Chromium: each a
// module script on a page whose import map points the package's names at its browser builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root, start } from './serve.mjs';

const readme = await readFile(join(root, 'pkg-README.md'), 'utf8');
const snippets = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const importMap = JSON.stringify({
  imports: {
    'lightning-bolt11': '/pkg/web/index.js',
    'lightning-bolt11/decode': '/pkg/web-decode/index.js',
    'lightning-bolt11/bolt11': '/pkg/bolt11/index.js',
  },
});

let env, browser, base;
before(async () => {
  env = await start((url) => (url.pathname === '/snippet.html'
    ? `<!doctype html><script type="importmap">${importMap}</script>
<script type="module">${snippets[Number(url.searchParams.get('n'))]}
document.body.dataset.done = 'true';</script><body></body>`
    : undefined));
  ({ browser, base } = env);
});
after(async () => {
  await env?.close();
});

test('the README snippets run in Chromium as written', async () => {
  assert.ok(snippets.length >= 4);
  for (const [n, code] of snippets.entries()) {
    const page = await browser.newPage();
    const logs = [];
    const errors = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/snippet.html?n=${n}`);
    await page.waitForFunction(() => document.body?.dataset.done === 'true', null, { timeout: 10_000 }).catch(() => {});
    assert.deepStrictEqual(errors, [], `snippet ${n}:\n${code}`);
    assert.ok(logs.length > 0, `snippet ${n} printed nothing`);
    await page.close();
  }
});
