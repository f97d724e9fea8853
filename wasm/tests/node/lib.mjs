// Loads the built package (CommonJS for Node) and the spec vectors.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
export const bolt11 = require('../../pkg/node/index.cjs');
export const vectors = JSON.parse(readFileSync(new URL('../../../test-vectors/bolt11-vectors.json', import.meta.url)));
export const SPEC_KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
export const strictlyValid = vectors.filter((v) => v.valid && v.valid_under_current_normative_text !== false);
