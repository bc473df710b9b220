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
import { describeFailure, groupFailures, jsonCase, loadSeeds, Rng, runFuzz, xmlCase, type FuzzOptions, type Summary } from './mutate.js';

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
