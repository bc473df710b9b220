/**
 * Documents built in code are accepted by libvirt. Every document of the registry in
 * `test/support/built.ts` (the example programs' documents, the whole documents the unit
 * tests build, and a few more) is formatted, then judged by libvirt's own tools:
 *
 * - libvirt's RelaxNG schema for its kind (xmllint, one run per schema) must accept it;
 * - virsh's in-process test driver must define it (`define` for domains, `net-define` for
 *   networks), and what libvirt then holds (its dump) must parse strictly and round-trip
 *   through the library.
 *
 * Filters: virsh's test driver has no nwfilter support (virsh 9.0 answers `nwfilter-define`
 * with "this function is not supported by the connection driver"). The suite still asks it,
 * once, and judges filters by libvirt's parser only if it ever accepts them; until then
 * filters are judged by the schema alone, and their virsh tests are skipped saying why.
 *
 * When xmllint, virsh or the schemas are missing the suites are skipped naming what is
 * missing; under CI (`CI=true`) they fail instead, as the other judge suites do.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { format, parse } from '../../src/model/index.js';
import { BUILT, type BuiltDocument } from '../support/built.js';
import { SCHEMAS, schemaDir, schemaProblem, skipUnlessCi, virshBatch, virshProblem, virshQuote, workDir, xmllintProblem, xmllintValidate, type SchemaVerdict, type VirshResult } from '../support/judge.js';
import { roundTrip } from '../support/roundtrip.js';

/** virsh commands that define a document of each kind, dump it and remove it. */
const VIRSH: Record<BuiltDocument['kind'], { define: string; dump: string; remove: string }> = {
  // --security-info keeps passwords, so that the dump holds all the document did.
  domain: { define: 'define --file', dump: 'dumpxml --security-info --domain', remove: 'undefine --domain' },
  network: { define: 'net-define --file', dump: 'net-dumpxml --network', remove: 'net-undefine --network' },
  filter: { define: 'nwfilter-define --file', dump: 'nwfilter-dumpxml --nwfilter', remove: 'nwfilter-undefine --nwfilter' },
};

/** How a driver without nwfilter support answers `nwfilter-define`. */
const UNSUPPORTED = /not supported by the connection driver/;

interface Formatted {
  entry: BuiltDocument;
  /** The object's name as libvirt will know it. */
  name: string;
  xml?: string;
  /** Where the XML was written, relative to the work directory (virsh runs there). */
  file?: string;
  /** The library could not format it. */
  error?: string;
}

interface VirshTrial {
  define: VirshResult;
  dump: VirshResult;
  remove: VirshResult;
}

const schemaProblems = [xmllintProblem(), schemaProblem()].filter((p): p is string => p !== null);
const virshProblems = [virshProblem()].filter((p): p is string => p !== null);
const schemaSkip = skipUnlessCi(schemaProblems);
const virshSkip = skipUnlessCi(virshProblems);

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

let work: { dir: string; remove: () => void } | undefined;
let formatting: Formatted[] | undefined;

/** Every registered document, formatted and written to the work directory, once. */
function formatted(): Formatted[] {
  if (formatting) return formatting;
  work = workDir('built');
  formatting = BUILT.map((entry, i) => {
    const doc = entry.build();
    const out: Formatted = { entry, name: doc.name ?? '(no name)' };
    try {
      out.xml = format(entry.kind, doc as never);
      out.file = `built${i}.xml`;
      writeFileSync(join(work!.dir, out.file), out.xml);
    } catch (e) {
      out.error = describeError(e);
    }
    return out;
  });
  return formatting;
}

let schemaJudging: Promise<Map<Formatted, SchemaVerdict>> | undefined;

/** xmllint's verdicts on every formatted document, one run per schema. */
function schemaVerdicts(): Promise<Map<Formatted, SchemaVerdict>> {
  schemaJudging ??= (async () => {
    if (schemaProblems.length) throw new Error(schemaProblems.join('; '));
    const docs = formatted().filter((f) => f.file);
    const verdicts = new Map<Formatted, SchemaVerdict>();
    for (const kind of new Set(docs.map((d) => d.entry.kind))) {
      const ofKind = docs.filter((d) => d.entry.kind === kind);
      const paths = ofKind.map((d) => join(work!.dir, d.file!));
      const byPath = await xmllintValidate(join(schemaDir, SCHEMAS[kind]), paths);
      ofKind.forEach((d, i) => verdicts.set(d, byPath.get(paths[i])!));
    }
    return verdicts;
  })();
  return schemaJudging;
}

