/**
 * Parser agreement: libvirt's own parser (virsh over the in-process test driver, no daemon)
 * judges our output. For every corpus domain, network, pool, volume and host interface:
 *
 * - libvirt accepts our formatted output exactly when it accepts the original, and when it
 *   rejects both it gives the same reason;
 * - what libvirt holds after defining our output (its dumpxml) is what it holds after defining
 *   the original, apart from values it generates at random (a missing UUID or MAC address);
 * - that dump round-trips through the library (XML -> XML, semantically equal), and parses
 *   strictly (no node the model does not know) for every kind whose corpus documents accepted
 *   by libvirt already parse strictly, which is how a kind is known to be complete.
 *
 * The virsh here may be older than the libvirt of the corpus: documents it rejects are counted,
 * not judged. Each kind runs in a few virsh processes, each a fresh empty test driver; every
 * document is defined, dumped and undefined in turn, so names never collide. An output that is
 * the original byte for byte is not defined a second time. See README.md beside this file.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { format, parse } from '../../src/model/index.js';
import { parseXml } from '../../src/xml/parser.js';
import { compareTrees } from '../support/compare.js';
import { corpusDir, corpusFiles, type CorpusFile } from '../support/corpus.js';
import { child, childText, inParallel, maskGenerated, skipUnlessCi, virshBatch, virshProblem, virshQuote, workDir, type VirshResult } from '../support/judge.js';
import type { XmlElement } from '../../src/xml/tree.js';

interface Target {
  /** Where the document is defined, in reports (for volumes, the pool). */
  label: string;
  /** virsh commands: define a file, dump / remove an object by name. */
  define: (file: string) => string;
  dump: (name: string) => string;
  remove: (name: string) => string;
}

interface KindSpec {
  kind: 'domain' | 'network' | 'pool' | 'volume' | 'interface';
  /** The object's name as libvirt will know it. */
  name: (root: XmlElement) => string | undefined;
  /** Commands run first in every virsh process. */
  setup: string[];
  /** Where to define each document; a document is judged in the first target that accepts the original. */
  targets: Target[];
}

const volumeTarget = (pool: string): Target => ({
  label: pool,
  define: (f) => `vol-create --pool ${pool} --file ${f}`,
  dump: (n) => `vol-dumpxml --pool ${pool} --vol ${virshQuote(n)}`,
  remove: (n) => `vol-delete --pool ${pool} --vol ${virshQuote(n)}`,
});

const SPECS: KindSpec[] = [
  {
    kind: 'domain',
    name: (r) => childText(r, 'name'),
    setup: [],
    targets: [
      {
        label: 'the test driver',
        define: (f) => `define --file ${f}`,
        // --security-info keeps passwords, so that the dump holds all the document did.
        dump: (n) => `dumpxml --security-info --domain ${virshQuote(n)}`,
        remove: (n) => `undefine --domain ${virshQuote(n)}`,
      },
    ],
  },
  {
    kind: 'network',
    name: (r) => childText(r, 'name'),
    setup: [],
    targets: [
      {
        label: 'the test driver',
        define: (f) => `net-define --file ${f}`,
        dump: (n) => `net-dumpxml --network ${virshQuote(n)}`,
        remove: (n) => `net-undefine --network ${virshQuote(n)}`,
      },
    ],
  },
  {
    kind: 'pool',
    // libvirt names a logical pool without a name after its volume group.
    name: (r) => childText(r, 'name') ?? (r.attrs.type === 'logical' ? childText(child(r, 'source'), 'name') : undefined),
    setup: [],
    targets: [
      {
        label: 'the test driver',
        define: (f) => `pool-define --file ${f}`,
        dump: (n) => `pool-dumpxml --pool ${virshQuote(n)}`,
        remove: (n) => `pool-undefine --pool ${virshQuote(n)}`,
      },
    ],
  },
  {
    // A volume's format is read by its pool's type: libvirt's own tests pair file volumes with
    // a directory pool, partitions with a disk pool and logical volumes with an LVM pool.
    kind: 'volume',
    name: (r) => childText(r, 'name'),
    setup: [
      'pool-create-as --name judge-dir --type dir --target /judge',
      'pool-create-as --name judge-disk --type disk --source-dev /dev/judge --target /dev',
      'pool-create-as --name judge-logical --type logical --source-name judge --target /dev/judge',
    ],
    targets: [volumeTarget('judge-dir'), volumeTarget('judge-disk'), volumeTarget('judge-logical')],
  },
  {
    kind: 'interface',
    name: (r) => r.attrs.name,
    setup: [],
    targets: [
      {
        label: 'the test driver',
        define: (f) => `iface-define --file ${f}`,
        dump: (n) => `iface-dumpxml --interface ${virshQuote(n)}`,
        remove: (n) => `iface-undefine --interface ${virshQuote(n)}`,
      },
    ],
  },
];

