/**
 * The JSON Schemas derived from the definitions: every corpus document's JSON form validates
 * against its kind's schema with ajv (draft 2020-12), wrong JSON is rejected at the right path,
 * and the schemas agree with structural validation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { schemaCommand } from '../../src/cli/schema-command.js';
import { ModelError } from '../../src/errors.js';
import { documents, parse, toJson, type AnyDocument, type Kind } from '../../src/model/index.js';
import { attr, checkElement, child, defineDocument, el, flag, jsonSchema, many, t, variants, type ElDef } from '../../src/schema/index.js';
import { fileURLToPath } from 'node:url';
import { loadRelaxNG } from '../../src/validate/relaxng.js';
import { checkStructure, jsonSchemaOf } from '../../src/validate/structure.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

const compiled = new Map<string, ValidateFunction>();
/** One ajv validator per kind, compiled on first use (strict mode: the schemas use no unknown keyword). */
function validatorOf(kind: Kind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    v = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchemaOf(kind));
    compiled.set(kind, v);
  }
  return v;
}

const jsonOf = (document: AnyDocument) => JSON.parse(JSON.stringify(toJson(document))) as unknown;
const where = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

/**
 * Corpus documents whose JSON form must NOT validate: libvirt's own deliberately invalid test
 * inputs (its schema rejects them too), with values outside what libvirt accepts. Parsing keeps
 * such values, but the schema's enumerations, ranges and patterns are exact, so that a form
 * built from the schema offers only valid values. Structural validation flags the same
 * documents (checked below, so this list cannot go stale silently).
 */
const INVALID: Record<string, string> = {
  'genericxml2xmlindata/graphics-listen-network-invalid.xml': 'listen type network without its network attribute',
  'qemuxmlconfdata/aarch64-gic-invalid.xml': "GIC version 'none'",
  'qemuxmlconfdata/disk-missing-target-invalid.xml': 'disks without <target>',
  'qemuxmlconfdata/pci-function-invalid.xml': 'PCI function 8 (0-7)',
  'qemuxmlconfdata/pci-slot-invalid.xml': 'PCI slot 0x20 (0-0x1f)',
  'qemuxmlconfdata/usb-too-long-port-path-invalid.xml': 'USB port path of five levels (at most four)',
  'qemuxmlconfdata/vhost_queues-invalid.xml': 'queues -5',
  'nwfilterxml2xmlin/comment-test-invalid.xml': "dscp '0x40' (0-63)",
  'nwfilterxml2xmlin/hex-data-test-invalid.xml': "dscp '0x40' (0-63)",
  'nwfilterxml2xmlin/tcp-test-invalid.xml': "TCP flags 'PSH/' without a second set",
  'nwfilterxml2xmlin/vlan-test-invalid.xml': "vlanid '0xffff' (0-4095)",
  'nodedevschemadata/css_0_0_10000-invalid.xml': 'CCW devno 0x10000 (at most 0xffff)',
  'qemuhotplugtestdevices/qemuhotplug-interface-vdpa.xml': 'a domain <interface> for attach-device, not a host interface',
};

const files = corpusFiles();
const skipCorpus = files.length === 0 && process.env.CI !== 'true' && `no corpus at ${corpusDir}`;

