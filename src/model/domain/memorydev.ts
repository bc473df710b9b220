/**
 * `<memory>` device: a memory module added to the guest beyond its initial memory
 * (formatdomain.rst "Memory devices"). Not to be confused with the top-level `<memory>` size.
 */
import { attr, child, el, flag, leaf, t, type Infer } from '../../schema/index.js';
import { sized } from '../common.js';
import { deviceInfo } from './address.js';

/**
 * `<source>` of a memory device. dimm and virtio-mem use `nodemask`/`pagesize`; nvdimm uses
 * `path`/`alignsize`/`pmem`; virtio-pmem uses `path`; sgx-epc uses `nodemask`. The model (an
 * attribute of the parent) decides, so the fields are flat.
 */
export const MemoryDeviceSource = el('source', {
  /** Host NUMA nodes to allocate from, e.g. `1-3`. */
  nodemask: leaf(t.string),
  /** Host huge page size to back the module with. */
  pagesize: child(sized('pagesize')),
  /** Backing file or device (nvdimm, virtio-pmem). */
  path: leaf(t.string),
  /** nvdimm: alignment of the backing mapping. */
  alignsize: child(sized('alignsize')),
  /** nvdimm: the backing file is real persistent memory. */
  pmem: flag(),
});
export type MemoryDeviceSource = Infer<typeof MemoryDeviceSource>;

/** `<label>` inside a memory device `<target>`: the nvdimm namespace label area. */
export const MemoryDeviceLabel = el('label', {
  size: child(sized('size')),
});
export type MemoryDeviceLabel = Infer<typeof MemoryDeviceLabel>;

/** `<address base='0x...'/>` inside a memory device `<target>`: guest physical base address. */
export const MemoryDeviceTargetAddress = el('address', {
  base: attr(t.hex(0), { required: true }),
});
export type MemoryDeviceTargetAddress = Infer<typeof MemoryDeviceTargetAddress>;

/** `<target>` of a memory device: how the module appears in the guest. */
export const MemoryDeviceTarget = el('target', {
  /** virtio-mem: let QEMU use several memory slots for the device. */
  dynamicMemslots: attr(t.yesNo),
  /** Size of the module. */
  size: child(sized('size')),
  /** Guest NUMA node the module belongs to. */
  node: leaf(t.uint),
  /** nvdimm: label area. */
  label: child(MemoryDeviceLabel),
  /** virtio-mem: block size, the granularity of plugging. */
  block: child(sized('block')),
  /** virtio-mem: memory the guest is asked to plug. */
  requested: child(sized('requested')),
  /** virtio-mem, output only: memory currently plugged. */
  current: child(sized('current')),
  /** nvdimm: read-only to the guest. */
  readonly: flag(),
  address: child(MemoryDeviceTargetAddress),
});
export type MemoryDeviceTarget = Infer<typeof MemoryDeviceTarget>;

/** `<memory>` inside `<devices>` (formatdomain.rst "Memory devices"). */
export const MemoryDevice = el('memory', {
  model: attr(t.enum('dimm', 'nvdimm', 'virtio-pmem', 'virtio-mem', 'sgx-epc'), { required: true }),
  /** Mapping of the backing memory: shared with other processes or private. */
  access: attr(t.enum('shared', 'private')),
  /** Discard the backing memory when the module goes away. */
  discard: attr(t.yesNo),
  /** nvdimm: UUID of the module. */
  uuid: leaf(t.uuid),
  source: child(MemoryDeviceSource),
  target: child(MemoryDeviceTarget),
  ...deviceInfo,
});
export type MemoryDevice = Infer<typeof MemoryDevice>;
