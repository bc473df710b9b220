/**
 * Structural validation agrees with libvirt's own schemas on the corpus: a document that
 * libvirt's RelaxNG schema accepts gets no structural error (nor warning: the corpus round-trips
 * strictly, so nothing in it is unmodeled). The schema's verdicts are taken at test time from
 * xmllint, one run per schema over all the documents of its kind.
 *
 * Documents the schema rejects are not required to be flagged (many are rejected for rules
 * between fields, which are semantic checks); how many are flagged is printed as a diagnostic.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { documents, parse } from '../../src/model/index.js';
import { SCHEMA_FILES } from '../../src/validate/relaxng.js';
import { checkStructure } from '../../src/validate/structure.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

const schemaDir = fileURLToPath(new URL('../../../shared/schemas/libvirt/', import.meta.url));

/** libvirt's schema file for each document kind (root element). */
const SCHEMA_FILE: Readonly<Record<string, string>> = SCHEMA_FILES;

function missing(): string | undefined {
  const files = corpusFiles();
  if (files.length === 0) return `no corpus at ${corpusDir}`;
  if (!existsSync(schemaDir + 'domain.rng')) return `no libvirt schemas at ${schemaDir}`;
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (r.error) return 'xmllint is not installed (Debian: apt-get install libxml2-utils)';
  return undefined;
}

// Locally a missing prerequisite skips these tests; under CI it is a failure.
const why = missing();
const skip = why !== undefined && process.env.CI !== 'true' ? why : false;

/** xmllint's verdict for each file (corpus-relative names): true when the schema accepts it. */
function schemaVerdicts(schema: string, names: string[]): Map<string, boolean> {
  const verdicts = new Map<string, boolean>();
  if (names.length === 0) return verdicts;
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--relaxng', schemaDir + schema, ...names], {
    cwd: corpusDir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const known = new Set(names);
  for (const line of r.stderr.split('\n')) {
    const m = /^(.*) (validates|fails to validate)$/.exec(line);
    if (m && known.has(m[1])) verdicts.set(m[1], m[2] === 'validates');
  }
  return verdicts;
}

test('the prerequisites are present', { skip }, () => {
  assert.equal(why, undefined, why);
});

for (const kind of Object.keys(SCHEMA_FILE) as (keyof typeof documents)[]) {
  test(`corpus: ${kind} documents that libvirt's schema accepts have no structural problem`, { skip }, (t) => {
    const files = corpusFiles().filter((f) => f.root === kind);
    const verdicts = schemaVerdicts(SCHEMA_FILE[kind], files.map((f) => f.name));
    const problems: string[] = [];
    let accepted = 0;
    let rejected = 0;
    let flagged = 0;
    for (const f of files) {
      const verdict = verdicts.get(f.name);
      assert.notEqual(verdict, undefined, `${f.name}: no verdict from xmllint`);
      const positions = new WeakMap<object, { line: number; column: number }>();
      const found = checkStructure(parse(f.text, { positions }), { positions });
      if (verdict) {
        accepted++;
        for (const p of found) problems.push(`${f.name}:${p.line ?? '?'}:${p.column ?? '?'}: ${p.severity} ${p.rule} ${p.path}: ${p.message}`);
      } else {
        rejected++;
        if (found.some((p) => p.severity === 'error')) flagged++;
      }
    }
    t.diagnostic(`${kind}: ${accepted} accepted by libvirt's schema, ${rejected} rejected, of which ${flagged} flagged by structural validation`);
    assert.ok(accepted > 0, `no ${kind} document accepted: is xmllint working?`);
    assert.deepEqual(problems, []);
  });
}
