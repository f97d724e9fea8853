// The browser benchmark (`npm run bench:browser`, after ./build.sh): this package beside
// bolt11 1.4.1 and light-bolt11-decoder 3.2 in headless Chromium, where web apps (and WebLN)
// run. Prints the table of wasm/README.md:
//   - steady-state decoding, in interleaved rounds (medians, and the rounds' quartiles);
//   - start-up, from the page script's start to the first decoded invoice, each load in a
//     fresh browser context with caching off (medians of interleaved loads);
//   - bytes each page downloads, gzip -9.
// bolt11 is bundled as a web app would: esbuild, the `browser` fields of its dependencies
// (secp256k1 becomes elliptic, pure JavaScript), Buffer, process, stream and events stood in.
// Environment: CHROMIUM (default /usr/bin/chromium), ROUNDS, ROUND_MS, LOADS.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'bench/browser/dist');
const rounds = Number(process.env.ROUNDS ?? 15);
const roundMs = Number(process.env.ROUND_MS ?? 150);
const loads = Number(process.env.LOADS ?? 15);

await build({
  entryPoints: [join(root, 'bench/browser/bolt11-entry.js')],
  bundle: true, format: 'esm', platform: 'browser', minify: true, logLevel: 'error',
  inject: [join(root, 'bench/browser/node-globals.js')],
  define: { global: 'globalThis' },
  alias: { stream: 'stream-browserify' },
  outfile: join(dist, 'bolt11.js'),
});
// Pages that use the bolt11 drop-in as a web app would bundle it (esbuild): one importing only
// `decode`, one importing everything. Each downloads its bundle and the .wasm files it loads.
for (const [name, code] of [['dropin-decode', "import { decode } from '../../pkg/bolt11/index.js'; globalThis.d = decode;"],
  ['dropin-all', "import * as b from '../../pkg/bolt11/index.js'; globalThis.b = b;"]]) {
  await build({
    stdin: { contents: code, resolveDir: join(root, 'bench/browser'), loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', minify: true, target: 'es2022', logLevel: 'error',
    outfile: join(dist, `${name}.js`),
  });
}
await build({
  entryPoints: [join(root, 'bench/browser/light-entry.js')],
  bundle: true, format: 'esm', platform: 'browser', minify: true, logLevel: 'error',
  outfile: join(dist, 'light.js'),
});

// The spec examples every decoder accepts.
const vectors = JSON.parse(readFileSync(join(root, '../test-vectors/bolt11-vectors.json'), 'utf8'));
const invoices = vectors.filter((v) => v.valid && v.valid_under_current_normative_text !== false
  && !v.invoice.startsWith('lntbs')).map((v) => v.invoice); // bolt11 1.4.1 has no signet

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const quartiles = (a) => { const s = [...a].sort((x, y) => x - y); return [s[s.length >> 2], s[(3 * s.length) >> 2]]; };

// Steady state.
const page = await browser.newPage();
page.on('pageerror', (e) => { throw e; });
const query = new URLSearchParams({ invoices: JSON.stringify(invoices), rounds, roundMs });
await page.goto(`${base}/bench/browser/steady.html?${query}`);
await page.waitForFunction(() => window.results, null, { timeout: 600_000, polling: 500 });
const samples = await page.evaluate(() => window.results);
const us = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const ratio = (slow, fast) => {
  const r = samples[slow].map((v, i) => v / samples[fast][i]);
  const [lo, hi] = quartiles(r);
  return `${(us[slow] / us[fast]).toFixed(1)}x (rounds' quartiles ${lo.toFixed(1)}-${hi.toFixed(1)})`;
};

// Start-up: interleaved fresh loads of each page.
const startup = { ours: [], light: [] };
for (let i = 0; i < loads; i++) {
  for (const lib of ['ours', 'light']) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${base}/bench/browser/startup.html?${new URLSearchParams({ lib, invoice: invoices[0] })}`);
    const r = await p.waitForFunction(() => window.result, null, { timeout: 60_000 }).then((h) => h.jsonValue());
    if (!r.ok) throw new Error(`${lib}: no result`);
    startup[lib].push(r.ms);
    await context.close();
  }
}
await browser.close();
server.close();

const gz = (...files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
const bytes = {
  full: gz('pkg/web/index.js', 'pkg/web/lightning_bolt11_bg.wasm'),
  decodeOnly: gz('pkg/web-decode/index.js', 'pkg/web-decode/lightning_bolt11_bg.wasm'),
  bolt11: gz('bench/browser/dist/bolt11.js'),
  // The drop-in's bundles and the .wasm each loads (the signing module only where imported).
  dropInDecode: gz('bench/browser/dist/dropin-decode.js', 'pkg/web-bolt11/lightning_bolt11_bg.wasm',
    ...(readFileSync(join(dist, 'dropin-decode.js'), 'utf8').includes('encodeStart') ? ['pkg/web-sign/lightning_bolt11_bg.wasm'] : [])),
  dropInAll: gz('bench/browser/dist/dropin-all.js', 'pkg/web-bolt11/lightning_bolt11_bg.wasm', 'pkg/web-sign/lightning_bolt11_bg.wasm'),
  light: gz('bench/browser/dist/light.js'),
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (a) => `${median(a).toFixed(1)} ms (quartiles ${quartiles(a).map((x) => x.toFixed(1)).join('-')})`;

const version = (await import('node:child_process')).execSync(`${process.env.CHROMIUM ?? '/usr/bin/chromium'} --version`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
console.log(`${version}, headless; ${cpus().length} × ${cpus()[0].model}; ${invoices.length} spec examples;`);
console.log(`${rounds} interleaved rounds of ${roundMs} ms; ${loads} interleaved fresh loads each\n`);
console.log('| decoder | µs per decode |');
console.log('|---|---|');
for (const [name, v] of Object.entries(us)) console.log(`| ${name} | ${v.toFixed(2)} |`);
console.log('\n| goal | measured | met |');
console.log('|---|---|---|');
const row = (goal, text, met) => console.log(`| ${goal} | ${text} | ${met ? 'yes' : 'no'} |`);
const unverified = us['light-bolt11-decoder 3.2 decode'] / us['ours decodeUnverified (decode-only build)'];
row('decodeUnverified ≥ 20x light-bolt11-decoder', `${ratio('light-bolt11-decoder 3.2 decode', 'ours decodeUnverified (decode-only build)')} (full build: ${ratio('light-bolt11-decoder 3.2 decode', 'ours decodeUnverified')})`, unverified >= 20);
const verified = us['bolt11 1.4.1 decode (verified)'] / us['ours decode (verified)'];
row('verified decode ≥ 15x bolt11', ratio('bolt11 1.4.1 decode (verified)', 'ours decode (verified)'), verified >= 15);
row('all functions: bytes ≤ bolt11 bundle (wasm + JS, gzip -9)', `${kb(bytes.full)} against ${kb(bytes.bolt11)}`, bytes.full <= bytes.bolt11);
row('decode-only: bytes ≤ 50 KB (wasm + JS, gzip -9)', `${kb(bytes.decodeOnly)} (light-bolt11-decoder: ${kb(bytes.light)})`, bytes.decodeOnly <= 50 * 1024);
const dropIn = us['bolt11 1.4.1 decode (verified)'] / us['ours lightning-bolt11/bolt11 decode (verified, bolt11 objects)'];
row('the drop-in: verified decode against bolt11', ratio('bolt11 1.4.1 decode (verified)', 'ours lightning-bolt11/bolt11 decode (verified, bolt11 objects)'), dropIn >= 1);
row('the drop-in, importing only decode: bytes ≤ 50 KB', `${kb(bytes.dropInDecode)} (${bytes.dropInDecode} bytes)`, bytes.dropInDecode <= 50 * 1024);
row('the drop-in, importing all: bytes ≤ bolt11 bundle', `${kb(bytes.dropInAll)} against ${kb(bytes.bolt11)}`, bytes.dropInAll <= bytes.bolt11);
const up = median(startup.ours) / median(startup.light);
row('start-up ≤ 1.25x light-bolt11-decoder', `${up.toFixed(2)}x: ours ${ms(startup.ours)}, light ${ms(startup.light)}`, up <= 1.25);