for (const kind of Object.keys(documents) as Kind[]) {
  test(`corpus: the JSON form of every ${kind} document validates against the ${kind} JSON Schema`, { skip: skipCorpus }, () => {
    const validate = validatorOf(kind);
    const problems: string[] = [];
    for (const f of files.filter((f) => f.root === kind)) {
      const document = parse(f.text);
      const valid = validate(jsonOf(document));
      if (INVALID[f.name]) {
        if (valid) problems.push(`${f.name}: validates, but should not (${INVALID[f.name]})`);
        const flagged = checkStructure(document, {}).some((p) => p.severity === 'error');
        if (!flagged) problems.push(`${f.name}: structural validation finds no error (${INVALID[f.name]})`);
      } else if (!valid) problems.push(`${f.name}: ${where(validate.errors).slice(0, 5).join('; ')}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('every document listed as invalid is in the corpus', { skip: skipCorpus }, () => {
  const names = new Set(files.map((f) => f.name));
  assert.deepEqual(Object.keys(INVALID).filter((n) => !names.has(n)), []);
});

test("every document listed as invalid is rejected by libvirt's own RelaxNG schema too", { skip: skipCorpus }, async () => {
  // The JSON Schema may refuse only what libvirt refuses: checked with libvirt's schemas.
  const validator = await loadRelaxNG({ schemas: fileURLToPath(new URL('../../../shared/schemas/libvirt/', import.meta.url)) });
  try {
    const accepted = files.filter((f) => INVALID[f.name]).filter((f) => validator.validate(f.text).every((p) => p.severity !== 'error'));
    assert.deepEqual(accepted.map((f) => f.name), []);
  } finally {
    validator.dispose();
  }
});

// ---------------------------------------------------------------------------
// Hand-written JSON

const guest = {
  type: 'kvm',
  name: 'demo',
  memory: { value: 2, unit: 'GiB' },
  vcpu: { value: 2 },
  os: { type: { arch: 'x86_64', machine: 'q35', value: 'hvm' } },
  devices: {
    disk: [{ type: 'file', device: 'disk', driver: { name: 'qemu', type: 'qcow2' }, source: { file: '/img.qcow2' }, target: { dev: 'vda', bus: 'virtio' } }],
    interface: [{ type: 'network', source: { network: 'default' }, model: { type: 'virtio' } }],
  },
};

/**
 * The domain schema's errors for `guest` changed by `change`, as `path keyword`, without the
 * `if` errors that repeat a variant case's failure at its object.
 */
function domainErrors(change: (d: any) => void): string[] {
  const d = structuredClone(guest) as any;
  change(d);
  const validate = validatorOf('domain');
  validate({ domain: d });
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword}${e.propertyName ? ` ${e.propertyName}` : ''}`);
}

test('a domain written by hand validates', () => {
  assert.deepEqual(domainErrors(() => {}), []);
});

test('wrong hand-written JSON is rejected with the path of the wrong value', () => {
  assert.deepEqual(domainErrors((d) => (d.vcpu.value = 'many')), ['/domain/vcpu/value type']);
  assert.deepEqual(domainErrors((d) => (d.devices.disk[0].target.bus = 'floppy-ish')), ['/domain/devices/disk/0/target/bus enum']);
  assert.deepEqual(domainErrors((d) => (d.uuid = 'not-a-uuid')), ['/domain/uuid pattern']);
  assert.deepEqual(domainErrors((d) => (d.nmae = 'x')), ['/domain additionalProperties']);
  assert.deepEqual(domainErrors((d) => delete d.type), ['/domain required']);
  assert.deepEqual(domainErrors((d) => (d.devices.disk[0].address = { type: 'pci', slot: 32 })), ['/domain/devices/disk/0/address/slot maximum']);
  // A field of another variant: the address of a drive has no slot.
  assert.deepEqual(domainErrors((d) => (d.devices.disk[0].address = { type: 'drive', slot: 1 })), [
    '/domain/devices/disk/0/address enum slot',
    '/domain/devices/disk/0/address propertyNames',
  ]);
  // An element kept in the order needs attrs and children: every error points at it.
  const kept = domainErrors((d) => (d.$xml = { order: [{ name: 'x' }] }));
  assert.ok(kept.length > 0 && kept.every((e) => e.startsWith('/domain/$xml/order/0 ')), kept.join('; '));
  const validate = validatorOf('domain');
  assert.equal(validate({ network: {} }), false);
  assert.deepEqual(where(validate.errors), [` must have required property 'domain' {"missingProperty":"domain"}`, ` must NOT have additional properties {"additionalProperty":"network"}`]);
});

test('side data of a parsed document validates, and a malformed one does not', () => {
  const document = parse(`<?xml version='1.0'?>\n<!-- c -->\n<domain type='kvm' x='1'><name>a<!-- n --></name><vcpu>0x2</vcpu><foo a='b'>t</foo><metadata><m:x xmlns:m='urn:m'/></metadata></domain>`);
  const json = jsonOf(document) as any;
  assert.ok(json.domain.$xml.order && json.domain.$xml.prolog && json.domain.$xml.attrs);
  const validate = validatorOf('domain');
  const valid = (x: unknown): boolean => validate(x);
  assert.ok(valid(json), where(validate.errors).join('\n'));
  json.domain.$xml.attrs.x = 1;
  assert.equal(valid(json), false);
  assert.deepEqual(where(validate.errors), ['/domain/$xml/attrs/x must be string {"type":"string"}']);
});

// ---------------------------------------------------------------------------
// Hand-made definitions: variants, recursion, reuse, descriptions; agreement with checkElement

const Src = el(
  'src',
  { type: attr(t.string), name: attr(t.string, { doc: 'A name.' }) },
  variants('type', { a: { x: attr(t.uint, { required: true }) }, b: { y: flag() } }, 'a'),
  { doc: 'A source.' },
);
const NoDefault = el('nd', { kind: attr(t.enum('a', 'b', 'c')), common: attr(t.string) }, variants('kind', { a: { x: attr(t.uint) }, b: { y: attr(t.uint) } }));
const Tree: ElDef = el('tree', { label: attr(t.string), tree: many(() => Tree) });
const Box = el('box', { top: child(Src), side: child(Src), nd: child(NoDefault), tree: child(Tree) });
const boxDoc = defineDocument(Box);

test('variants: the default case when the discriminator is absent, the common fields for any other value', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchema(boxDoc));
  const cases: [unknown, boolean][] = [
    [{ x: 1 }, true],
    [{}, false], // the default case requires x
    [{ type: 'a', x: 1 }, true],
    [{ type: 'b', y: true }, true],
    [{ type: 'b', x: 1 }, false],
    [{ type: 'other', name: 'n' }, true],
    [{ type: 'other', y: true }, false],
    [{ type: 'b', y: 'yes' }, false],
  ];
  for (const [src, expected] of cases) {
    assert.equal(validate({ box: { top: src } }), expected, `${JSON.stringify(src)}: ${where(validate.errors).join('; ')}`);
    const errors = checkElement(src, Src, '/src').filter((p) => p.severity === 'error');
    assert.equal(errors.length === 0, expected, `checkElement on ${JSON.stringify(src)}: ${JSON.stringify(errors)}`);
  }
  const noDefault: [unknown, boolean][] = [
    [{ common: 's' }, true],
    [{ x: 1 }, false], // without a default case, no case applies when the discriminator is absent
    [{ kind: 'a', x: 1 }, true],
    [{ kind: 'c', common: 's' }, true],
    [{ kind: 'c', x: 1 }, false],
    [{ kind: 'd' }, false],
  ];
  for (const [nd, expected] of noDefault) {
    assert.equal(validate({ box: { nd } }), expected, `${JSON.stringify(nd)}: ${where(validate.errors).join('; ')}`);
    assert.equal(checkElement(nd, NoDefault, '/nd').length === 0, expected, JSON.stringify(nd));
  }
});

test('each definition appears once: reused and recursive ones in $defs, others inline; descriptions from doc', () => {
  const schema = jsonSchema(boxDoc) as any;
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(Object.keys(schema.$defs), ['src', 'tree', '$xml', '$xml.node', '$xml.element']);
  const box = schema.properties.box;
  assert.deepEqual(box.properties.top, { $ref: '#/$defs/src' });
  assert.deepEqual(box.properties.side, { $ref: '#/$defs/src' });
  assert.equal(box.properties.nd.type, 'object'); // used once: inline
  assert.deepEqual(schema.$defs.tree.properties.tree, { type: 'array', items: { $ref: '#/$defs/tree' } });
  assert.equal(schema.$defs.src.description, 'A source.');
  assert.equal(schema.$defs.src.properties.name.description, 'A name.');
  const validate = new Ajv2020({ strict: true }).compile(schema);
  assert.ok(validate({ box: { tree: { label: 'a', tree: [{ tree: [{ label: 'c' }] }] } } }));
  assert.equal(validate({ box: { tree: { tree: [{ tree: [{ label: 3 }] }] } } }), false);
  assert.equal(validate.errors?.[0].instancePath, '/box/tree/tree/0/tree/0/label');
});

test('every kind has a schema that names its document key', () => {
  for (const kind of Object.keys(documents) as Kind[]) {
    const schema = jsonSchemaOf(kind) as any;
    assert.deepEqual(schema.required, [kind]);
    assert.ok(schema.properties[kind]);
  }
  assert.throws(() => jsonSchemaOf('nope' as Kind), ModelError);
});

// ---------------------------------------------------------------------------
// The command

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = schemaCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

test('libvirt-xml schema KIND prints the JSON Schema; an unknown kind is a usage error listing the kinds', () => {
  const r = run(['network']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), jsonSchemaOf('network'));
  const bad = run(['nope']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown kind 'nope' \(kinds: domain, domainsnapshot, .*, cpu\)/);
  assert.equal(run([]).code, 2);
  assert.equal(run(['domain', 'network']).code, 2);
  assert.equal(run(['--bogus']).code, 2);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: libvirt-xml schema KIND/);
});
