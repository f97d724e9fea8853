// The npm package as a user gets it: `npm pack` holds exactly the files it needs; installed
// from that tarball, it loads in Node as CommonJS and as an ES module, the decode-only entry
// resolves, and a strict TypeScript app type-checks against its types through its `exports`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectors } from './lib.mjs';

const wasmDir = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(wasmDir, 'pkg');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('npm pack holds exactly the package files', () => {
  const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json'], pkg));
  const files = packed.files.map((f) => f.path).sort();
  assert.deepStrictEqual(files, [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'bolt11.d.ts', 'bolt11/index.js', 'bolt11/package.json', 'index.d.ts',
    'node/bolt11.cjs', 'node/index.cjs', 'node/lightning_bolt11.js', 'node/lightning_bolt11_bg.wasm',
    'package.json',
    'web-bolt11/index.js', 'web-bolt11/lightning_bolt11_bg.wasm', 'web-bolt11/package.json',
    'web-decode/index.js', 'web-decode/lightning_bolt11_bg.wasm', 'web-decode/package.json',
    'web-sign/index.js', 'web-sign/lightning_bolt11_bg.wasm', 'web-sign/package.json',
    'web/index.js', 'web/lightning_bolt11_bg.wasm', 'web/package.json',
  ]);
});

test('installed from its tarball: CommonJS, ES module, decode-only entry, TypeScript', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bolt11-consumer-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const tarball = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], pkg))[0].filename;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], dir);

  const v = vectors.find((x) => x.valid && x.amount_msat && x.description);
  const run = (file, code) => {
    writeFileSync(join(dir, file), code);
    return execFileSync(process.execPath, [join(dir, file)], { cwd: dir, encoding: 'utf8' }).trim();
  };
  assert.equal(run('cjs.cjs', `const b = require('lightning-bolt11');
    console.log(String(b.decode(${JSON.stringify(v.invoice)}, { lenient: true }).amount_msat));`), String(v.amount_msat));
  assert.equal(run('dropin.cjs', `const b = require('lightning-bolt11/bolt11');
    console.log(b.decode(${JSON.stringify(v.invoice)}).millisatoshis);`), String(v.amount_msat));
  assert.equal(run('dropin.mjs', `import { decode } from 'lightning-bolt11/bolt11';
    console.log(decode(${JSON.stringify(v.invoice)}).millisatoshis);`), String(v.amount_msat));
  assert.equal(run('esm.mjs', `import { decode } from 'lightning-bolt11';
    import * as small from 'lightning-bolt11/decode';
    console.log(decode(${JSON.stringify(v.invoice)}, { lenient: true }).description === small.decode(${JSON.stringify(v.invoice)}, { lenient: true }).description);`), 'true');

  cpSync(join(wasmDir, 'tests/package/consumer.ts'), join(dir, 'consumer.ts'));
  cpSync(join(wasmDir, 'tests/package/tsconfig.json'), join(dir, 'tsconfig.json'));
  execFileSync(process.execPath, [join(wasmDir, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
});