let virshJudging: Promise<Map<Formatted, VirshTrial>> | undefined;

/** virsh's define, dump and remove of every formatted document, in one empty test driver per process. */
function virshTrials(): Promise<Map<Formatted, VirshTrial>> {
  virshJudging ??= (async () => {
    if (virshProblems.length) throw new Error(virshProblems.join('; '));
    const docs = formatted().filter((f) => f.file);
    const units = docs.map((d) => {
      const c = VIRSH[d.entry.kind];
      const name = virshQuote(d.name);
      return [`${c.define} ${virshQuote(d.file!)}`, `${c.dump} ${name}`, `${c.remove} ${name}`];
    });
    const batch = await virshBatch(work!.dir, work!.dir, [], units);
    return new Map(docs.map((d, i) => [d, { define: batch.units[i][0], dump: batch.units[i][1], remove: batch.units[i][2] }]));
  })();
  return virshJudging;
}

after(() => work?.remove());

test('built documents: every registered document formats', () => {
  const failed = formatted().filter((f) => f.error).map((f) => `${f.entry.name}: ${f.error}`);
  assert.deepEqual(failed, []);
  const names = BUILT.map((b) => `${b.kind} ${b.build().name}`);
  assert.equal(new Set(names).size, names.length, 'every document has its own name within its kind');
});

test('built documents: xmllint and the schemas are present', { skip: schemaSkip }, () => {
  assert.deepEqual(schemaProblems, []);
});

test('built documents: virsh and its test driver are present', { skip: virshSkip }, () => {
  assert.deepEqual(virshProblems, []);
});

for (const [i, entry] of BUILT.entries()) {
  const label = `built ${entry.kind} '${entry.name}'`;

  test(`${label}: libvirt's schema (${SCHEMAS[entry.kind]}) accepts it`, { skip: schemaSkip }, async (t) => {
    const doc = formatted()[i];
    assert.equal(doc.error, undefined, `the library could not format it: ${doc.error}`);
    const verdict = (await schemaVerdicts()).get(doc)!;
    for (const m of verdict.messages.slice(0, 10)) t.diagnostic(m.replace(/^\S*\.xml:(?=\d)/, 'line '));
    assert.ok(verdict.valid, `xmllint --relaxng ${SCHEMAS[entry.kind]} rejects it: ${verdict.messages.slice(0, 3).join(' | ')}\n${doc.xml}`);
  });

  const command = VIRSH[entry.kind].define.split(' ')[0];
  test(`${label}: virsh's test driver accepts it (${command}) and its dump round-trips through the library`, { skip: virshSkip }, async (t) => {
    const doc = formatted()[i];
    assert.equal(doc.error, undefined, `the library could not format it: ${doc.error}`);
    const trial = (await virshTrials()).get(doc)!;
    if (entry.kind === 'filter' && trial.define.errors.some((e) => UNSUPPORTED.test(e))) {
      t.skip(`virsh's test driver has no nwfilter support (${trial.define.errors.join(' / ')}): judged by the schema only`);
      return;
    }
    assert.deepEqual(trial.define.errors, [], `libvirt rejects it${trial.define.crashed ? ' (virsh died)' : ''}: ${trial.define.errors.join(' / ')}\n${doc.xml}`);
    assert.deepEqual([...trial.dump.errors, ...trial.remove.errors], [], 'the harness could not dump or remove it');
    const dump = trial.dump.out;
    t.diagnostic(`libvirt holds ${dump.split('\n').length - 1} lines for our ${doc.xml!.split('\n').length - 1}`);
    const back = roundTrip(dump);
    assert.equal(back.error, undefined, `libvirt's dump could not be read: ${back.error}`);
    assert.deepEqual(back.unmodeled, [], "libvirt's dump has nodes the model does not know");
    assert.equal(back.xmlDiff, null, "libvirt's dump does not round-trip (XML -> XML)");
    assert.equal(back.jsonDiff, null, "libvirt's dump does not round-trip (XML -> JSON -> XML)");
    const held = parse(dump);
    assert.equal(held.kind, entry.kind);
    assert.equal((held.doc as { name?: string }).name, doc.name, 'the dump is of the document defined');
  });
}
