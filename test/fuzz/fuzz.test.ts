/**
 * The short fuzz run of the test suite: mutated corpus documents (XML) and mutated JSON
 * forms, each ending in a parsed document that formats, re-parses, means the same and is a
 * fixed point, or in one of the library's own errors; never another exception, never a hang,
 * never an input slower than its budget. Seeded: FUZZ_SEED=<n> and FUZZ_ITERATIONS=<n> change
 * the run; a failure prints the seed, the iteration and its mutation chain, and the command
 * that rebuilds the input (`npm run fuzz -- --seed S --from I --iterations 1`).
 *
 * The long run is bench/fuzz.ts.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { checkJson, checkXml, describeFailure, groupFailures, jsonCase, loadSeeds, Rng, runFuzz, xmlCase, type FuzzOptions, type Summary } from './mutate.js';

const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20240607;
// About 6 seconds of one core, shared by up to two workers: inside the suite's 20-second
// allowance with the workers' start, even on a busy machine.
const ITERATIONS = process.env.FUZZ_ITERATIONS !== undefined ? Number(process.env.FUZZ_ITERATIONS) : 5000;

const OPTIONS: FuzzOptions = {
  seed: SEED,
  iterations: ITERATIONS,
  jsonEvery: 4,
  budgetMs: 2000,
  hangMs: 10_000,
  maxFailures: 500,
  jobs: Math.min(2, availableParallelism()),
};

function report(summary: Summary): string {
  const lines = [
    `seed ${summary.seed}: ${summary.iterations} inputs in ${(summary.ms / 1000).toFixed(1)} s`,
    ...Object.entries(summary.outcomes)
      .sort()
      .map(([k, n]) => `  ${k}: ${n}`),
    `  slowest input: iteration ${summary.slowest.iteration} (${summary.slowest.mode}), ${summary.slowest.ms.toFixed(0)} ms`,
  ];
  return lines.join('\n');
}

test('the mutation engine is reproducible: the same seed and iteration give the same input', () => {
  const seeds = loadSeeds();
  for (const i of [0, 1, 17, 4096]) {
    const a = xmlCase(seeds, 99, i);
    const b = xmlCase(seeds, 99, i);
    assert.deepEqual(a, b);
    assert.ok(a.chain.length > 0);
    assert.deepEqual(jsonCase(seeds, 99, i), jsonCase(seeds, 99, i));
  }
  assert.notDeepEqual(xmlCase(seeds, 99, 1).input, xmlCase(seeds, 100, 1).input);
  const r = new Rng(1, 2);
  const values = Array.from({ length: 1000 }, () => r.int(10));
  for (let v = 0; v < 10; v++) assert.ok(values.filter((x) => x === v).length > 50, 'the generator is badly skewed');
});

test(`fuzz: ${ITERATIONS} mutated documents (XML and JSON), seed ${SEED}`, { timeout: 120_000 }, async (t) => {
  const summary = await runFuzz(OPTIONS);
  for (const line of report(summary).split('\n')) t.diagnostic(line);
  const groups = groupFailures(summary.failures);
  const message = [
    `${summary.failures.length} failures in ${groups.length} kinds (seed ${SEED}; FUZZ_SEED=${SEED} reruns this run):`,
    ...groups.slice(0, 25).map((g) => `\n[${g.count}x] ${describeFailure(SEED, g.first)}`),
  ].join('\n');
  assert.equal(summary.failures.length, 0, message);
  assert.equal(summary.iterations, ITERATIONS, 'not every input was run');
  // The generator must reach both ends: enough inputs parse (so the model is exercised), enough are rejected.
  const count = (prefix: string) => Object.entries(summary.outcomes).filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
  assert.ok(count('xml parsed') > ITERATIONS * 0.1, `too few XML inputs parsed:\n${report(summary)}`);
  assert.ok(count('xml rejected') > ITERATIONS * 0.1, `too few XML inputs rejected:\n${report(summary)}`);
  assert.ok(count('json formatted') > 0 && count('json rejected') > 0, `JSON inputs do not reach both outcomes:\n${report(summary)}`);
});

test('the harness itself: a hang, a crash and a slow input are each reported with their input', { timeout: 120_000 }, async () => {
  const kinds = ['hang', 'crash', 'slow'] as const;
  const summaries = await Promise.all(kinds.map((what) => runFuzz({ ...OPTIONS, iterations: 12, jobs: 1, budgetMs: 300, hangMs: 1500, simulate: { at: 5, what } })));
  for (const [k, what] of kinds.entries()) {
    const summary = summaries[k];
    assert.equal(summary.failures.length, 1, `${what}: ${summary.failures.map((f) => f.problem).join('; ')}`);
    const f = summary.failures[0];
    assert.equal(f.iteration, 5, what);
    assert.match(f.problem, what === 'hang' ? /^hang/ : what === 'crash' ? /^the worker died/ : /^slow/);
    assert.ok(f.chain.length > 0 && f.input.length > 0);
    // The run goes on after the input: every iteration is accounted for.
    assert.equal(summary.iterations, 12, what);
  }
});

/**
 * Every kind of input the fuzzer has failed on, reduced by hand to a small case and kept
 * here for good: the random runs may not meet them again. Each goes through the same checks
 * as a fuzzed input.
 */
