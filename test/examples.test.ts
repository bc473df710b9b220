/**
 * The example programs in `examples/`: each function's document formats, parses strictly (no
 * node the model does not know) and round-trips (XML -> XML and XML -> JSON -> XML), and says
 * what its comment says; run as a program, each prints that document. The README's "A short
 * tour" shows only code that is in these files.
 *
 * libvirt itself judges the same documents in `test/judge/built.test.ts`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { format, formatDomain, parse, parseDomain, type Kind } from '../src/index.js';
import { buildGuest } from '../examples/build-guest.js';
import { editGuest, guestXml } from '../examples/edit-guest.js';
import { webServerFilter } from '../examples/filter.js';
import { natNetwork } from '../examples/network.js';
import { domainSchemaKeys, problemsOf } from '../examples/validate.js';
import { roundTrip } from './support/roundtrip.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const EXAMPLES: { file: string; kind: Kind; build: () => object }[] = [
  { file: 'examples/build-guest.ts', kind: 'domain', build: buildGuest },
  { file: 'examples/edit-guest.ts', kind: 'domain', build: () => editGuest() },
  { file: 'examples/network.ts', kind: 'network', build: natNetwork },
  { file: 'examples/filter.ts', kind: 'filter', build: webServerFilter },
];

/** The document an example builds, formatted, and read back strictly. */
function check(kind: Kind, doc: object): { xml: string; back: ReturnType<typeof parse> } {
  const xml = format(kind, doc as never);
  const result = roundTrip(xml);
  assert.equal(result.error, undefined, result.error);
  assert.deepEqual(result.unmodeled, [], 'parses strictly: every node is modeled');
  assert.equal(result.xmlDiff, null, 'XML -> XML keeps everything');
  assert.equal(result.jsonDiff, null, 'XML -> JSON -> XML keeps everything');
  const back = parse(xml);
  assert.equal(back.kind, kind);
  assert.equal(format(back.kind, back.doc as never), xml, 'formatting what was read gives the same text');
  return { xml, back };
}

test('examples: every example program is tested here', () => {
  const programs = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => `examples/${f}`);
  // validate.ts builds no document; it has its own test at the end of this file.
  assert.deepEqual(programs.sort(), [...EXAMPLES.map((e) => e.file), 'examples/validate.ts'].sort());
});

test('examples/build-guest.ts: a q35 UEFI guest with the usual devices', () => {
  const { back } = check('domain', buildGuest());
  assert.equal(back.kind, 'domain');
  const dom = back.doc as ReturnType<typeof buildGuest>;
  assert.equal(dom.type, 'kvm');
  assert.equal(dom.os?.firmware, 'efi');
  assert.deepEqual(dom.os?.type, { arch: 'x86_64', machine: 'q35', value: 'hvm' });
  const d = dom.devices!;
  assert.deepEqual(d.disk?.map((disk) => [disk.device, disk.target?.bus, disk.driver?.type]), [
    ['disk', 'virtio', 'qcow2'],
    ['cdrom', 'sata', 'raw'],
  ]);
  assert.deepEqual(d.interface?.map((n) => n.type), ['network']);
  assert.deepEqual(d.console?.map((c) => c.target?.type), ['serial']);
  assert.deepEqual(d.graphics?.map((g) => g.type), ['vnc', 'spice']);
  assert.equal(d.rng?.[0].model, 'virtio');
  assert.equal(d.memballoon?.model, 'virtio');
});

test('examples/edit-guest.ts: more memory, a disk added, the CD-ROM removed, the rest as it was', () => {
  const original = parseDomain(guestXml());
  const { xml, back } = check('domain', editGuest());
  const dom = back.doc as ReturnType<typeof editGuest>;
  assert.deepEqual(dom.memory, { value: 8, unit: 'GiB' });
  assert.deepEqual(dom.currentMemory, { value: 8, unit: 'GiB' });
  assert.deepEqual(dom.devices?.disk?.map((disk) => `${disk.device} ${disk.target?.dev}`), ['disk vda', 'disk vdb']);
  // What the edit does not touch is written as the original guest has it.
  const untouched = (d: ReturnType<typeof editGuest>) =>
    formatDomain({ ...d, memory: undefined, currentMemory: undefined, devices: { ...d.devices, disk: undefined } });
  assert.equal(untouched(dom), untouched(original));
  assert.match(xml, /<ops:owner xmlns:ops='https:\/\/example.org\/ops\/1'>team-web<\/ops:owner>/);
  assert.match(xml, /<qemu:arg value='-no-user-config'\/>/);
});

