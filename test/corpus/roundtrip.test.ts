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
const EXPECTED: Record<string, number> = {
  domain: 1965, domainsnapshot: 21, domaincheckpoint: 8, domainbackup: 19, filter: 98, filterbinding: 2,
  network: 117, networkport: 9, pool: 61, volume: 32, storagepoolCapabilities: 2, secret: 7,
  capabilities: 13, domainCapabilities: 67, cpu: 227, device: 84, interface: 19,
};

/** Kinds whose model is still being written: reported as todo, not as passing. */
const INCOMPLETE = new Set<string>([
  'domainsnapshot', 'domaincheckpoint', 'domainbackup', 'filter', 'filterbinding', 'network', 'networkport',
  'pool', 'volume', 'storagepoolCapabilities', 'secret', 'capabilities', 'domainCapabilities', 'cpu', 'device', 'interface',
]);

const files = corpusFiles();

// Locally a missing corpus skips these tests; under CI it is a failure.
const skipAll = files.length === 0 && process.env.CI !== 'true' && `no corpus at ${corpusDir}`;

test('the corpus is present', { skip: skipAll }, () => {
  assert.ok(files.length >= 2751, `expected the 2751 corpus documents, found ${files.length}`);
});

for (const kind of Object.keys(documents)) {
  const mine = files.filter((f) => f.root === kind);
  const todo = INCOMPLETE.has(kind) && `the ${kind} model is not complete yet`;
  test(`corpus: every ${kind} document round-trips losslessly and strictly`, { skip: skipAll, todo }, () => {
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
