import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMemory } from '../../src/validate/domain/memory.js';
import { brief, ofRule, run } from './domain-support.js';

/** A guest whose lines 2-4 are `sizes` (three lines) and whose devices start on line 7. */
function memGuest(sizes: string, devices = '', extra = ''): string {
  return `<domain type='kvm'>
${sizes}
  <vcpu>2</vcpu>${extra}
  <devices>
${devices}
  </devices>
</domain>`;
}

const dimm = (size: number, node?: number, model = 'dimm') =>
  `    <memory model='${model}'>\n      <target>\n        <size unit='KiB'>${size}</size>${node === undefined ? '' : `\n        <node>${node}</node>`}\n      </target>\n    </memory>`;

test('a guest without memory', () => {
  const problems = run(checkMemory, `<domain type='kvm'>\n  <name>t</name>\n</domain>`);
  assert.deepEqual(brief(problems), [{ rule: 'memory-missing', severity: 'error', path: '/domain/memory', line: 1 }]);
});

test('memory above maxMemory, compared in one unit', () => {
  const sizes = "  <name>t</name>\n  <maxMemory slots='4' unit='KiB'>1048575</maxMemory>\n  <memory unit='GiB'>1</memory>";
  const problems = run(checkMemory, memGuest(sizes));
  assert.deepEqual(brief(problems), [{ rule: 'memory-above-max-memory', severity: 'error', path: '/domain/maxMemory', line: 3 }]);
  assert.match(problems[0].message, /<maxMemory> 1048575 KiB is below the guest's memory of 1048576 KiB/);
  assert.deepEqual(run(checkMemory, memGuest(sizes.replace('1048575', '1048576'))), []);
});

test('currentMemory above memory is a warning (libvirt lowers it)', () => {
  const sizes = "  <name>t</name>\n  <memory unit='MiB'>1024</memory>\n  <currentMemory unit='MiB'>2048</currentMemory>";
  assert.deepEqual(brief(run(checkMemory, memGuest(sizes))), [{ rule: 'current-memory-above-memory', severity: 'warning', path: '/domain/currentMemory', line: 4 }]);
  assert.deepEqual(run(checkMemory, memGuest(sizes.replace('2048', '512'))), []);
});

test('memory devices need maxMemory', () => {
  const sizes = "  <name>t</name>\n  <memory unit='KiB'>2097152</memory>\n  <currentMemory unit='KiB'>2097152</currentMemory>";
  const problems = run(checkMemory, memGuest(sizes, dimm(524288)));
  assert.deepEqual(brief(problems), [{ rule: 'memory-device-without-max-memory', severity: 'error', path: '/domain/devices/memory[1]', line: 7 }]);
  const withMax = sizes.replace('  <memory', "  <maxMemory slots='4' unit='KiB'>8388608</maxMemory>\n  <memory").replace("\n  <currentMemory unit='KiB'>2097152</currentMemory>", '');
  assert.deepEqual(run(checkMemory, memGuest(withMax, dimm(524288))), []);
});

test('memory devices larger than the total memory (without NUMA)', () => {
  const sizes = "  <name>t</name>\n  <maxMemory slots='4' unit='KiB'>8388608</maxMemory>\n  <memory unit='KiB'>1048576</memory>";
  const problems = run(checkMemory, memGuest(sizes, dimm(2097152)));
  assert.deepEqual(brief(problems), [{ rule: 'memory-devices-above-memory', severity: 'error', path: '/domain/memory', line: 4 }]);
});

test('a memory device on a NUMA node that does not exist', () => {
  const sizes = "  <name>t</name>\n  <maxMemory slots='4' unit='KiB'>8388608</maxMemory>\n  <memory unit='KiB'>2097152</memory>";
  const numa = "\n  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='1048576'/>\n    </numa>\n  </cpu>";
  // Devices start on line 12 after the six <cpu> lines.
  const problems = run(checkMemory, memGuest(sizes, dimm(524288, 1), numa));
  assert.deepEqual(brief(problems), [{ rule: 'memory-device-node', severity: 'error', path: '/domain/devices/memory[1]/target/node', line: 13 }]);
  assert.match(problems[0].message, /NUMA nodes 0-0/);
  const noNuma = run(checkMemory, memGuest(sizes, dimm(524288, 0)));
  assert.deepEqual(brief(ofRule(noNuma, 'memory-device-node')), [{ rule: 'memory-device-node', severity: 'error', path: '/domain/devices/memory[1]/target/node', line: 8 }]);
  assert.deepEqual(run(checkMemory, memGuest(sizes, dimm(524288, 0), numa)), []);
});

test('huge page node sets must name existing NUMA nodes, once, with one default size', () => {
  const backing = (pages: string) => `\n  <memoryBacking>\n    <hugepages>\n${pages}\n    </hugepages>\n  </memoryBacking>`;
  const sizes = "  <name>t</name>\n  <memory unit='KiB'>2097152</memory>\n  <currentMemory unit='KiB'>2097152</currentMemory>";
  const twoDefaults = backing("      <page size='2048'/>\n      <page size='1048576'/>");
  assert.deepEqual(brief(run(checkMemory, memGuest(sizes, '', twoDefaults))), [
    { rule: 'hugepages-nodeset', severity: 'error', path: '/domain/memoryBacking/hugepages/page[2]', line: 9 },
  ]);
  const missingNode = backing("      <page size='2048' nodeset='1'/>");
  assert.deepEqual(brief(run(checkMemory, memGuest(sizes, '', missingNode))), [
    { rule: 'hugepages-nodeset', severity: 'error', path: '/domain/memoryBacking/hugepages/page[1]/@nodeset', line: 8 },
  ]);
  // Without NUMA cells a nodeset of just node 0 means the whole guest.
  assert.deepEqual(run(checkMemory, memGuest(sizes, '', backing("      <page size='2048' nodeset='0'/>"))), []);
});
