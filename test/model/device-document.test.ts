/**
 * Device documents (what `virsh attach-device` takes) go the way of every other document:
 * typed by their root element, comments around the root kept, positions recorded, errors clear.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDomainDevice, ModelError, parseDomainDevice } from '../../src/index.js';

const xml = `<!-- attach to web-01 -->\n<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n</interface>\n`;

test('a device document is typed by its root element and written back whole', () => {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const d = parseDomainDevice(xml, { positions });
  assert.equal(d.kind, 'interface');
  assert.ok(d.kind === 'interface' && d.device.type === 'network');
  assert.deepEqual(positions.get(d.device), { line: 2, column: 1 });
  assert.equal(formatDomainDevice(d), xml);
});

test('a device document reports unmodeled nodes and refuses what is not a device', () => {
  const found: string[] = [];
  parseDomainDevice(`<disk type='file' bogus='1'><target dev='vda'/></disk>`, { report: (p, m) => found.push(`${p} ${m}`) });
  assert.deepEqual(found, ['/disk/@bogus unmodeled']);
  assert.throws(() => parseDomainDevice('<emulator>/usr/bin/qemu</emulator>'), (e: unknown) => e instanceof ModelError && /not a domain device/.test(e.message));
  assert.throws(() => parseDomainDevice('<network/>'), ModelError);
});
