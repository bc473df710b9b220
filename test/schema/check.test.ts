/**
 * Structural validation: each rule on real domain objects and on small hand-made definitions,
 * paths as the codec writes them, positions from parsing, and no exception on any shape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { documents, parse, type AnyDocument } from '../../src/model/index.js';
import { attr, checkDocument, checkElement, decodeDocument, defineDocument, el, flag, leaf, leaves, t, variants, type ElDef, type Fields } from '../../src/schema/index.js';
import type { SourcePosition } from '../../src/schema/codec.js';
import { parseXml } from '../../src/xml/parser.js';
import type { Problem } from '../../src/schema/problem.js';
import { checkStructure } from '../../src/validate/structure.js';

const domain = (doc: unknown) => checkStructure({ kind: 'domain', doc } as AnyDocument, {});

/** `rule path` of each problem, for compact comparisons. */
const brief = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.rule} ${p.path}`);

test('a valid domain built in code has no problem', () => {
  const problems = domain({
    type: 'kvm',
    name: 'demo',
    uuid: 'c7a5fdbd-edaf-9455-926a-d65c16db1809',
    memory: { value: 2, unit: 'GiB' },
    vcpu: { value: 2 },
    os: { type: { arch: 'x86_64', machine: 'q35', value: 'hvm' } },
    devices: {
      disk: [{ type: 'file', device: 'disk', source: { file: '/img.qcow2' }, target: { dev: 'vda', bus: 'virtio' } }],
      interface: [{ type: 'network', source: { network: 'default' }, model: { type: 'virtio' } }],
    },
  });
  assert.deepEqual(problems, []);
});

test('wrong value types are reported with the formatter’s guard and the codec’s path', () => {
  const problems = domain({ type: 'kvm', name: 5, vcpu: { value: 'many' }, devices: { disk: [{ target: { dev: 'vda', removable: 'yes' } }] } });
  assert.deepEqual(brief(problems), [
    'error type /domain/name',
    'error type /domain/vcpu/text()',
    'error type /domain/devices/disk[1]/target/@removable',
  ]);
  assert.equal(problems[1].message, "expected unsigned integer, got 'many'");
  assert.equal(problems[1].value, 'many');
  assert.equal(problems[2].message, "expected on|off, got 'yes'");
});

test('enumerations, ranges and patterns', () => {
  const problems = domain({
    type: 'kvm',
    uuid: 'not-a-uuid',
    devices: {
      disk: [{ target: { dev: 'vda', bus: 'floppy-ish' }, address: { type: 'pci', slot: 0x20, function: 1 } }],
      interface: [{ type: 'network', driver: { queues: -5 } }],
    },
  });
  assert.deepEqual(brief(problems), [
    'error pattern /domain/uuid',
    'error enum /domain/devices/disk[1]/target/@bus',
    'error range /domain/devices/disk[1]/address/@slot',
    'error range /domain/devices/interface[1]/driver/@queues',
  ]);
  assert.match(problems[0].message, /'not-a-uuid' is not a valid uuid \(pattern /);
  assert.match(problems[1].message, /^'floppy-ish' is not one of: ide, fdc, scsi, virtio/);
  assert.equal(problems[1].value, 'floppy-ish');
  assert.equal(problems[2].message, '32 is above the maximum 31');
  assert.equal(problems[3].message, '-5 is below the minimum 0');
});

test('required attributes, text and children', () => {
  const problems = domain({ vcpu: {}, devices: { disk: [{ type: 'file' }, { target: {} }] } });
  assert.deepEqual(brief(problems), [
    'error required /domain/@type',
    'error required /domain/vcpu/text()',
    'error required /domain/devices/disk[1]/target',
    'error required /domain/devices/disk[2]/target/@dev',
  ]);
  assert.equal(problems[0].message, "required attribute 'type' is missing");
  assert.equal(problems[2].message, 'required element <target> is missing');
});

test('unknown properties, with a hint for misspellings and for other variants', () => {
  const problems = domain({ type: 'kvm', nmae: 'x', devices: { disk: [{ target: { dev: 'vda' }, address: { type: 'drive', slot: 1 } }] } });
  assert.deepEqual(brief(problems), ['error unknown-property /domain', 'error unknown-property /domain/devices/disk[1]/address']);
  assert.equal(problems[0].message, "unknown property 'nmae' of <domain> (did you mean 'name'?)");
  assert.match(problems[1].message, /^unknown property 'slot' of <address> when type is 'drive' \(it belongs to type 'pci', 'ccid'/);
});

test('values the parser could not read are type errors with the raw value and the source position', () => {
  const positions = new WeakMap<object, SourcePosition>();
  const xml = `<domain type='kvm'>\n  <name>a</name>\n  <vcpu placement='static'>many</vcpu>\n  <devices>\n    <disk type='file'>\n      <target dev='vda' removable='maybe'/>\n    </disk>\n  </devices>\n</domain>\n`;
  const problems = checkStructure(parse(xml, { positions }), { positions });
  assert.deepEqual(
    problems.map((p) => [p.rule, p.path, p.value, p.line, p.column]),
    [
      ['type', '/domain/vcpu/text()', 'many', 3, 3],
      ['type', '/domain/devices/disk[1]/target/@removable', 'maybe', 6, 7],
    ],
  );
  assert.equal(problems[0].message, "invalid value 'many' (expected unsigned integer)");
});

test('an unreadable leaf value kept as its element is a type error, not a missing value', () => {
  const Thing = el('thing', { size: leaf(t.uint, { required: true }), tag: leaves(t.uint) });
  const doc = defineDocument(Thing);
  const problems = checkDocument(doc, decodeDocument(doc, parseXml('<thing><size>big</size><tag>1</tag><tag>0x2</tag><tag>x</tag></thing>')));
  assert.deepEqual(
    problems.map((p) => `${p.rule} ${p.path} ${p.value}`),
    ['type /thing/size big', 'type /thing/tag[3] x'],
  );
});

test('unmodeled nodes are warnings, document order', () => {
  const xml = `<domain type='kvm' extra='1' xmlns:x='urn:x'>\n  <name hint='n'>a</name>\n  <x:foo/>\n  <bar/>\n  <bar/>\n  stray\n</domain>\n`;
  const positions = new WeakMap<object, SourcePosition>();
  const problems = checkStructure(parse(xml, { positions }), { positions });
  assert.deepEqual(brief(problems), [
    'warning unmodeled /domain/@extra',
    'warning unmodeled /domain/name/@hint',
    'warning unmodeled /domain/x:foo[1]',
    'warning unmodeled /domain/bar[1]',
    'warning unmodeled /domain/bar[2]',
    'warning unmodeled /domain/text()',
  ]);
  assert.ok(problems.every((p) => p.line === 1 && p.column === 1));
});

test('a repeated single child is a warning; a malformed side field is an error', () => {
  const doc = parse(`<domain type='kvm'><name>a</name><name>b</name></domain>`).doc;
  assert.deepEqual(brief(domain(doc)), ['warning unmodeled /domain/name']);
  assert.deepEqual(brief(domain({ type: 'kvm', $xml: { attrs: { a: 1 }, order: 'x' } })), [
    'error type /domain/$xml',
    'error type /domain/$xml',
    'warning unmodeled /domain/@a',
  ]);
  assert.deepEqual(brief(domain({ type: 'kvm', $xml: { order: [{ name: 'x' }] } })), ['error type /domain/$xml']);
});

test('variants: the default case applies when the discriminator is absent, the common fields when it is unknown', () => {
  const Src = el('src', { type: attr(t.string), name: attr(t.string) }, variants('type', { a: { x: attr(t.uint) }, b: { y: flag() } }, 'a'));
  assert.deepEqual(checkElement({ x: 1 }, Src, '/src'), []);
  assert.deepEqual(brief(checkElement({ type: 'b', x: 1 }, Src, '/src')), ['error unknown-property /src']);
  assert.deepEqual(checkElement({ type: 'other', name: 'n' }, Src, '/src'), []);
  assert.deepEqual(brief(checkElement({ type: 'other', y: true }, Src, '/src')), ['error unknown-property /src']);
  assert.deepEqual(brief(checkElement({ type: 'b', y: 'yes' }, Src, '/src')), ['error type /src/y']);
});

test('arrays and objects of the wrong shape', () => {
  const problems = domain({ type: 'kvm', devices: { disk: { target: { dev: 'vda' } }, interface: [5, null] }, os: [] });
  assert.deepEqual(brief(problems), [
    'error type /domain/os',
    'error type /domain/devices/disk',
    'error type /domain/devices/interface[1]',
    'error type /domain/devices/interface[2]',
  ]);
  assert.equal(problems[0].message, 'expected an object for <os>, got an array');
});

test('never throws, whatever the shape', () => {
  const cyclic: Record<string, unknown> = { type: 'kvm' };
  cyclic.devices = { disk: [{ target: { dev: 'vda' }, backingStore: { type: 'file' } }] };
  ((cyclic.devices as { disk: Record<string, unknown>[] }).disk[0].backingStore as Record<string, unknown>).backingStore = (cyclic.devices as { disk: unknown[] }).disk[0];
  assert.ok(domain(cyclic).some((p) => p.message.includes('contains itself')));
  for (const odd of [null, undefined, 5, 'x', [], Object.create(null), { $xml: null }, { $xml: { leaf: { name: [1] } }, name: 'a' }]) {
    assert.doesNotThrow(() => domain(odd));
  }
  // Deep nesting from JSON is reported, not a stack overflow.
  let chain: Record<string, unknown> = { type: 'file' };
  for (let i = 0; i < 20000; i++) chain = { type: 'file', backingStore: chain };
  const deep = domain({ type: 'kvm', devices: { disk: [{ target: { dev: 'vda' }, backingStore: chain }] } });
  assert.deepEqual(deep.map((p) => p.rule), ['depth']);
  let node: unknown = 'x';
  for (let i = 0; i < 20000; i++) node = { name: 'n', attrs: {}, children: [node] };
  assert.deepEqual(brief(domain({ type: 'kvm', $xml: { order: [node] } })), ['error type /domain/$xml']);
  const places = ['', 'devices', 'os', 'memory', 'cpu', 'features'];
  fc.assert(
    fc.property(fc.constantFrom(...places), fc.jsonValue(), fc.jsonValue(), (place, value, side) => {
      const doc: Record<string, unknown> = { type: 'kvm', $xml: side };
      if (place) doc[place] = value;
      else doc.name = value;
      const problems = domain(JSON.parse(JSON.stringify(doc)));
      return problems.every((p) => typeof p.path === 'string' && typeof p.message === 'string' && (p.severity === 'error' || p.severity === 'warning'));
    }),
    { numRuns: 2000 },
  );
});

test('every pattern in the model compiles as JSON Schema validators compile it (Unicode mode)', () => {
  const bad: string[] = [];
  const seen = new Set<ElDef>();
  const walk = (def: ElDef) => {
    if (seen.has(def)) return;
    seen.add(def);
    const sets: Fields[] = [def.fields, ...Object.values(def.variants?.cases ?? {})];
    for (const field of sets.flatMap((fields) => Object.values(fields))) {
      const pattern = 'type' in field ? field.type.info.pattern : undefined;
      if (pattern) {
        try {
          new RegExp(pattern, 'u');
        } catch (e) {
          bad.push(`${pattern}: ${(e as Error).message}`);
        }
      }
      if (field.kind === 'child') walk(typeof field.def === 'function' ? field.def() : field.def);
    }
  };
  for (const doc of Object.values(documents)) walk(doc.root as ElDef);
  assert.deepEqual(bad, []);
});
