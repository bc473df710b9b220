/**
 * Every corpus document of every modeled kind round-trips with nothing lost, by both paths
 * (XML -> XML and XML -> JSON -> XML), and strictly: no node the model does not know.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documents } from '../../src/model/index.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';
import { roundTrip } from '../support/roundtrip.js';

/** Corpus counts by root element, from the corpus README. */
const EXPECTED: Record<string, number> = { domain: 1965 };

const files = corpusFiles();

test('the corpus is present', { skip: files.length === 0 && `no corpus at ${corpusDir}` }, () => {
  assert.ok(files.length >= 2751, `expected the 2751 corpus documents, found ${files.length}`);
});

for (const kind of Object.keys(documents)) {
  const mine = files.filter((f) => f.root === kind);
  test(`corpus: every ${kind} document round-trips losslessly and strictly`, { skip: files.length === 0 && 'no corpus' }, () => {
    if (EXPECTED[kind] !== undefined) assert.equal(mine.length, EXPECTED[kind], `number of ${kind} documents`);
    const problems: string[] = [];
    for (const f of mine) {
      const r = roundTrip(f.text);
      if (r.error) problems.push(`${f.name}: ${r.error}`);
      if (r.xmlDiff) problems.push(`${f.name}: XML -> XML: ${r.xmlDiff}`);
      if (r.jsonDiff) problems.push(`${f.name}: XML -> JSON -> XML: ${r.jsonDiff}`);
      for (const u of r.unmodeled) problems.push(`${f.name}: ${u}`);
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems in ${mine.length} ${kind} documents`);
  });
}
