/**
 * vCPU count rules (formatdomain.rst "CPU Allocation" and "CPU model and topology"): the
 * current count cannot exceed the maximum, `<vcpus>` may only name vCPUs below the maximum
 * and decides the current count itself, and a topology must multiply out to the maximum.
 */
import type { Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed } from './context.js';

/** The maximum vCPU count: `<vcpu>` text, 1 when absent (libvirt's default). */
export function maxVcpus(dom: Domain): number {
  return dom.vcpu?.value ?? 1;
}

export function checkCpus(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const vcpu = dom.vcpu;
  const max = maxVcpus(dom);

  if (vcpu?.current !== undefined && vcpu.value !== undefined && vcpu.current > vcpu.value) {
    r.error({
      rule: 'vcpu-current-above-max',
      path: '/domain/vcpu/@current',
      value: vcpu.current,
      message: `current vCPU count ${vcpu.current} is above the maximum of ${vcpu.value}; expected at most ${vcpu.value}`,
      at: [dom, vcpu],
    });
  }

  const list = dom.vcpus?.vcpu;
  if (list && list.length > 0) {
    // libvirt applies the entries in order (a repeated id takes the later state) and then
    // sets the current count to the number of enabled vCPUs.
    const state = new Map<number, boolean>();
    const seen = new Map<number, number>();
    for (const [entry, n] of indexed(list)) {
      const id = entry.id;
      if (id === undefined) continue;
      const path = `/domain/vcpus/vcpu[${n}]/@id`;
      if (id >= max) {
        r.error({
          rule: 'vcpus-id-range',
          path,
          value: id,
          message: `vCPU id ${id} is out of range; with <vcpu>${max}</vcpu> ids go from 0 to ${max - 1}`,
          at: [dom.vcpus, entry],
        });
        continue;
      }
      const first = seen.get(id);
      if (first !== undefined) {
        r.warning({
          rule: 'duplicate-vcpus-id',
          path,
          value: id,
          message: `vCPU id ${id} is already described by /domain/vcpus/vcpu[${first}]; libvirt keeps the later entry`,
          at: [dom.vcpus, entry],
        });
      } else seen.set(id, n);
      if (entry.enabled !== undefined) state.set(id, entry.enabled);
    }
    const enabled = [...state.values()].filter(Boolean).length;
    const current = vcpu?.current ?? max;
    if (state.size > 0 && enabled !== current) {
      r.warning({
        rule: 'vcpus-enabled-mismatch',
        path: '/domain/vcpus',
        value: enabled,
        message: `<vcpus> enables ${enabled} vCPUs but the current count is ${current}${vcpu?.current === undefined ? ' (the maximum)' : ''}; libvirt sets the current count to ${enabled}`,
        at: [dom, dom.vcpus],
      });
    }
  }

  const topology = dom.cpu?.topology;
  if (topology && topology.sockets !== undefined && topology.cores !== undefined && topology.threads !== undefined) {
    const parts = [topology.sockets, topology.dies ?? 1, topology.clusters ?? 1, topology.cores, topology.threads];
    const product = parts.reduce((a, b) => a * b, 1);
    if (product !== max) {
      r.error({
        rule: 'cpu-topology-mismatch',
        path: '/domain/cpu/topology',
        value: product,
        message: `CPU topology gives ${parts.join(' x ')} = ${product} vCPUs but the maximum vCPU count is ${max}; expected the product to equal <vcpu>`,
        at: [dom.cpu, topology],
      });
    }
  }
  return r.problems;
}