test('examples/network.ts: a NAT network with a DHCP range and static hosts', () => {
  const { back } = check('network', natNetwork());
  const net = back.doc as ReturnType<typeof natNetwork>;
  assert.equal(net.forward?.mode, 'nat');
  const dhcp = net.ip?.[0].dhcp;
  assert.equal(dhcp?.range?.length, 1);
  assert.deepEqual(dhcp?.host?.map((h) => h.name), ['app-01', 'web-01']);
  // The guest built in build-guest.ts gets its fixed address by its MAC address.
  assert.equal(dhcp?.host?.[0].mac, buildGuest().devices?.interface?.[0].mac?.address);
});

test('examples/filter.ts: clean-traffic, SSH and HTTP in, everything else dropped', () => {
  const { back } = check('filter', webServerFilter());
  const filter = back.doc as ReturnType<typeof webServerFilter>;
  assert.deepEqual(filter.filterref?.map((r) => r.filter), ['clean-traffic']);
  const newIn = filter.rule?.filter((r) => r.action === 'accept' && r.direction === 'in' && r.tcp?.[0].state === 'NEW');
  assert.deepEqual(newIn?.map((r) => r.tcp?.[0].dstportstart), ['22', '80', '443']);
  const last = filter.rule?.at(-1);
  assert.deepEqual([last?.action, last?.direction, last?.all], ['drop', 'inout', [{}]]);
});

test('examples: run as programs, they print their documents', () => {
  for (const e of EXAMPLES) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', e.file], { cwd: root, encoding: 'utf8' });
    assert.equal(out, format(e.kind, e.build() as never), e.file);
  }
});

// ---------------------------------------------------------------------------------------------
// The README's tour

/** The "A short tour" section of the README, up to the next section of the same level. */
function tour(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## A short tour\n');
  assert.ok(start >= 0, 'README.md has a section "A short tour"');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** A line as compared: without indentation, and importing the package as the examples do from the source. */
const normal = (line: string) => line.trim().replace(/from 'libvirt-xml';$/, "from '../src/index.js';");

/**
 * Whether `piece` (lines) is a run of consecutive lines of `lines` starting at or after `from`;
 * returns where it ends, or -1.
 */
function findRun(lines: string[], piece: string[], from: number): number {
  for (let i = from; i + piece.length <= lines.length; i++) {
    if (piece.every((p, k) => lines[i + k] === p)) return i + piece.length;
  }
  return -1;
}

test('README tour: every TypeScript snippet is code from examples/', () => {
  const text = tour();
  assert.match(text, /npx tsx examples\/build-guest\.ts/, 'the tour says how to run the examples');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length > 0, 'the tour shows code');
  const sources = EXAMPLES.map((e) => ({ file: e.file, lines: readFileSync(join(root, e.file), 'utf8').split('\n').map(normal) }));
  for (const block of blocks) {
    // A snippet is excerpts, separated by blank lines or `// ...`, each a run of lines of one
    // example file, all of the same file and in its order.
    const pieces: string[][] = [[]];
    for (const line of block.split('\n').map(normal)) {
      if (line === '' || line === '// ...') {
        if (pieces.at(-1)!.length) pieces.push([]);
      } else pieces.at(-1)!.push(line);
    }
    if (!pieces.at(-1)!.length) pieces.pop();
    const found = sources.find((s) => {
      let at = 0;
      return pieces.every((p) => (at = findRun(s.lines, p, at)) >= 0);
    });
    assert.ok(found, `this snippet of the tour is not (in this order) in any file of examples/:\n${block}`);
  }
});

test('README tour: the ModelError it quotes is the one the library throws', () => {
  const quoted = /`(\/domain\/devices\/disk\[1\]\/target\/@dev: [^`]*)`/.exec(tour());
  assert.ok(quoted, 'the tour quotes a ModelError for a disk target');
  const guest = buildGuest();
  (guest.devices!.disk![0].target as { dev: unknown }).dev = 5;
  assert.throws(() => formatDomain(guest), (e: Error) => e.name === 'ModelError' && e.message === quoted[1]);
});

test('examples/validate.ts: the broken guest has exactly its duplicate target; the example guest has no problem', () => {
  const broken = readFileSync(join(root, 'examples/broken/duplicate-target.xml'), 'utf8');
  assert.deepEqual(problemsOf(broken), [
    "18:7: error: /domain/devices/disk[2]/target/@dev: disk target 'vda' is already used by /domain/devices/disk[1]; each disk needs its own target name [duplicate-disk-target]",
  ]);
  assert.deepEqual(problemsOf(readFileSync(join(root, 'examples/guest.xml'), 'utf8')), []);
  assert.ok(domainSchemaKeys().includes('$defs'));
});
