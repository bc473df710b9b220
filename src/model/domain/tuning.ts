/**
 * vCPU and IOThread allocation, CPU, NUMA and block I/O tuning, throttle groups
 * (formatdomain.rst "CPU Allocation", "IOThreads Allocation", "CPU Tuning",
 * "NUMA Node Tuning", "Block I/O Tuning", "Disk Throttle Group Management").
 */
import { attr, child, el, leaf, many, text, t, variants, type Infer } from '../../schema/index.js';
import { sizeUnit } from '../common.js';
import { DiskIoTune } from './disk.js';

/** `<vcpu placement='static' cpuset='1-4' current='2'>8</vcpu>`: the maximum vCPU count (formatdomain.rst "CPU Allocation"). */
export const Vcpu = el('vcpu', {
  /** `auto` lets numad choose the host CPUs; `static` uses `cpuset`. */
  placement: attr(t.enum('static', 'auto')),
  /** Host CPUs the vCPUs may run on by default, a cpuset list like `1-4,^3,6`. */
  cpuset: attr(t.string),
  /** vCPUs online at boot, when fewer than the maximum. */
  current: attr(t.uint),
  value: text(t.uint, { required: true }),
});
export type Vcpu = Infer<typeof Vcpu>;

/** `<vcpu>` inside `<vcpus>`: the state of one vCPU (formatdomain.rst "CPU Allocation"). */
export const VcpusVcpu = el('vcpu', {
  id: attr(t.uint, { required: true }),
  enabled: attr(t.yesNo, { required: true }),
  hotpluggable: attr(t.yesNo),
  /** Order in which the vCPU is brought online. */
  order: attr(t.uint),
});
export type VcpusVcpu = Infer<typeof VcpusVcpu>;

/** `<vcpus>`: per-vCPU state (formatdomain.rst "CPU Allocation"). */
export const Vcpus = el('vcpus', {
  vcpu: many(VcpusVcpu),
});
export type Vcpus = Infer<typeof Vcpus>;

/** `<poll>` of an `<iothread>`: adaptive polling parameters of its event loop. */
export const IothreadPoll = el('poll', {
  /** Maximum polling time in nanoseconds. */
  max: attr(t.uint),
  grow: attr(t.uint),
  shrink: attr(t.uint),
});
export type IothreadPoll = Infer<typeof IothreadPoll>;

/** `<iothread>` in `<iothreadids>`: one IOThread and its worker thread pool. */
export const Iothread = el('iothread', {
  id: attr(t.uint, { required: true }),
  thread_pool_min: attr(t.uint),
  thread_pool_max: attr(t.uint),
  poll: child(IothreadPoll),
});
export type Iothread = Infer<typeof Iothread>;

/** `<iothreadids>`: the IOThreads by id (formatdomain.rst "IOThreads Allocation"). */
export const Iothreadids = el('iothreadids', {
  iothread: many(Iothread),
});
export type Iothreadids = Infer<typeof Iothreadids>;

/** `<defaultiothread>`: the worker thread pool of the main event loop (formatdomain.rst "IOThreads Allocation"). */
export const Defaultiothread = el('defaultiothread', {
  thread_pool_min: attr(t.uint),
  thread_pool_max: attr(t.uint),
});
export type Defaultiothread = Infer<typeof Defaultiothread>;

/** `<vcpupin>`: the host CPUs one vCPU may run on. */
export const Vcpupin = el('vcpupin', {
  vcpu: attr(t.uint, { required: true }),
  cpuset: attr(t.string, { required: true }),
});
export type Vcpupin = Infer<typeof Vcpupin>;

/** `<emulatorpin>`: the host CPUs the emulator threads may run on. */
export const Emulatorpin = el('emulatorpin', {
  cpuset: attr(t.string, { required: true }),
});
export type Emulatorpin = Infer<typeof Emulatorpin>;

