/**
 * The long fuzz run: the engine of test/fuzz/mutate.ts over as many inputs as asked.
 *
 *   npm run fuzz -- --iterations 200000 [--seed S] [--from I] [--json-every K]
 *                   [--jobs J] [--budget-ms MS] [--hang-ms MS] [--max-failures N] [--all]
 *
 * Prints the iterations run and their outcomes (parsed, rejected by kind of error,
 * failures), then each kind of failure once with the seed, iteration and mutation chain
 * that rebuild its input (`--all`: every failure). `--from I --iterations 1` replays one
 * input. Exit code 1 when anything failed.
 */
import { availableParallelism } from 'node:os';
import { describeFailure, groupFailures, runFuzz, type FuzzOptions, type Summary } from '../test/fuzz/mutate.js';

const HELP = `Usage: npm run fuzz -- [--iterations N] [--seed S] [--from I] [--json-every K]
                     [--jobs J] [--budget-ms MS] [--hang-ms MS] [--max-failures N] [--all]

  --iterations N     inputs to run (default 10000)
  --seed S           seed of the run (default: from the clock, printed)
  --from I           first iteration (replay one input: --from I --iterations 1)
  --json-every K     one input in K is a mutated JSON form (default 4; 0: XML only)
  --jobs J           worker threads sharing the iterations (default: CPUs, at most 4)
  --budget-ms MS     an input slower than this (plus 1 ms per 4 KB) fails (default 2000)
  --hang-ms MS       no progress for this long is a hang (default 10000)
  --max-failures N   stop after N failures (default 1000)
  --all              print every failure, not one per kind`;

function parseArgs(argv: string[]): { options: FuzzOptions; all: boolean } {
  const options: FuzzOptions = {
    seed: Date.now() % 1_000_000_007,
    iterations: 10_000,
    jsonEvery: 4,
    budgetMs: 2000,
    hangMs: 10_000,
    maxFailures: 1000,
    jobs: Math.max(1, Math.min(4, availableParallelism())),
  };
  let all = false;
  const numbers: Record<string, keyof FuzzOptions> = {
    '--iterations': 'iterations',
    '--seed': 'seed',
    '--from': 'from',
    '--json-every': 'jsonEvery',
    '--budget-ms': 'budgetMs',
    '--hang-ms': 'hangMs',
    '--max-failures': 'maxFailures',
    '--jobs': 'jobs',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    if (flag === '-h' || flag === '--help') {
      console.log(HELP);
      process.exit(0);
    }
    if (flag === '--all') {
      all = true;
      continue;
    }
    const key = numbers[flag];
    if (!key) {
      console.error(`fuzz: unknown option '${argv[i]}'\n\n${HELP}`);
      process.exit(2);
    }
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    if (raw === undefined || !Number.isSafeInteger(n) || n < 0) {
      console.error(`fuzz: ${flag} needs a non-negative integer, got ${raw === undefined ? 'nothing' : `'${raw}'`}`);
      process.exit(2);
    }
    (options as unknown as Record<string, number>)[key] = n;
  }
  return { options, all };
}

function printSummary(summary: Summary, all: boolean): void {
  const rate = summary.iterations / (summary.ms / 1000);
  console.log(`\nseed ${summary.seed}: ${summary.iterations} iterations in ${(summary.ms / 1000).toFixed(1)} s (${rate.toFixed(0)} inputs/s)`);
  const outcomes = Object.entries(summary.outcomes).sort(([a], [b]) => (a < b ? -1 : 1));
  const width = Math.max(...outcomes.map(([k]) => k.length), 10);
  for (const [k, n] of outcomes) console.log(`  ${k.padEnd(width)}  ${String(n).padStart(8)}  ${((100 * n) / summary.iterations).toFixed(1).padStart(5)}%`);
  console.log(`  slowest input: iteration ${summary.slowest.iteration} (${summary.slowest.mode}), ${summary.slowest.ms.toFixed(0)} ms`);
  if (summary.failures.length === 0) {
    console.log('\nno failures');
    return;
  }
  const groups = groupFailures(summary.failures);
  console.log(`\n${summary.failures.length} failures, ${groups.length} kinds`);
  if (all) {
    for (const f of summary.failures) console.log('\n' + describeFailure(summary.seed, f));
  } else {
    for (const g of groups) console.log(`\n[${g.count}x] ${describeFailure(summary.seed, g.first)}`);
  }
}

const { options, all } = parseArgs(process.argv.slice(2));
console.log(
  `fuzz: seed ${options.seed}, iterations ${options.from ?? 0}..${(options.from ?? 0) + options.iterations - 1}, ` +
    `${options.jsonEvery ? `one in ${options.jsonEvery} JSON` : 'XML only'}, ${options.jobs} worker(s)`,
);
let lastPrint = 0;
const summary = await runFuzz(options, (done, partial) => {
  const now = Date.now();
  if (now - lastPrint < 5000) return;
  lastPrint = now;
  process.stderr.write(`  ${done}/${options.iterations} inputs, ${partial.failures.length} failures\n`);
});
printSummary(summary, all);
process.exitCode = summary.failures.length > 0 ? 1 : 0;
