/**
 * Every string-valued field of every document kind carries any string XML 1.0 can carry,
 * exactly, through format and parse; a string XML cannot carry is a ModelError and nothing
 * is written.
 *
 * The fields are found by walking the definitions from `documents` (attributes, leaves and
 * text whose value type is exact, through children and variant cases, each definition
 * once per kind so recursive ones end). For each field the test builds the smallest object
 * that reaches it: one object per step, arrays of one for repeated children, and the
 * discriminating attribute set wherever a step or the field lives in a variant case.
 *
 * Seeded: FUZZ_SEED=<n> replays a run; a failure message names the seed of each field.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { main } from '../../src/cli/main.js';
import { LibvirtXmlError, ModelError } from '../../src/errors.js';
import { documents, format, fromJson, parse, toJson, type Kind } from '../../src/model/index.js';
import type { ElDef, Field, Fields } from '../../src/schema/define.js';

// ---------------------------------------------------------------------------------------
// The fields

/** One step from an object to a child object. */
interface Step {
  key: string;
  many: boolean;
  /** Definition of the object the step starts from. */
  from: ElDef;
  /** Variant case of `from` that holds the child field, if it is not a common field. */
  caseName?: string;
}

interface Target {
  kind: Kind;
  steps: Step[];
  def: ElDef;
  caseName?: string;
  key: string;
  field: Field & { kind: 'attr' | 'leaf' | 'text' };
  /** Readable location: `/domain/devices/disk[type=file]/source/@file`. */
  where: string;
}

function resolve(def: ElDef | (() => ElDef)): ElDef {
  return typeof def === 'function' ? def() : def;
}

function fieldSets(def: ElDef): [string | undefined, Fields][] {
  const sets: [string | undefined, Fields][] = [[undefined, def.fields]];
  for (const [name, fields] of Object.entries(def.variants?.cases ?? {})) sets.push([name, fields]);
  return sets;
}

function xmlName(key: string, field: Field): string {
  if (field.kind === 'attr') return `@${field.xml ?? key}`;
  if (field.kind === 'text') return 'text()';
  if (field.kind === 'child') return resolve(field.def).name;
  return (field as { xml?: string }).xml ?? key;
}

function describeSteps(kind: string, steps: Step[]): string {
  let out = `/${kind}`;
  for (const s of steps) {
    if (s.caseName !== undefined) out += `[${s.from.variants!.by}=${s.caseName}]`;
    const field = fieldSets(s.from).find(([c]) => c === s.caseName)![1][s.key];
    out += `/${xmlName(s.key, field)}`;
  }
  return out;
}

/** Breadth first, so each definition is reached by its shortest path. */
function stringTargets(kind: Kind): Target[] {
  const root = documents[kind].root as ElDef;
  const seen = new Set<ElDef>([root]);
  const queue: { def: ElDef; steps: Step[] }[] = [{ def: root, steps: [] }];
  const out: Target[] = [];
  while (queue.length > 0) {
    const { def, steps } = queue.shift()!;
    for (const [caseName, fields] of fieldSets(def)) {
      for (const [key, field] of Object.entries(fields)) {
        if (field.kind === 'child') {
          const child = resolve(field.def);
          if (seen.has(child)) continue;
          seen.add(child);
          queue.push({ def: child, steps: [...steps, { key, many: field.many, from: def, caseName }] });
        } else if ((field.kind === 'attr' || field.kind === 'leaf' || field.kind === 'text') && field.type.exact) {
          const here = describeSteps(kind, steps) + (caseName !== undefined ? `[${def.variants!.by}=${caseName}]` : '');
          out.push({ kind, steps, def, caseName, key, field, where: `${here}/${xmlName(key, field)}` });
        }
      }
    }
  }
  return out;
}

type Obj = Record<string, unknown>;

