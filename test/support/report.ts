/**
 * Coverage report over the corpus, for model work:
 *   npx tsx test/support/report.ts [--kind domain] [--grep /domain/devices/disk] [--files]
 * Prints round-trip failures and unmodeled paths (indexes removed) with counts and an example file.
 */
import { corpusFiles } from './corpus.js';
import { roundTrip } from './roundtrip.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const kind = opt('--kind');
const grep = opt('--grep');
const listFiles = args.includes('--files');

const unmodeled = new Map<string, { count: number; example: string }>();
const failures: string[] = [];
let total = 0;
let clean = 0;
for (const f of corpusFiles()) {
  if (kind && f.root !== kind) continue;
  total++;
  const r = roundTrip(f.text);
  let ok = true;
  if (r.error) failures.push(`${f.name}: ERROR ${r.error}`), (ok = false);
  if (r.xmlDiff) failures.push(`${f.name}: XML round trip: ${r.xmlDiff}`), (ok = false);
  if (r.jsonDiff && r.jsonDiff !== r.xmlDiff) failures.push(`${f.name}: JSON round trip: ${r.jsonDiff}`), (ok = false);
  for (const line of r.unmodeled) {
    const key = line.replace(/\[\d+\]/g, '');
    if (grep && !key.startsWith(grep)) continue;
    ok = false;
    const e = unmodeled.get(key);
    if (e) e.count++;
    else unmodeled.set(key, { count: 1, example: f.name });
  }
  if (ok) clean++;
}
const shownFailures = grep ? failures.filter((l) => l.includes(grep)) : failures;
console.log(`${total} documents${kind ? ` of kind ${kind}` : ''}; ${clean} round-trip cleanly and strictly${grep ? ` (within ${grep})` : ''}`);
if (shownFailures.length) {
  console.log(`\n${shownFailures.length} round-trip failures:`);
  for (const l of shownFailures.slice(0, 50)) console.log('  ' + l);
}
const rows = [...unmodeled.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
console.log(`\n${rows.length} distinct unmodeled paths${grep ? ` under ${grep}` : ''}:`);
for (const [path, { count, example }] of rows) console.log(`  ${count}\t${path}${listFiles ? `\t(${example})` : ''}`);
