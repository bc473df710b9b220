/**
 * Guest NUMA rules (formatdomain.rst "CPU model and topology" > NUMA, "NUMA Node Tuning"):
 * cells are numbered 0..n-1 once each, their vCPUs exist and belong to one cell only,
 * distances name existing cells, and `<numatune>` memnodes name existing cells with
 * consistent modes. When cells are given libvirt computes the memory size from them.
 */
import type { Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed, kib, parseCpuset } from './context.js';
import { maxVcpus } from './cpus.js';
import { memoryTotals } from './memory.js';

export function checkNuma(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const cells = dom.cpu?.numa?.cell ?? [];
  const count = cells.length;
  const max = maxVcpus(dom);
  const idOwner = new Map<number, number>();
  const cpuOwner = new Map<number, number>();

  for (const [cell, n] of indexed(cells)) {
    const path = `/domain/cpu/numa/cell[${n}]`;
    const at = [dom.cpu, cell];
    // A cell without id takes its position (virDomainNumaDefParseXML).
    const id = cell.id ?? n - 1;
    if (id >= count) {
      r.error({
        rule: 'numa-cell-id',
        path: `${path}/@id`,
        value: id,
        message: `NUMA cell id ${id} is out of range; with ${count} cells the ids are 0-${count - 1}, each used once`,
        at,
      });
    } else if (idOwner.has(id)) {
      r.error({
        rule: 'numa-cell-id',
        path: `${path}/@id`,
        value: id,
        message: `NUMA cell id ${id} is already used by /domain/cpu/numa/cell[${idOwner.get(id)}]; expected ids 0-${count - 1}, each once`,
        at,
      });
    } else idOwner.set(id, n);

    const cpus = cell.cpus === undefined ? undefined : parseCpuset(cell.cpus);
    if (cpus) {
      const sorted = [...cpus].sort((a, b) => a - b);
      const outside = sorted.filter((c) => c >= max);
      if (outside.length > 0) {
        r.error({
          rule: 'numa-cpu-range',
          path: `${path}/@cpus`,
          value: cell.cpus,
          message: `NUMA cell cpus '${cell.cpus}' name vCPU ${outside[0]}, but the guest has vCPUs 0-${max - 1}; expected ids below <vcpu> ${max}`,
          at,
        });
      }
      const shared = sorted.find((c) => cpuOwner.has(c));
      if (shared !== undefined) {
        r.error({
          rule: 'numa-cpu-overlap',
          path: `${path}/@cpus`,
          value: cell.cpus,
          message: `vCPU ${shared} is in this NUMA cell and in /domain/cpu/numa/cell[${cpuOwner.get(shared)}]; expected each vCPU in one cell`,
          at,
        });
      }
      for (const c of sorted) if (!cpuOwner.has(c)) cpuOwner.set(c, n);
    }

    for (const [sibling, s] of indexed(cell.distances?.sibling)) {
      if (sibling.id !== undefined && sibling.id >= count) {
        r.error({
          rule: 'numa-distance-sibling',
          path: `${path}/distances/sibling[${s}]/@id`,
          value: sibling.id,
          message: `distance to NUMA cell ${sibling.id}, which does not exist; expected a cell id 0-${count - 1}`,
          at: [cell, sibling],
        });
      }
    }
  }

  // On define libvirt replaces <memory> with the cells plus the memory devices.
  const t = memoryTotals(dom);
  if (count > 0 && t.numa > 0n && t.memory !== undefined && t.total !== undefined && t.memory !== t.total) {
    r.warning({
      rule: 'numa-memory-sum',
      path: '/domain/memory',
      value: kib(t.memory),
      message: `<memory> is ${kib(t.memory)} but the NUMA cells hold ${kib(t.numa)}${t.devices > 0n ? ` and the memory devices ${kib(t.devices)}` : ''}; libvirt sets <memory> to ${kib(t.total)}`,
      at: [dom, dom.memory],
    });
  }

  checkNumatune(r, dom, count);
  return r.problems;
}

function checkNumatune(r: Findings, dom: Domain, count: number): void {
  const tune = dom.numatune;
  if (!tune) return;
  const memory = tune.memory;
  if (memory?.placement === 'auto' && memory.nodeset !== undefined) {
    r.error({
      rule: 'numatune-placement',
      path: '/domain/numatune/memory/@nodeset',
      value: memory.nodeset,
      message: `numatune nodeset '${memory.nodeset}' with placement='auto'; numad chooses the nodes, so expected no nodeset`,
      at: [tune, memory],
    });
  } else if (memory?.placement === 'static' && memory.nodeset === undefined) {
    r.error({
      rule: 'numatune-placement',
      path: '/domain/numatune/memory/@nodeset',
      message: "numatune memory with placement='static' and no nodeset; expected the host nodes in nodeset",
      at: [tune, memory],
    });
  }

  const cellOwner = new Map<number, number>();
  const memnodes = tune.memnode ?? [];
  for (const [node, n] of indexed(memnodes)) {
    const path = `/domain/numatune/memnode[${n}]`;
    const at = [tune, node];
    const cell = node.cellid;
    if (cell !== undefined) {
      if (count === 0) {
        r.error({
          rule: 'numatune-memnode-cell',
          path: `${path}/@cellid`,
          value: cell,
          message: 'a <memnode> tunes a guest NUMA cell, but the guest has none; expected <cpu><numa> cells',
          at,
        });
      } else if (cell >= count) {
        r.error({
          rule: 'numatune-memnode-cell',
          path: `${path}/@cellid`,
          value: cell,
          message: `memnode cellid ${cell} does not exist; the guest has NUMA cells 0-${count - 1}`,
          at,
        });
      } else if (cellOwner.has(cell)) {
        r.error({
          rule: 'numatune-memnode-cell',
          path: `${path}/@cellid`,
          value: cell,
          message: `memnode cellid ${cell} is already tuned by /domain/numatune/memnode[${cellOwner.get(cell)}]; expected one memnode per cell`,
          at,
        });
      } else cellOwner.set(cell, n);
    }
  }

  // 'restrictive' (cgroups only, no memory policy) cannot be mixed with the other modes.
  const modes = [memory?.mode, ...memnodes.map((m) => m.mode)].filter((m) => m !== undefined);
  if (modes.includes('restrictive') && modes.some((m) => m !== 'restrictive')) {
    const i = memnodes.findIndex((m) => m.mode !== 'restrictive' && m.mode !== undefined);
    const where = memory?.mode !== 'restrictive' && memory?.mode !== undefined ? '/domain/numatune/memory/@mode' : `/domain/numatune/memnode[${i + 1}]/@mode`;
    const culprit = where.startsWith('/domain/numatune/memory') ? memory : memnodes[i];
    r.error({
      rule: 'numatune-mode',
      path: where,
      value: culprit?.mode,
      message: `numatune mode '${culprit?.mode}' mixed with 'restrictive'; when one mode is 'restrictive' all of <memory> and <memnode> must be`,
      at: [tune, culprit],
    });
  }
}
