/**
 * The README's validation table shows what the CLI really prints for the broken examples.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const name of ['disk-bus', 'duplicate-target', 'missing-target-dev']) {
  test(`README shows the validate output for examples/broken/${name}.xml`, async () => {
    let out = '';
    const prev = process.cwd();
    process.chdir(root);
    try {
      const code = await main(['validate', `examples/broken/${name}.xml`], { stdout: (s) => (out += s), stderr: (s) => (out += s), readStdin: () => '' });
      assert.equal(code, 1);
    } finally {
      process.chdir(prev);
    }
    assert.ok(out.trim() !== '');
    // The README wraps lines to fit a table cell; compare with whitespace squashed.
    assert.ok(squash(readme).includes(squash(out)), `README lacks:\n${out}`);
  });
}
