// Every snippet of the package README (pkg-README.md) runs as written in Chromium: each a
// module script on a page whose import map points the package's names at its browser builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const readme = await readFile(join(root, 'pkg-README.md'), 'utf8');
const snippets = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const importMap = JSON.stringify({
  imports: {
    'lightning-bolt11': '/pkg/web/index.js',
    'lightning-bolt11/decode': '/pkg/web-decode/index.js',
    'lightning-bolt11/bolt11': '/pkg/bolt11/index.js',
  },
});

let server, browser, base;
before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/snippet.html') {
      const code = snippets[Number(url.searchParams.get('n'))];
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><script type="importmap">${importMap}</script>
<script type="module">${code}
document.body.dataset.done = 'true';</script><body></body>`);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
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
