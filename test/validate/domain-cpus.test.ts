import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCpus } from '../../src/validate/domain/cpus.js';
import { brief, run } from './domain-support.js';

/** A guest whose `<vcpu>` is on line 4, followed by `rest`. */
const cpuGuest = (vcpu: string, rest = '') => `<domain type='kvm'>
  <name>t</name>
  <memory>1048576</memory>
  ${vcpu}${rest}
</domain>`;

test('current vCPUs above the maximum', () => {
  const problems = run(checkCpus, cpuGuest("<vcpu current='4'>2</vcpu>"));
  assert.deepEqual(brief(problems), [{ rule: 'vcpu-current-above-max', severity: 'error', path: '/domain/vcpu/@current', line: 4 }]);
  assert.equal(problems[0].value, '4');
  assert.deepEqual(run(checkCpus, cpuGuest("<vcpu current='2'>4</vcpu>")), []);
});

const vcpus = (entries: [number, boolean][]) =>
  `\n  <vcpus>\n${entries.map(([id, on]) => `    <vcpu id='${id}' enabled='${on ? 'yes' : 'no'}' hotpluggable='${id === 0 ? 'no' : 'yes'}'/>`).join('\n')}\n  </vcpus>`;

test('a <vcpus> entry beyond the maximum', () => {
  const problems = run(checkCpus, cpuGuest('<vcpu>2</vcpu>', vcpus([[0, true], [1, true], [2, true]])));
  assert.deepEqual(brief(problems), [{ rule: 'vcpus-id-range', severity: 'error', path: '/domain/vcpus/vcpu[3]/@id', line: 8 }]);
});

test('<vcpus> enabling another number than the current count is a warning', () => {
  const problems = run(checkCpus, cpuGuest("<vcpu current='2'>4</vcpu>", vcpus([[0, true], [1, true], [2, true], [3, false]])));
  assert.deepEqual(brief(problems), [{ rule: 'vcpus-enabled-mismatch', severity: 'warning', path: '/domain/vcpus', line: 5 }]);
  assert.match(problems[0].message, /enables 3 vCPUs but the current count is 2/);
  assert.deepEqual(run(checkCpus, cpuGuest("<vcpu current='2'>4</vcpu>", vcpus([[0, true], [1, true], [2, false], [3, false]]))), []);
});

test('a repeated <vcpus> id is a warning', () => {
  const problems = run(checkCpus, cpuGuest('<vcpu>2</vcpu>', vcpus([[0, true], [1, true], [1, true]])));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-vcpus-id', severity: 'warning', path: '/domain/vcpus/vcpu[3]/@id', line: 8 }]);
});

test('a CPU topology that does not multiply out to the vCPU count', () => {
  const topology = (cores: number) => `\n  <cpu>\n    <topology sockets='2' cores='${cores}' threads='2'/>\n  </cpu>`;
  const problems = run(checkCpus, cpuGuest('<vcpu>8</vcpu>', topology(4)));
  assert.deepEqual(brief(problems), [{ rule: 'cpu-topology-mismatch', severity: 'error', path: '/domain/cpu/topology', line: 6 }]);
  assert.match(problems[0].message, /2 x 1 x 1 x 4 x 2 = 16 vCPUs but the maximum vCPU count is 8/);
  assert.deepEqual(run(checkCpus, cpuGuest('<vcpu>8</vcpu>', topology(2))), []);
});