/** The outcome of one document in one target. */
interface Trial {
  origErrors: string[];
  oursErrors: string[];
  origDump?: string;
  oursDump?: string;
  /** libvirt's parser crashed on the original (virsh died defining it). */
  crashed: boolean;
  /** Errors of removing what was defined (the harness itself failing). */
  cleanup: string[];
}

interface Judged {
  file: CorpusFile;
  /** The library could not parse or format the document, or it has no name. */
  error?: string;
  /** Unmodeled nodes of the original, strictly parsed. */
  unmodeled: string[];
  /** Our output is the original byte for byte (so it was defined once). */
  identical?: boolean;
  /** Where our output was written, when it is not identical. */
  oursFile?: string;
  /** libvirt gave the original and ours different reasons for rejecting them, but not on a second run. */
  flaky?: boolean;
  trials: Trial[];
}

const files = corpusFiles();
const problems = [virshProblem(), files.length === 0 ? `no corpus at ${corpusDir}` : null].filter((p): p is string => p !== null);
const skip = skipUnlessCi(problems);

interface KindJudgement {
  docs: Judged[];
  /** virsh processes started for the kind, and how many of them died. */
  processes: number;
  crashes: number;
}

let judging: Promise<Map<string, KindJudgement>> | undefined;

/** Defines, dumps and removes every document of every kind, once for all tests. */
function judged(): Promise<Map<string, KindJudgement>> {
  judging ??= (async () => {
    if (problems.length) throw new Error(problems.join('; '));
    const work = workDir('virsh');
    try {
      let n = 0;
      const jobs = SPECS.map((spec) => {
        const judged: Judged[] = [];
        const units: string[][] = [];
        const unitOwner: { doc: Judged; target: number; ours: boolean }[] = [];
        for (const file of files.filter((f) => f.root === spec.kind)) {
          const doc: Judged = { file, unmodeled: [], trials: [] };
          judged.push(doc);
          let name: string | undefined;
          let ours: string;
          try {
            name = spec.name(parseXml(file.text).root);
            const parsed = parse(file.text, { report: (path, problem) => doc.unmodeled.push(`${path} ${problem}`) });
            ours = format(parsed.kind, parsed.doc as never);
          } catch (e) {
            doc.error = `the library could not format it: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
            continue;
          }
          if (name === undefined) name = '(no name)';
          // The original is read where it is (virsh runs in the corpus directory). Our output is
          // written only when it differs from the original byte for byte; otherwise libvirt's
          // verdict on it is the verdict on the original, and it is judged once.
          const original = virshQuote(file.name);
          let mine: string | undefined;
          if (ours === file.text) doc.identical = true;
          else {
            doc.oursFile = join(work.dir, `b${n++}.xml`);
            writeFileSync(doc.oursFile, ours);
            mine = virshQuote(doc.oursFile);
          }
          // One unit per target for the original and one for ours, each leaving the driver as it found it.
          spec.targets.forEach((t, ti) => {
            units.push([t.define(original), t.dump(name), t.remove(name)]);
            unitOwner.push({ doc, target: ti, ours: false });
            if (mine) {
              units.push([t.define(mine), t.dump(name), t.remove(name)]);
              unitOwner.push({ doc, target: ti, ours: true });
            }
          });
        }
        /** Runs the units of the given documents and records their trials. */
        const judge = async (which: Set<Judged> | null) => {
          const picked = units.flatMap((_, u) => (which === null || which.has(unitOwner[u].doc) ? [u] : []));
          const batch = await virshBatch(work.dir, corpusDir, spec.setup, picked.map((u) => units[u]));
          for (const results of batch.setup) {
            for (const r of results) assert.deepEqual(r.errors, [], `virsh setup '${r.command}' failed`);
          }
          picked.forEach((u, k) => {
            const { doc, target, ours } = unitOwner[u];
            if (ours) return;
            const next = unitOwner[u + 1];
            const mine = next?.ours && next.doc === doc ? batch.units[k + 1] : batch.units[k];
            doc.trials[target] = trialOf(batch.units[k], mine, doc.file.name, doc.oursFile ?? doc.file.name);
          });
          return batch;
        };
        return async () => {
          const batch = await judge(null);
          // libvirt 9.0 now and then prints an empty message in place of the reason for a
          // rejection; a document rejected for two different reasons is judged a second time.
          const again = new Set(judged.filter((d) => d.trials.some((tr) => differentReasons(tr))));
          const second = again.size ? await judge(again) : undefined;
          for (const d of again) if (!d.trials.some((tr) => differentReasons(tr))) d.flaky = true;
          return [
            spec.kind,
            { docs: judged, processes: batch.processes + (second?.processes ?? 0), crashes: batch.crashes + (second?.crashes ?? 0) },
          ] as const;
        };
      });
      return new Map(await inParallel(jobs));
    } finally {
      work.remove();
    }
  })();
  return judging;
}

/** Both rejected, for different reasons. */
const differentReasons = (tr: Trial) => tr.origErrors.length > 0 && tr.oursErrors.length > 0 && reason(tr.origErrors) !== reason(tr.oursErrors);

/** libvirt's messages, with the file it was given (which differs between the two) as FILE. */
const withoutFile = (errors: string[], file: string) => errors.map((e) => e.split(file).join('FILE'));

function trialOf([defOrig, dumpOrig, rmOrig]: VirshResult[], [defOurs, dumpOurs, rmOurs]: VirshResult[], origFile: string, oursFile: string): Trial {
  const t: Trial = {
    origErrors: withoutFile(defOrig.errors, origFile),
    oursErrors: withoutFile(defOurs.errors, oursFile),
    crashed: !!defOrig.crashed,
    cleanup: [],
  };
  if (t.origErrors.length === 0) {
    t.origDump = dumpOrig.out;
    t.cleanup.push(...dumpOrig.errors, ...rmOrig.errors);
  }
  if (t.oursErrors.length === 0) {
    t.oursDump = dumpOurs.out;
    t.cleanup.push(...dumpOurs.errors, ...rmOurs.errors);
  }
  return t;
}

/** libvirt's reason for a rejection. */
const reason = (errors: string[]) => errors.join(' / ');

/** A long message cut for a report line. */
function clip(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}...` : s;
}

test('virsh judge: virsh and its test driver are present', { skip }, () => {
  assert.deepEqual(problems, []);
});

for (const spec of SPECS) {
  test(`virsh judge: ${spec.kind}: libvirt accepts our output as it accepts the original, holds the same definition, and that definition round-trips through the library`, { skip }, async (t) => {
    const { docs, processes, crashes } = (await judged()).get(spec.kind)!;
    const disagreements: string[] = [];
    const strictProblems: string[] = [];
    let accepted = 0;
    let rejected = 0;
    const crashedOn: string[] = [];
    const judgedDocs: { doc: Judged; trial: Trial }[] = [];
    for (const doc of docs) {
      if (doc.error) {
        disagreements.push(`${doc.file.name}: ${doc.error}`);
        continue;
      }
      const chosen = doc.trials.findIndex((tr) => tr.origErrors.length === 0);
      if (doc.trials.some((tr) => tr.crashed)) crashedOn.push(doc.file.name);
      if (chosen < 0) rejected++;
      else {
        accepted++;
        judgedDocs.push({ doc, trial: doc.trials[chosen] });
      }
      doc.trials.forEach((tr, ti) => {
        const where = spec.targets.length > 1 ? ` (in ${spec.targets[ti].label})` : '';
        if (tr.cleanup.length) disagreements.push(`${doc.file.name}${where}: the harness could not dump or remove it: ${tr.cleanup.join(' / ')}`);
        const okOrig = tr.origErrors.length === 0;
        const okOurs = tr.oursErrors.length === 0;
        if (okOrig && !okOurs) disagreements.push(`${doc.file.name}${where}: libvirt accepts the original but rejects our output: ${reason(tr.oursErrors)}`);
        else if (!okOrig && okOurs) disagreements.push(`${doc.file.name}${where}: libvirt rejects the original (${reason(tr.origErrors)}) but accepts our output`);
        else if (differentReasons(tr)) {
          disagreements.push(`${doc.file.name}${where}: libvirt rejects both, for different reasons: original: ${reason(tr.origErrors)}; ours: ${reason(tr.oursErrors)}`);
        }
      });
    }
    // A kind is complete when every original libvirt accepted parses strictly.
    const complete = judgedDocs.every(({ doc }) => doc.unmodeled.length === 0);
    let strictClean = 0;
    for (const { doc, trial } of judgedDocs) {
      if (trial.origDump === undefined || trial.oursDump === undefined) continue;
      try {
        const held = parseXml(trial.oursDump).root;
        const diff = compareTrees(maskGenerated(parseXml(trial.origDump).root, doc.file.text), maskGenerated(held, doc.file.text));
        if (diff) disagreements.push(`${doc.file.name}: libvirt holds something else after defining our output: ${diff}`);
        const unmodeled: string[] = [];
        const back = parse(trial.oursDump, { report: (path, problem) => unmodeled.push(`${path} ${problem}`) });
        const again = compareTrees(held, parseXml(format(back.kind, back.doc as never)).root);
        if (again) disagreements.push(`${doc.file.name}: libvirt's dump of it does not round-trip through the library: ${again}`);
        if (unmodeled.length === 0) strictClean++;
        else strictProblems.push(`${doc.file.name}: libvirt's dump of it has nodes the model does not know: ${unmodeled.slice(0, 5).join('; ')}`);
      } catch (e) {
        disagreements.push(`${doc.file.name}: libvirt's dump could not be read: ${clip(e instanceof Error ? `${e.name}: ${e.message}` : String(e))}`);
      }
    }
    t.diagnostic(
      `${docs.length} ${spec.kind} documents: ${accepted} accepted, ${rejected} rejected by this libvirt (not judged); ` +
        `${docs.filter((d) => d.identical).length} formatted byte for byte as the original (judged once); ` +
        `${strictClean} of ${accepted} dumps parse strictly (kind ${complete ? 'complete: asserted' : 'not complete: counted only'}); ` +
        `${disagreements.length} disagreements; ${processes} virsh processes${crashes ? `, ${crashes} of them died` : ''}`,
    );
    if (spec.targets.length > 1) {
      const where = spec.targets.map((tg, ti) => `${tg.label} ${judgedDocs.filter(({ doc }) => doc.trials.findIndex((tr) => tr.origErrors.length === 0) === ti).length}`);
      t.diagnostic(`judged in the first that accepts the original: ${where.join(', ')}`);
    }
    const reasons = new Map<string, number>();
    for (const doc of docs) {
      if (doc.error || doc.trials.some((tr) => tr.origErrors.length === 0)) continue;
      const r = reason(doc.trials[0].origErrors.slice(-1));
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    const top = [...reasons].sort((a, b) => b[1] - a[1]);
    if (top.length) t.diagnostic(`rejections: ${top.slice(0, 12).map(([r, c]) => `${c}x ${clip(r)}`).join(' | ')}${top.length > 12 ? ` | and ${top.length - 12} other reasons` : ''}`);
    const flaky = docs.filter((d) => d.flaky).map((d) => d.file.name);
    if (flaky.length) t.diagnostic(`libvirt gave two reasons for rejecting the same document, then one on a second run: ${flaky.join(', ')}`);
    if (crashedOn.length) t.diagnostic(`libvirt's parser crashed (virsh died) on the original of: ${crashedOn.join(', ')}`);
    for (const d of [...disagreements, ...strictProblems].slice(0, 40)) t.diagnostic(d);
    assert.ok(docs.length > 0, `no ${spec.kind} documents in the corpus`);
    assert.ok(accepted > 0, `this libvirt accepted none of the ${spec.kind} documents`);
    assert.deepEqual(disagreements, [], `${disagreements.length} disagreements with libvirt in ${docs.length} ${spec.kind} documents`);
    if (complete) assert.deepEqual(strictProblems, [], `${strictProblems.length} dumps with unmodeled nodes`);
  });
}
