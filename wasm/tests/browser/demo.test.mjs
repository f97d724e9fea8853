// A real browser: headless Debian Chromium, driven by playwright-core, loads the demo page
// from a local server, decodes an invoice, reads the fields from the page, and runs the
// WebLN flow with a cheating provider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root, start } from './serve.mjs';

const vectors = JSON.parse(await readFile(join(root, '../test-vectors/bolt11-vectors.json'), 'utf8'));

let env, browser, base;
before(async () => {
  env = await start();
  ({ browser, base } = env);
});
after(async () => {
  await env?.close();
});

test('the demo page decodes an invoice and shows its fields', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const v = vectors.find((x) => x.name.startsWith('Please send $3 for a cup of coffee'));
  await page.fill('#invoice', v.invoice);
  await page.click('#decode');
  const field = async (name) => page.textContent(`tr[data-field="${name}"] td:nth-child(2)`);
  assert.equal(await field('description'), '1 cup coffee');
  assert.equal(await field('amount_msat'), '250000000');
  assert.equal(await field('payee'), v.payee_pubkey);
  assert.equal(await field('expiry'), '60');
  // Fields read on demand are shown too.
  assert.equal(await field('feature_bits'), JSON.stringify(v.features.bits));
  assert.match(await field('signature'), /^[0-9a-f]{128}$/);
  // An invalid invoice shows its error.
  await page.fill('#invoice', v.invoice.slice(0, -1) + 'q');
  await page.click('#decode');
  assert.match(await page.textContent('#error'), /^invalid_checksum:/);
  await page.close();
});

test('the WebLN flow flags a provider that returned the wrong amount', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#webln');
  await page.waitForFunction(() => document.querySelector('#check').textContent !== '');
  assert.equal(await page.textContent('#check'), 'the invoice honours the request');
  await page.check('#cheat');
  await page.click('#webln');
  await page.waitForSelector('#violations li');
  assert.match(await page.textContent('#violations li'), /^amount_mismatch: the invoice is for 999000 msat/);
  await page.close();
});

test('a description that would reorder the page is shown printable', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  // Made in the page with the demo's own package: a right-to-left override in the memo.
  const shown = await page.evaluate(async () => {
    const m = await import('../pkg/web/index.js');
    const r = m.makeInvoice('webln', { amount: 1, defaultMemo: 'pay \u202egro.live' }, '42'.repeat(32));
    document.getElementById('invoice').value = r.invoice;
    document.getElementById('decode').click();
    return document.querySelector('tr[data-field="description"] td:nth-child(2)').textContent;
  });
  assert.equal(shown, 'pay \ufffdgro.live');
  await page.close();
});

test('the decode-only build is one module and one .wasm, and decodes in the browser', async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${base}/tests/browser/blank.html`);
  const v = vectors.find((x) => x.valid && x.route_hints.length > 0);
  const result = await page.evaluate(async (invoice) => {
    const m = await import('/pkg/web-decode/index.js');
    await m.default();
    const inv = m.decodeUnverified(invoice, { lenient: true });
    let unsupported;
    try { m.check('webln', {}, invoice); } catch (e) { unsupported = e.kind; }
    let bad;
    try { m.decode(invoice.slice(0, -1) + (invoice.endsWith('q') ? 'p' : 'q')); } catch (e) { bad = e.kind; }
    return { json: JSON.stringify(inv), routes: inv.routes, unsupported, bad };
  }, v.invoice);
  assert.deepStrictEqual(fetched.filter((p) => p.startsWith('/pkg/')), ['/pkg/web-decode/index.js', '/pkg/web-decode/lightning_bolt11_bg.wasm']);
  assert.equal(JSON.parse(result.json).payment_hash, v.payment_hash);
  assert.equal(result.routes.length, v.route_hints.length);
  assert.equal(result.unsupported, 'unsupported');
  assert.equal(result.bad, 'invalid_checksum');
  await page.close();
});

test('the bolt11 drop-in: ready once imported (top-level await), decode only fetches decode', async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${base}/tests/browser/blank.html`);
  const v = vectors.find((x) => x.name.startsWith('Please send $3 for a cup of coffee'));
  // Only the decoding module: no init() to call, usable as soon as the import resolves.
  const decoded = await page.evaluate(async (invoice) => {
    const { decode } = await import('/pkg/web-bolt11/index.js');
    const d = decode(invoice);
    return { satoshis: d.satoshis, payee: d.payeeNodeKey, tags: d.tags.map((t) => t.tagName), description: d.tagsObject.description };
  }, v.invoice);
  assert.equal(decoded.satoshis, 250000);
  assert.equal(decoded.payee, v.payee_pubkey);
  assert.equal(decoded.description, '1 cup coffee');
  assert.deepStrictEqual(fetched.filter((p) => p.startsWith('/pkg/')), ['/pkg/web-bolt11/index.js', '/pkg/web-bolt11/lightning_bolt11_bg.wasm']);
  // The whole API: encode and sign too.
  const signed = await page.evaluate(async (invoice) => {
    const bolt11 = await import('/pkg/bolt11/index.js');
    const d = bolt11.decode(invoice);
    delete d.signature;
    delete d.recoveryFlag;
    const s = bolt11.sign(bolt11.encode(d, false), 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734');
    return { same: s.paymentRequest === invoice, hrp: bolt11.millisatToHrp(250000000) };
  }, v.invoice);
  assert.deepStrictEqual(signed, { same: true, hrp: '2500u' });
  await page.close();
});
