// Every snippet of the package README (pkg-README.md) runs as written in Node, importing the
// package by its name; tests/browser/readme.test.mjs runs them in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const wasmDir = fileURLToPath(new URL('../../', import.meta.url));
export const snippets = [...readFileSync(join(wasmDir, 'pkg-README.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README snippets run in Node as written', (t) => {
  assert.ok(snippets.length >= 4, `${snippets.length} snippets`);
  const dir = mkdtempSync(join(tmpdir(), 'bolt11-readme-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(wasmDir, 'pkg'), join(dir, 'node_modules', 'lightning-bolt11'));
  const outputs = snippets.map((code, i) => {
    writeFileSync(join(dir, `snippet${i}.mjs`), code);
    return execFileSync(process.execPath, [join(dir, `snippet${i}.mjs`)], { cwd: dir, encoding: 'utf8' });
  });
  assert.match(outputs[0], /^250000 sat for 1 cup coffee to 03e7156a/);
  assert.match(outputs[1], /lightning_address/);
  assert.match(outputs[2], /^true 64\ntrue amount_mismatch/);
  assert.match(outputs[3], /^250000 03e7156a\S+ 1 cup coffee/);
});