/** `<iothreadpin>`: the host CPUs one IOThread may run on. */
export const Iothreadpin = el('iothreadpin', {
  iothread: attr(t.uint, { required: true }),
  cpuset: attr(t.string, { required: true }),
});
export type Iothreadpin = Infer<typeof Iothreadpin>;

const scheduler = t.enum('batch', 'idle', 'fifo', 'rr');
/** The real-time schedulers take a priority; batch and idle do not. */
const schedCases = variants('scheduler', {
  batch: {},
  idle: {},
  fifo: { priority: attr(t.uint, { required: true }) },
  rr: { priority: attr(t.uint, { required: true }) },
});

/** `<vcpusched>`: the host scheduler policy of the vCPUs in `vcpus`. */
export const Vcpusched = el('vcpusched', { vcpus: attr(t.string), scheduler: attr(scheduler, { required: true }) }, schedCases);
export type Vcpusched = Infer<typeof Vcpusched>;

/** `<iothreadsched>`: the host scheduler policy of the IOThreads in `iothreads`. */
export const Iothreadsched = el('iothreadsched', { iothreads: attr(t.string), scheduler: attr(scheduler, { required: true }) }, schedCases);
export type Iothreadsched = Infer<typeof Iothreadsched>;

/** `<emulatorsched>`: the host scheduler policy of the emulator threads. */
export const Emulatorsched = el('emulatorsched', { scheduler: attr(scheduler, { required: true }) }, schedCases);
export type Emulatorsched = Infer<typeof Emulatorsched>;

/** `<cache>` of a `<cachetune>`: a cache allocation (Intel CAT) on one host cache. */
export const CachetuneCache = el('cache', {
  /** Host cache id. */
  id: attr(t.uint, { required: true }),
  level: attr(t.uint, { required: true }),
  type: attr(t.enum('both', 'code', 'data'), { required: true }),
  size: attr(t.uint, { required: true }),
  unit: attr(sizeUnit),
});
export type CachetuneCache = Infer<typeof CachetuneCache>;

/** `<monitor>` of a `<cachetune>`: a cache usage monitor for the vCPUs in `vcpus`. */
export const CachetuneMonitor = el('monitor', {
  level: attr(t.uint, { required: true }),
  vcpus: attr(t.string, { required: true }),
});
export type CachetuneMonitor = Infer<typeof CachetuneMonitor>;

/** `<cachetune>`: cache allocation and monitoring for a group of vCPUs. */
export const Cachetune = el('cachetune', {
  vcpus: attr(t.string, { required: true }),
  /** Resctrl group name (output only, or kept from the input). */
  id: attr(t.string),
  cache: many(CachetuneCache),
  monitor: many(CachetuneMonitor),
});
export type Cachetune = Infer<typeof Cachetune>;

/** `<node>` of a `<memorytune>`: memory bandwidth share (percent) on one host NUMA node. */
export const MemorytuneNode = el('node', {
  id: attr(t.uint, { required: true }),
  bandwidth: attr(t.uint, { required: true }),
});
export type MemorytuneNode = Infer<typeof MemorytuneNode>;

/** `<monitor>` of a `<memorytune>`: a memory bandwidth monitor for the vCPUs in `vcpus`. */
export const MemorytuneMonitor = el('monitor', {
  vcpus: attr(t.string, { required: true }),
});
export type MemorytuneMonitor = Infer<typeof MemorytuneMonitor>;

/** `<memorytune>`: memory bandwidth allocation (Intel MBA) for a group of vCPUs. */
export const Memorytune = el('memorytune', {
  vcpus: attr(t.string, { required: true }),
  node: many(MemorytuneNode),
  monitor: many(MemorytuneMonitor),
});
export type Memorytune = Infer<typeof Memorytune>;