/** The smallest document reaching the target, with `value` in it. */
function build(target: Target, value: string): Obj {
  const doc: Obj = {};
  let obj = doc;
  for (const step of target.steps) {
    if (step.caseName !== undefined) obj[step.from.variants!.by] = step.caseName;
    const child: Obj = {};
    obj[step.key] = step.many ? [child] : child;
    obj = child;
  }
  if (target.caseName !== undefined) obj[target.def.variants!.by] = target.caseName;
  obj[target.key] = target.field.kind === 'leaf' && target.field.many ? [value] : value;
  return doc;
}

/** The target's value in a parsed document, or a description of where the path broke. */
function readBack(target: Target, doc: unknown): { value: unknown } | { broken: string } {
  let obj = doc as Obj | undefined;
  for (const step of target.steps) {
    let next = obj?.[step.key];
    if (step.many) next = Array.isArray(next) ? next[0] : undefined;
    if (typeof next !== 'object' || next === null) return { broken: `no object at step '${step.key}' (parsed: ${JSON.stringify(obj)})` };
    obj = next as Obj;
  }
  const value = obj![target.key];
  if (target.field.kind === 'leaf' && target.field.many) {
    if (!Array.isArray(value)) return { broken: `expected an array at '${target.key}', parsed: ${JSON.stringify(obj)}` };
    return { value: value[0] };
  }
  return { value };
}

