/**
 * The core (xml, schema, model) must bundle for a browser: no Node built-ins, and data
 * flows one way (xml -> schema -> model), never back.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(src, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

for (const layer of ['xml', 'schema', 'model', 'validate']) {
  test(`src/${layer} imports no Node built-in`, () => {
    for (const file of sources(layer)) {
      for (const spec of imports(file)) {
        assert.ok(!spec.startsWith('node:') && !['fs', 'path', 'url', 'os', 'process'].includes(spec), `${file} imports ${spec}`);
      }
    }
  });
}

test('lower layers do not import higher ones', () => {
  const forbidden: Record<string, string[]> = { xml: ['/schema/', '/model/', '/cli/'], schema: ['/model/', '/cli/'], model: ['/cli/'] };
  for (const [layer, bad] of Object.entries(forbidden)) {
    for (const file of sources(layer)) {
      for (const spec of imports(file)) {
        for (const b of bad) assert.ok(!`/${spec.replace(/^(\.\.\/)+/, '')}`.includes(b) || spec.startsWith(`./`), `${file} imports ${spec}`);
      }
    }
  }
});
