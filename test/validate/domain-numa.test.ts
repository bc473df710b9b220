import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNuma } from '../../src/validate/domain/numa.js';
import { brief, run } from './domain-support.js';

/** A guest with `vcpus` vCPUs whose NUMA cells start on line 8. */
function numaGuest(cells: string[], memory = 2097152, vcpus = 4, tail = ''): string {
  return `<domain type='kvm'>
  <name>t</name>
  <memory unit='KiB'>${memory}</memory>
  <vcpu>${vcpus}</vcpu>
  <cpu>
    <numa>
${cells.map((c) => `      ${c}`).join('\n')}
    </numa>
  </cpu>${tail}
</domain>`;
}

const cell = (id: number, cpus: string, memory = 1048576, inner = '') =>
  inner ? `<cell id='${id}' cpus='${cpus}' memory='${memory}'>${inner}</cell>` : `<cell id='${id}' cpus='${cpus}' memory='${memory}'/>`;

test('NUMA cpus beyond the vCPU count', () => {
  const problems = run(checkNuma, numaGuest([cell(0, '0-1'), cell(1, '2-4')]));
  assert.deepEqual(brief(problems), [{ rule: 'numa-cpu-range', severity: 'error', path: '/domain/cpu/numa/cell[2]/@cpus', line: 8 }]);
  assert.match(problems[0].message, /name vCPU 4, but the guest has vCPUs 0-3/);
});

test('a vCPU in two NUMA cells', () => {
  const problems = run(checkNuma, numaGuest([cell(0, '0-2'), cell(1, '2-3')]));
  assert.deepEqual(brief(problems), [{ rule: 'numa-cpu-overlap', severity: 'error', path: '/domain/cpu/numa/cell[2]/@cpus', line: 8 }]);
});

test('NUMA cell ids must be 0..n-1, each once (any order)', () => {
  assert.deepEqual(brief(run(checkNuma, numaGuest([cell(0, '0-1'), cell(2, '2-3')]))), [
    { rule: 'numa-cell-id', severity: 'error', path: '/domain/cpu/numa/cell[2]/@id', line: 8 },
  ]);
  assert.deepEqual(brief(run(checkNuma, numaGuest([cell(0, '0-1'), cell(0, '2-3')]))), [
    { rule: 'numa-cell-id', severity: 'error', path: '/domain/cpu/numa/cell[2]/@id', line: 8 },
  ]);
  assert.deepEqual(run(checkNuma, numaGuest([cell(1, '2-3'), cell(0, '0-1')])), []);
});

test('a distance to a NUMA cell that does not exist', () => {
  const distances = "\n        <distances>\n          <sibling id='0' value='10'/>\n          <sibling id='2' value='20'/>\n        </distances>\n      ";
  const problems = run(checkNuma, numaGuest([cell(0, '0-1', 1048576, distances), cell(1, '2-3')]));
  assert.deepEqual(brief(problems), [{ rule: 'numa-distance-sibling', severity: 'error', path: '/domain/cpu/numa/cell[1]/distances/sibling[2]/@id', line: 10 }]);
});

test('memory that differs from the NUMA cells is a warning (libvirt uses the cells)', () => {
  const problems = run(checkNuma, numaGuest([cell(0, '0-1'), cell(1, '2-3')], 4194304));
  assert.deepEqual(brief(problems), [{ rule: 'numa-memory-sum', severity: 'warning', path: '/domain/memory', line: 3 }]);
  assert.match(problems[0].message, /<memory> is 4194304 KiB but the NUMA cells hold 2097152 KiB; libvirt sets <memory> to 2097152 KiB/);
  assert.deepEqual(run(checkNuma, numaGuest([cell(0, '0-1'), cell(1, '2-3')], 2097152)), []);
});

test('numatune memnodes must name existing cells with consistent modes', () => {
  const tune = (memnodes: string, mode = 'strict') => `\n  <numatune>\n    <memory mode='${mode}' nodeset='0-1'/>\n${memnodes}\n  </numatune>`;
  const cells = [cell(0, '0-1'), cell(1, '2-3')];
  assert.deepEqual(brief(run(checkNuma, numaGuest(cells, 2097152, 4, tune("    <memnode cellid='2' mode='strict' nodeset='0'/>")))), [
    { rule: 'numatune-memnode-cell', severity: 'error', path: '/domain/numatune/memnode[1]/@cellid', line: 13 },
  ]);
  const mixed = tune("    <memnode cellid='0' mode='restrictive' nodeset='0'/>\n    <memnode cellid='1' mode='strict' nodeset='1'/>", 'restrictive');
  assert.deepEqual(brief(run(checkNuma, numaGuest(cells, 2097152, 4, mixed))), [
    { rule: 'numatune-mode', severity: 'error', path: '/domain/numatune/memnode[2]/@mode', line: 14 },
  ]);
  const good = tune("    <memnode cellid='0' mode='strict' nodeset='0'/>\n    <memnode cellid='1' mode='preferred' nodeset='1'/>");
  assert.deepEqual(run(checkNuma, numaGuest(cells, 2097152, 4, good)), []);
});

test("numatune placement='auto' with a nodeset", () => {
  const xml = numaGuest([cell(0, '0-3', 2097152)], 2097152, 4, "\n  <numatune>\n    <memory mode='strict' placement='auto' nodeset='0'/>\n  </numatune>");
  assert.deepEqual(brief(run(checkNuma, xml)), [{ rule: 'numatune-placement', severity: 'error', path: '/domain/numatune/memory/@nodeset', line: 11 }]);
});