/** Checks one string; returns a description of the failure, or null. */
function roundTripFailure(target: Target, value: string): string | null {
  let xml: string;
  try {
    xml = format(target.kind, build(target, value) as never);
  } catch (e) {
    return `format threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  let parsed;
  try {
    parsed = parse(xml);
  } catch (e) {
    return `its own output does not parse: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n      output: ${JSON.stringify(xml)}`;
  }
  const got = readBack(target, parsed.doc);
  if ('broken' in got) return `${got.broken}\n      output: ${JSON.stringify(xml)}`;
  // Empty text content and no text content are the same XML (`<e></e>` is `<e/>`).
  if (value === '' && target.field.kind === 'text' && got.value === undefined) return null;
  if (got.value !== value) return `came back as ${JSON.stringify(got.value)}\n      output: ${JSON.stringify(xml)}`;
  // And through the JSON form: the same bytes again.
  try {
    const viaJson = fromJson(JSON.parse(JSON.stringify(toJson(parsed))));
    const again = format(viaJson.kind, viaJson.doc as never);
    if (again !== xml) return `XML -> JSON -> XML gives ${JSON.stringify(again)}\n      instead of: ${JSON.stringify(xml)}`;
  } catch (e) {
    return `the JSON round trip threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  return null;
}

/** Checks that a string XML cannot carry is refused; returns a description of the failure, or null. */
function rejectionFailure(target: Target, value: string): string | null {
  let xml: string;
  try {
    xml = format(target.kind, build(target, value) as never);
  } catch (e) {
    if (e instanceof ModelError) return null;
    return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of a ModelError`;
  }
  return `was written instead of refused: ${JSON.stringify(xml)}`;
}

// ---------------------------------------------------------------------------------------
// The strings

/** Characters outside XML 1.0's Char production (unpaired surrogates included). */
const NON_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One unit of an XML-carriable string: mostly single characters, with the awkward ones and a few markup-like fragments weighted up. */
const xmlUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 4, arbitrary: fc.constantFrom('\t', '\n', '\r', ' ', '&', '<', '>', '"', "'", ']', '\u007F', '\u0085', '\u00A0', '\u2028', '\uFEFF', '\uFFFD') },
  { weight: 2, arbitrary: fc.constantFrom('\r\n', ']]>', '&amp;', '&#10;', '<!--', '-->', '<![CDATA[', '?>', '<a/>', '  ') },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);
const xmlString = fc.string({ unit: xmlUnit, maxLength: 24 });

/** One character XML 1.0 cannot carry. */
const nonXmlUnit: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(0, 1, 8, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 9 && c !== 10 && c !== 13).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uFFFE', '\uFFFF'),
  fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const nonXmlString = fc
  .tuple(xmlString, nonXmlUnit, xmlString)
  .map(([a, bad, b]) => a + bad + b)
  .filter((s) => NON_XML.test(s));

/** Tried on every field, before the random ones. */
const EDGE_CASES = [
  '', ' ', '  leading', 'trailing  ', '  both  ', '\t', '\n', '\r', '\r\n', ' \t\n\r ', '\n\n', 'a\tb\nc\rd\r\ne',
  '&', '&amp;', '&lt;', '<', '>', ']]>', ']]]>>', "'", '"', `'"'"`, '<x/>', '<!-- c -->', '<![CDATA[x]]>', '<?pi x?>', '&#10;',
  '\uFEFF', '\uFEFFleading BOM', '\u0085\u2028\u2029', '\u007F\u0080\u009F', '\uFFFD', '\uD83D\uDE00', 'x\uDBFF\uDFFFy', 'é' + '\u0301',
  '0', '-1', 'yes', 'no', 'true', 'x'.repeat(2000),
];
const BAD_EDGE_CASES = ['\0', 'a\0b', '\x01', '\x08', '\x0B', '\x0C', '\x0E', '\x1F', '\uFFFE', 'x\uFFFF', '\uD800', '\uDBFF', '\uDC00', 'a\uDFFFb', '\uDC00\uD800', 'x\uD83D'];

const BASE_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20240607;
/** Random strings per field; with about 1500 fields this keeps the whole file within seconds. */
const VALID_RUNS = Number(process.env.STRING_RUNS ?? 30);
const INVALID_RUNS = Math.max(5, Math.round(VALID_RUNS / 3));

function show(s: string): string {
  // JSON.stringify writes lone surrogates as \udxxx escapes, so every input is readable.
  return JSON.stringify(s);
}

// ---------------------------------------------------------------------------------------
// The tests

const kinds = Object.keys(documents) as Kind[];
const targetsByKind = new Map(kinds.map((k) => [k, stringTargets(k)] as const));

test('the walk finds the string fields of the model', () => {
  const total = [...targetsByKind.values()].reduce((n, list) => n + list.length, 0);
  // The domain alone has several hundred; a walk that stops early would find far fewer.
  assert.ok((targetsByKind.get('domain') ?? []).length > 300, `only ${targetsByKind.get('domain')?.length} domain string fields found`);
  assert.ok(total > 500, `only ${total} string fields found`);
  const where = new Set([...targetsByKind.values()].flat().map((t) => t.where));
  for (const expected of ['/domain/name', '/domain/devices/disk/@device', '/domain/devices/emulator']) {
    assert.ok(where.has(expected), `${expected} is not among the fields found`);
  }
});

let fieldIndex = 0;
for (const kind of kinds) {
  const targets = targetsByKind.get(kind)!;
  const seedOfKind = fieldIndex;
  fieldIndex += targets.length;

  test(`${kind}: every string field (${targets.length}) round-trips any string XML can carry`, { skip: targets.length === 0 && 'no string fields' }, () => {
    const failures: string[] = [];
    targets.forEach((target, i) => {
      for (const value of EDGE_CASES) {
        const f = roundTripFailure(target, value);
        if (f) {
          failures.push(`${target.where}: ${show(value)} ${f}`);
          return; // one finding per field is enough to act on
        }
      }
      const seed = BASE_SEED + seedOfKind + i;
      const details = fc.check(
        fc.property(xmlString, (value) => roundTripFailure(target, value) === null),
        { numRuns: VALID_RUNS, seed },
      );
      if (details.failed) {
        const value = details.counterexample![0];
        failures.push(`${target.where}: ${show(value)} ${roundTripFailure(target, value)} (seed ${seed})`);
      }
    });
    assert.equal(failures.length, 0, `LOST STRINGS: ${failures.length} of ${targets.length} ${kind} string fields do not round-trip:\n  ${failures.slice(0, 40).join('\n  ')}`);
  });

  test(`${kind}: every string field (${targets.length}) refuses a string XML cannot carry, with a ModelError`, { skip: targets.length === 0 && 'no string fields' }, () => {
    const failures: string[] = [];
    targets.forEach((target, i) => {
      for (const value of BAD_EDGE_CASES) {
        const f = rejectionFailure(target, value);
        if (f) {
          failures.push(`${target.where}: ${show(value)} ${f}`);
          return;
        }
      }
      const seed = BASE_SEED + seedOfKind + i;
      const details = fc.check(
        fc.property(nonXmlString, (value) => rejectionFailure(target, value) === null),
        { numRuns: INVALID_RUNS, seed },
      );
      if (details.failed) {
        const value = details.counterexample![0];
        failures.push(`${target.where}: ${show(value)} ${rejectionFailure(target, value)} (seed ${seed})`);
      }
    });
    assert.equal(failures.length, 0, `UNSAFE OUTPUT: ${failures.length} of ${targets.length} ${kind} string fields:\n  ${failures.slice(0, 40).join('\n  ')}`);
  });
}

/** The path a ModelError gives for the target: `/domain/devices/disk[1]/source/@file`. */
function errorPath(target: Target): string {
  let out = `/${target.kind}`;
  for (const s of target.steps) {
    const field = fieldSets(s.from).find(([c]) => c === s.caseName)![1][s.key];
    out += `/${xmlName(s.key, field)}${s.many ? '[1]' : ''}`;
  }
  const f = target.field;
  return out + `/${xmlName(target.key, f)}${f.kind === 'leaf' && f.many ? '[1]' : ''}`;
}

test('the ModelError for a character XML cannot carry names the path of the field', () => {
  // The README promises "a ModelError naming its path" for a wrong value.
  const failures: string[] = [];
  for (const kind of kinds) {
    for (const target of targetsByKind.get(kind)!) {
      try {
        format(kind, build(target, 'bad\x01') as never);
        failures.push(`${target.where}: written`);
      } catch (e) {
        if (!(e instanceof ModelError)) failures.push(`${target.where}: ${String(e)}`);
        else if (e.path !== errorPath(target)) failures.push(`${target.where}: ModelError path ${show(e.path)}, expected ${show(errorPath(target))}`);
      }
    }
  }
  assert.deepEqual(failures.slice(0, 30), [], `${failures.length} fields: a bad character is not reported at its path`);
});

test('through the CLI, a JSON document with a string XML cannot carry is exit 1 and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'libvirt-xml-strings-'));
  try {
    for (const kind of kinds) {
      const target = targetsByKind.get(kind)![0];
      if (!target) continue;
      const file = join(dir, `${kind}.json`);
      writeFileSync(file, JSON.stringify({ [kind]: build(target, 'bad\u0001\uFFFE') }));
      const out = join(dir, `out-${kind}`);
      let stdout = '';
      let stderr = '';
      const code = main(['xml', '--out-dir', out, file], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '' });
      assert.equal(code, 1, `${kind}: exit code (stderr: ${stderr})`);
      assert.equal(stdout, '', `${kind}: nothing on standard output`);
      assert.ok(stderr.includes(file), `${kind}: the message names the file: ${stderr}`);
      assert.ok(!existsSync(out) || readdirSync(out, { recursive: true }).length === 0, `${kind}: something was written under --out-dir`);

      // Without --out-dir, nothing reaches standard output either.
      stdout = '';
      stderr = '';
      assert.equal(main(['xml', file], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '' }), 1);
      assert.equal(stdout, '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a refused string leaves the error type stable: LibvirtXmlError, and the object untouched', () => {
  const target = targetsByKind.get('domain')!.find((t) => t.where === '/domain/name')!;
  const doc = build(target, 'a\uFFFFb');
  const before = JSON.stringify(doc);
  assert.throws(() => format('domain', doc as never), (e: unknown) => e instanceof LibvirtXmlError && e instanceof ModelError);
  assert.equal(JSON.stringify(doc), before, 'format changed the object it was given');
});
