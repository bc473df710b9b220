/**
 * Memory size rules, following libvirt's virDomainDefPostParseMemory as `virsh define`
 * applies it (with ABI update: the total becomes the NUMA cells plus the memory devices):
 * some memory must be given, memory devices need `<maxMemory>` and a NUMA node that
 * exists, the total may not exceed `<maxMemory>`, and `<currentMemory>` above the total is
 * silently lowered. Huge page node sets must name existing guest NUMA nodes.
 */
import type { Domain, MemoryDevice } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed, kib, parseCpuset, sizeKiB } from './context.js';
import { devicePath } from './devices.js';

export interface MemoryTotals {
  /** `<memory>` as written, in KiB. */
  memory?: bigint;
  /** Sum of the NUMA cells, in KiB (0 without NUMA). */
  numa: bigint;
  /** Sum of the memory devices' sizes, in KiB. */
  devices: bigint;
  /** The total libvirt keeps after define. */
  total?: bigint;
}

export function memoryTotals(dom: Domain): MemoryTotals {
  const memory = sizeKiB(dom.memory?.value, dom.memory?.unit);
  let numa = 0n;
  for (const cell of dom.cpu?.numa?.cell ?? []) numa += sizeKiB(cell.memory, cell.unit) ?? 0n;
  let devices = 0n;
  for (const mem of dom.devices?.memory ?? []) devices += sizeKiB(mem.target?.size?.value, mem.target?.size?.unit) ?? 0n;
  const total = numa > 0n ? numa + devices : memory;
  return { memory, numa, devices, total };
}

/** Memory devices that plug into the hotplug area (QEMU's maxmem); SGX EPC sections do not. */
function needsHotplugArea(mem: MemoryDevice): boolean {
  return mem.model !== 'sgx-epc';
}

export function checkMemory(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const t = memoryTotals(dom);
  const cells = dom.cpu?.numa?.cell ?? [];
  const mems = dom.devices?.memory ?? [];

  if (t.numa === 0n && (t.memory === undefined || t.memory === 0n) && dom.memory?.$xml?.invalid === undefined) {
    r.error({
      rule: 'memory-missing',
      path: '/domain/memory',
      message: 'the guest has no memory; expected a <memory> size or NUMA cells with memory',
      at: [dom, dom.memory],
    });
  }

  if (t.numa === 0n && t.memory !== undefined && t.devices > t.memory) {
    r.error({
      rule: 'memory-devices-above-memory',
      path: '/domain/memory',
      value: kib(t.memory),
      message: `memory devices add up to ${kib(t.devices)}, more than the total <memory> of ${kib(t.memory)}; <memory> includes the memory devices, so expected at least ${kib(t.devices)}`,
      at: [dom, dom.memory],
    });
  }

  const max = sizeKiB(dom.maxMemory?.value, dom.maxMemory?.unit);
  if (max !== undefined && max > 0n && t.total !== undefined && t.total > max) {
    r.error({
      rule: 'memory-above-max-memory',
      path: '/domain/maxMemory',
      value: kib(max),
      message: `<maxMemory> ${kib(max)} is below the guest's memory of ${kib(t.total)}${t.numa > 0n ? ' (NUMA cells plus memory devices)' : ''}; expected at least ${kib(t.total)}`,
      at: [dom, dom.maxMemory],
    });
  }

  // When <memory> disagrees with the NUMA cells, numa-memory-sum already says so; only a
  // current size above both is a mistake of its own.
  const current = sizeKiB(dom.currentMemory?.value, dom.currentMemory?.unit);
  if (current !== undefined && t.total !== undefined && current > t.total && (t.memory === undefined || current > t.memory)) {
    r.warning({
      rule: 'current-memory-above-memory',
      path: '/domain/currentMemory',
      value: kib(current),
      message: `<currentMemory> ${kib(current)} is above the guest's memory of ${kib(t.total)}; libvirt lowers it to ${kib(t.total)}`,
      at: [dom, dom.currentMemory],
    });
  }

  for (const [mem, n] of indexed(mems)) {
    const path = devicePath('memory', n);
    if (needsHotplugArea(mem) && (max === undefined || max === 0n)) {
      r.error({
        rule: 'memory-device-without-max-memory',
        path,
        value: mem.model,
        message: `a ${mem.model} memory device needs room for hotplugged memory; expected a <maxMemory> element`,
        at: [mem],
      });
    }
    const node = mem.target?.node;
    if (node === undefined) continue;
    let problem: string | undefined;
    if (mem.model === 'virtio-pmem') problem = 'a virtio-pmem device belongs to no NUMA node; expected no <node>';
    else if (cells.length === 0) problem = `target node ${node} given, but the guest has no NUMA cells; expected <cpu><numa> cells or no <node>`;
    else if (node >= cells.length) problem = `target node ${node} does not exist; the guest has NUMA nodes 0-${cells.length - 1}`;
    if (problem) {
      r.error({ rule: 'memory-device-node', path: `${path}/target/node`, value: node, message: problem, at: [mem, mem.target] });
    }
  }

  checkHugepages(r, dom, cells.length);
  return r.problems;
}

/** virDomainDefMemtuneValidate, after the post-parse step that drops a lone node 0 without NUMA. */
function checkHugepages(r: Findings, dom: Domain, cellCount: number): void {
  const pages = dom.memoryBacking?.hugepages?.page ?? [];
  const sets: (Set<number> | undefined)[] = [];
  let master: number | undefined;
  pages.forEach((page, i) => {
    const path = `/domain/memoryBacking/hugepages/page[${i + 1}]`;
    let nodes = page.nodeset === undefined ? undefined : parseCpuset(page.nodeset);
    if (page.nodeset !== undefined && nodes === undefined) {
      sets.push(undefined);
      return; // malformed: reported by structural checks
    }
    if (nodes && cellCount === 0 && nodes.size === 1 && nodes.has(0)) nodes = undefined;
    sets.push(nodes);

    if (!nodes) {
      if (master !== undefined) {
        r.error({
          rule: 'hugepages-nodeset',
          path,
          value: page.size,
          message: `two huge page sizes apply to all NUMA nodes (page[${master + 1}] and page[${i + 1}]); expected a nodeset on all but one`,
          at: [page],
        });
      } else master = i;
      return;
    }
    const missing = [...nodes].sort((a, b) => a - b).find((n) => n >= cellCount);
    if (missing !== undefined) {
      r.error({
        rule: 'hugepages-nodeset',
        path: `${path}/@nodeset`,
        value: page.nodeset,
        message: cellCount === 0
          ? `huge pages nodeset '${page.nodeset}' names node ${missing}, but the guest has no NUMA cells; expected no nodeset`
          : `huge pages nodeset '${page.nodeset}' names node ${missing}; the guest has NUMA nodes 0-${cellCount - 1}`,
        at: [page],
      });
    }
    for (let j = 0; j < i; j++) {
      const other = sets[j];
      if (other && [...nodes].some((n) => other.has(n))) {
        r.error({
          rule: 'hugepages-nodeset',
          path: `${path}/@nodeset`,
          value: page.nodeset,
          message: `huge pages nodeset '${page.nodeset}' overlaps the nodeset of page[${j + 1}]; each NUMA node gets one page size`,
          at: [page],
        });
        break;
      }
    }
  });
}