/** `<cputune>`: CPU bandwidth, pinning and scheduling of the guest threads (formatdomain.rst "CPU Tuning"). */
export const Cputune = el('cputune', {
  /** Relative CPU weight against other guests. */
  shares: leaf(t.uint),
  /** Enforcement period (microseconds) of each vCPU. */
  period: leaf(t.uint),
  /** Bandwidth (microseconds per period) of each vCPU; -1 is unlimited. */
  quota: leaf(t.int),
  /** Enforcement period (microseconds) of the whole guest. */
  global_period: leaf(t.uint),
  /** Bandwidth (microseconds per period) of the whole guest; -1 is unlimited. */
  global_quota: leaf(t.int),
  emulator_period: leaf(t.uint),
  emulator_quota: leaf(t.int),
  iothread_period: leaf(t.uint),
  iothread_quota: leaf(t.int),
  vcpupin: many(Vcpupin),
  emulatorpin: child(Emulatorpin),
  iothreadpin: many(Iothreadpin),
  emulatorsched: child(Emulatorsched),
  vcpusched: many(Vcpusched),
  iothreadsched: many(Iothreadsched),
  cachetune: many(Cachetune),
  memorytune: many(Memorytune),
});
export type Cputune = Infer<typeof Cputune>;

const numaMode = t.enum('strict', 'preferred', 'interleave', 'restrictive');

/**
 * `<memory>` of `<numatune>`: the host NUMA nodes guest memory is allocated from. `nodeset`
 * goes with `placement='static'` (the default); with `auto` numad chooses the nodes. Not a
 * variant: libvirt reads `nodeset` whatever the placement and reports the conflict itself.
 */
export const NumatuneMemory = el('memory', {
  mode: attr(numaMode),
  placement: attr(t.enum('static', 'auto')),
  nodeset: attr(t.string),
});
export type NumatuneMemory = Infer<typeof NumatuneMemory>;

/** `<memnode>` of `<numatune>`: the host NUMA nodes for one guest NUMA cell. */
export const Memnode = el('memnode', {
  cellid: attr(t.uint, { required: true }),
  mode: attr(numaMode, { required: true }),
  nodeset: attr(t.string, { required: true }),
});
export type Memnode = Infer<typeof Memnode>;

/** `<numatune>`: NUMA memory policy of the guest (formatdomain.rst "NUMA Node Tuning"). */
export const Numatune = el('numatune', {
  memory: child(NumatuneMemory),
  memnode: many(Memnode),
});
export type Numatune = Infer<typeof Numatune>;

/** `<device>` of `<blkiotune>`: weight and limits for one host block device. */
export const BlkiotuneDevice = el('device', {
  path: leaf(t.string, { required: true }),
  weight: leaf(t.uint),
  read_iops_sec: leaf(t.uint),
  write_iops_sec: leaf(t.uint),
  read_bytes_sec: leaf(t.uint),
  write_bytes_sec: leaf(t.uint),
});
export type BlkiotuneDevice = Infer<typeof BlkiotuneDevice>;

/** `<blkiotune>`: block I/O weight of the guest, overall and per host device (formatdomain.rst "Block I/O Tuning"). */
export const Blkiotune = el('blkiotune', {
  /** Relative I/O weight, 100 to 1000. */
  weight: leaf(t.uint),
  device: many(BlkiotuneDevice),
});
export type Blkiotune = Infer<typeof Blkiotune>;

/**
 * `<throttlegroup>`: a named set of I/O limits that disks share through `<throttlefilter>`
 * (formatdomain.rst "Disk Throttle Group Management"). The values are those of a disk's `<iotune>`.
 */
export const Throttlegroup = el('throttlegroup', DiskIoTune.fields);
export type Throttlegroup = Infer<typeof Throttlegroup>;

/** `<throttlegroups>`: the domain's throttle groups (formatdomain.rst "Disk Throttle Group Management"). */
export const Throttlegroups = el('throttlegroups', {
  throttlegroup: many(Throttlegroup),
});
export type Throttlegroups = Infer<typeof Throttlegroups>;
