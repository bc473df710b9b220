/**
 * Formatting is a fixed point: for every corpus document of every kind,
 * `format(parse(format(parse(x))))` is `format(parse(x))` byte for byte. The JSON path gives
 * the same bytes, reading the output back gives the same typed object, and UTF-8 bytes give
 * the same result as the decoded text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documents, format, fromJson, parse, toJson, type AnyDocument } from '../../src/model/index.js';
import { firstDifference } from '../support/compare.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

const files = corpusFiles();
// Locally a missing corpus skips these tests; under CI it is a failure (as in the corpus suite).
const skipAll = files.length === 0 && process.env.CI !== 'true' && `no corpus at ${corpusDir}`;

function fmt(doc: AnyDocument): string {
  return format(doc.kind, doc.doc as never);
}

test('the corpus is present', { skip: skipAll }, () => {
  assert.ok(files.length >= 2751, `expected the 2751 corpus documents, found ${files.length}`);
});

const encoder = new TextEncoder();

for (const kind of Object.keys(documents)) {
  const mine = files.filter((f) => f.root === kind);
  test(`${kind}: format(parse(format(parse(x)))) is format(parse(x)) byte for byte (${mine.length} documents)`, { skip: skipAll || (mine.length === 0 && `no ${kind} documents`) }, () => {
    const problems: string[] = [];
    for (const f of mine) {
      try {
        const first = parse(f.text);
        const once = fmt(first);
        const second = parse(once);
        const twice = fmt(second);
        if (twice !== once) problems.push(`${f.name}: second format differs, ${firstDifference(once, twice)}`);

        // Reading the output back gives the object that was formatted (property order aside:
        // it follows attribute order in the document, which formatting normalises).
        try {
          assert.deepStrictEqual(JSON.parse(JSON.stringify(toJson(second))), JSON.parse(JSON.stringify(toJson(first))));
        } catch {
          problems.push(`${f.name}: parse(format(parse(x))) is not parse(x)`);
        }

        // Through JSON text: the same bytes.
        const viaJson = fmt(fromJson(JSON.parse(JSON.stringify(toJson(first)))));
        if (viaJson !== once) problems.push(`${f.name}: XML -> JSON -> XML differs from XML -> XML, ${firstDifference(once, viaJson)}`);

        // UTF-8 bytes: the same bytes as the decoded text.
        const fromBytes = fmt(parse(encoder.encode(f.text)));
        if (fromBytes !== once) problems.push(`${f.name}: parsing bytes differs from parsing text, ${firstDifference(once, fromBytes)}`);
      } catch (e) {
        problems.push(`${f.name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems in ${mine.length} ${kind} documents`);
  });
}

test('documents whose root the corpus scan could not name are not silently left out', { skip: skipAll }, () => {
  const unknown = files.filter((f) => !Object.prototype.hasOwnProperty.call(documents, f.root));
  assert.deepEqual(unknown.map((f) => `${f.name} (<${f.root}>)`), []);
});
