/**
 * Memory sizes, backing and tuning of a domain
 * (formatdomain.rst "Memory Allocation", "Memory Backing", "Memory Tuning").
 */
import { attr, child, el, flag, many, text, t, type Infer } from '../../schema/index.js';
import { sized, sizeUnit } from '../common.js';

/**
 * `<maxMemory slots='16' unit='KiB'>N</maxMemory>`: the run-time memory ceiling including
 * hotplugged memory, and the number of memory slots (formatdomain.rst "Memory Allocation").
 */
export const MaxMemory = el('maxMemory', {
  slots: attr(t.uint),
  unit: attr(sizeUnit),
  value: text(t.uint, { required: true }),
});
export type MaxMemory = Infer<typeof MaxMemory>;

/** `<memory unit='KiB'>N</memory>`: the boot-time memory of the guest (formatdomain.rst "Memory Allocation"). */
export const Memory = el('memory', {
  /** Whether guest memory is included in a core dump of the hypervisor process. */
  dumpCore: attr(t.onOff),
  unit: attr(sizeUnit),
  value: text(t.uint, { required: true }),
});
export type Memory = Infer<typeof Memory>;

/** `<currentMemory>`: the memory actually allocated, below `<memory>` when ballooned (formatdomain.rst "Memory Allocation"). */
export const CurrentMemory = sized('currentMemory');
export type CurrentMemory = Infer<typeof CurrentMemory>;

/** `<page>` in `<hugepages>`: a huge page size, optionally only for the guest NUMA nodes in `nodeset`. */
export const HugepagesPage = el('page', {
  size: attr(t.uint, { required: true }),
  unit: attr(sizeUnit),
  /** Guest NUMA nodes using this page size, a cpuset-style list. */
  nodeset: attr(t.string),
});
export type HugepagesPage = Infer<typeof HugepagesPage>;

/** `<hugepages>` of `<memoryBacking>`: back guest memory with huge pages. */
export const Hugepages = el('hugepages', {
  page: many(HugepagesPage),
});
export type Hugepages = Infer<typeof Hugepages>;

/** `<source type='...'/>` of `<memoryBacking>`: where guest memory comes from. */
export const MemoryBackingSource = el('source', {
  type: attr(t.enum('file', 'anonymous', 'memfd'), { required: true }),
});
export type MemoryBackingSource = Infer<typeof MemoryBackingSource>;

/** `<access mode='...'/>` of `<memoryBacking>`: whether guest memory is mapped shared or private. */
export const MemoryBackingAccess = el('access', {
  mode: attr(t.enum('shared', 'private'), { required: true }),
});
export type MemoryBackingAccess = Infer<typeof MemoryBackingAccess>;

/** `<allocation>` of `<memoryBacking>`: when guest memory is allocated, and by how many threads. */
export const MemoryBackingAllocation = el('allocation', {
  mode: attr(t.enum('immediate', 'ondemand')),
  threads: attr(t.uint),
});
export type MemoryBackingAllocation = Infer<typeof MemoryBackingAllocation>;

/** `<memoryBacking>`: how guest memory is backed on the host (formatdomain.rst "Memory Backing"). */
export const MemoryBacking = el('memoryBacking', {
  hugepages: child(Hugepages),
  /** Keep the host from merging this guest's pages (KSM). */
  nosharepages: flag(),
  /** Lock guest memory in host RAM (no swapping). */
  locked: flag(),
  source: child(MemoryBackingSource),
  access: child(MemoryBackingAccess),
  allocation: child(MemoryBackingAllocation),
  /** Discard the memory content right after the guest shuts down. */
  discard: flag(),
});
export type MemoryBacking = Infer<typeof MemoryBacking>;

/** `<memtune>`: memory limits of the guest process (formatdomain.rst "Memory Tuning"). */
export const Memtune = el('memtune', {
  /** Maximum memory the guest may use. */
  hard_limit: child(sized('hard_limit')),
  /** Memory limit enforced during host memory contention. */
  soft_limit: child(sized('soft_limit')),
  /** Guaranteed minimum (VMware ESX, OpenVZ). */
  min_guarantee: child(sized('min_guarantee')),
  /** Maximum memory plus swap the guest may use. */
  swap_hard_limit: child(sized('swap_hard_limit')),
});
export type Memtune = Infer<typeof Memtune>;