const FOUND_XML: [string, string][] = [
  ['an XML declaration', '<?xml version="1.0"?>\n<secret/>'],
  ['an XML declaration with an encoding', `<?xml version='1.0' encoding='ISO-8859-1'?><domain type='kvm'><name>a</name></domain>`],
  ['an attribute named __proto__', `<secret __proto__='x' ephemeral='no'/>`],
  ['an octal mode too large for a number', `<pool type='dir'><name>p</name><target><path>/p</path><permissions><mode>${'1'.repeat(400)}</mode></permissions></target></pool>`],
  ['text beside an element in <metadata>', `<domain type='kvm'><name>a</name><metadata>note<app:x xmlns:app='urn:a'/></metadata></domain>`],
  ['a default namespace declared on a prefixed element (dnsmasq)', `<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'><name>n</name><dnsmasq:options><dnsmasq:option xmlns='urn:x' value='a'/></dnsmasq:options></network>`],
  ['a default namespace declared on a prefixed element (qemu)', `<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>n</name><qemu:commandline xmlns='urn:x'><qemu:arg value='-S'/></qemu:commandline></domain>`],
  ['stray text between elements', `<pool type='dir'>\n  <name>a</name>>\n  <capacity>0</capacity>\nzz\n</pool>`],
];

const FOUND_JSON: [string, unknown][] = [
  ['$xml.order not an array', { secret: { $xml: { order: 5 } } }],
  ['$xml.order an object', { secret: { description: 'd', $xml: { order: {} } } }],
  ['$xml.prolog not an array', { secret: { $xml: { prolog: 'x' } } }],
  ['a number in $xml.prolog', { secret: { $xml: { prolog: [5] } } }],
  ['null in $xml.epilog', { secret: { $xml: { epilog: [{ comment: 'ok' }, null] } } }],
  ['an element in $xml.prolog', { secret: { $xml: { prolog: [{ name: 'x', attrs: {}, children: [] }] } } }],
  ['text in $xml.prolog', { secret: { $xml: { prolog: ['text'] } } }],
  ['CDATA in $xml.epilog', { secret: { $xml: { epilog: [{ cdata: 'x' }] } } }],
  ['a comment that is not a string', { secret: { $xml: { prolog: [{ comment: ['a'] }] } } }],
  ['$xml.attrs repeating a typed attribute', { secret: { ephemeral: true, $xml: { attrs: { ephemeral: 'no' } } } }],
  ['an attribute with an undeclared prefix', { secret: { $xml: { attrs: { 'q:a': '1' } } } }],
  ['a kept element with an undeclared prefix', { secret: { $xml: { order: [{ name: 'q:x', attrs: {}, children: [] }] } } }],
  ['a kept element undeclaring a prefix', { secret: { $xml: { order: [{ name: 'x', attrs: { 'xmlns:q': '' }, children: [] }] } } }],
  ['a default namespace on the root', { secret: { $xml: { attrs: { xmlns: 'urn:x' } } } }],
  ['a kept element whose attrs are not an object', { domain: { type: 'kvm', metadata: { content: [{ name: 'q:x', attrs: false, children: [] }] } } }],
  ['$xml.spell not a string', { volume: { name: 'v', target: { permissions: { mode: 0o644, $xml: { spell: { mode: ['0644'] } } } } } }],
];

function finding(what: string, input: string, o: ReturnType<typeof checkXml>): string {
  if (o.kind !== 'failure') return '';
  // The detail starts with the error and its stack, whose first line repeats it.
  const lines = (o.detail ?? '').split('\n').filter((l, i, all) => i === 0 || l !== all[0]);
  const shown = input.length > 240 ? input.slice(0, 240) + '...' : input;
  return `${what}: ${o.problem}\n    input: ${shown}\n    ${lines.slice(0, 3).join('\n    ')}`;
}

test('every kind of input the fuzzer failed on, reduced: no failure', () => {
  const failures: string[] = [];
  for (const [what, xml] of FOUND_XML) {
    const f = finding(`XML, ${what}`, JSON.stringify(xml), checkXml(xml));
    if (f) failures.push(f);
  }
  for (const [what, json] of FOUND_JSON) {
    const f = finding(`JSON, ${what}`, JSON.stringify(json), checkJson(json));
    if (f) failures.push(f);
  }
  assert.equal(failures.length, 0, `${failures.length} reduced fuzz findings fail:\n  ${failures.join('\n  ')}`);
});
