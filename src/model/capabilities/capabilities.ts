/**
 * `<capabilities>`: what the host offers and which guests the driver can run on it
 * (formatcaps.rst; schema capability.rng). Fields follow libvirt's formatting order.
 */
import { attr, child, el, flag, leaf, leaves, many, text, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { sized, sizeUnit } from '../common.js';
import { NumaCache, NumaDistances, NumaInterconnects } from '../domain/cpu.js';
import { archName } from '../domain/os.js';
import { HostCpu } from './hostcpu.js';

/** Hypervisor types libvirt names in `<domain type>` (the domain XML's `type` attribute). */
export const virtType = t.enum(
  'qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'vz',
  'bhyve', 'ch', 'hvf',
);

// ---------------------------------------------------------------------------
// Host

/** `<power_management>` of the host: the suspend modes the host supports (formatcaps.rst "Host capabilities"). */
export const PowerManagement = el('power_management', {
  /** Suspend to RAM (S3). */
  suspend_mem: flag(),
  /** Suspend to disk (S4, hibernation). */
  suspend_disk: flag(),
  /** Both at once: hybrid suspend. */
  suspend_hybrid: flag(),
});
export type PowerManagement = Infer<typeof PowerManagement>;

/** `<iommu>` of the host: whether an IOMMU is enabled for device assignment (formatcaps.rst "Host capabilities"). */
export const HostIommu = el('iommu', {
  support: attr(t.yesNo),
});
export type HostIommu = Infer<typeof HostIommu>;

/** `<uri_transports>` of `<migration_features>`: the URI schemes migration can use. */
export const UriTransports = el('uri_transports', {
  uri_transport: leaves(t.enum('vpxmigr', 'tcp', 'rdma', 'vzmigr')),
});
export type UriTransports = Infer<typeof UriTransports>;

/** `<migration_features>` of the host: the hypervisor's migration abilities (formatcaps.rst "Host capabilities"). */
export const MigrationFeatures = el('migration_features', {
  /** Live migration is possible. */
  live: flag(),
  uri_transports: child(UriTransports),
});
export type MigrationFeatures = Infer<typeof MigrationFeatures>;

/** `<pages>` of a host NUMA cell: how many pages of `size` (in `unit`, KiB by default) the cell holds. */
export const CellPages = el('pages', {
  unit: attr(sizeUnit),
  size: attr(t.uint, { required: true }),
  /** Number of pages of this size. */
  value: text(t.uint),
});
export type CellPages = Infer<typeof CellPages>;

/** `<cpu>` of a host NUMA cell: one logical CPU and where it sits (formatcaps.rst "Host capabilities" > topology). */
export const CellCpu = el('cpu', {
  id: attr(t.uint, { required: true }),
  /** Physical package. */
  socket_id: attr(t.uint),
  die_id: attr(t.uint),
  cluster_id: attr(t.uint),
  core_id: attr(t.uint),
  /** CPUs in the same core, a cpuset list like `0,32`. */
  siblings: attr(t.string),
});
export type CellCpu = Infer<typeof CellCpu>;

/** `<cpus>` of a host NUMA cell: its logical CPUs; `num` is their count. */
export const CellCpus = el('cpus', {
  num: attr(t.uint, { required: true }),
  cpu: many(CellCpu),
});
export type CellCpus = Infer<typeof CellCpus>;

/** `<cell>` of the host topology: one NUMA node, its memory, page pools, distances, caches and CPUs. */
export const HostCell = el('cell', {
  id: attr(t.uint, { required: true }),
  /** Memory of the node (KiB unless `unit` says otherwise). */
  memory: child(sized('memory')),
  pages: many(CellPages),
  distances: child(NumaDistances),
  cache: many(NumaCache),
  cpus: child(CellCpus),
});
export type HostCell = Infer<typeof HostCell>;

/** `<cells>` of the host topology; `num` is the number of cells. */
export const HostCells = el('cells', {
  num: attr(t.uint, { required: true }),
  cell: many(HostCell),
});
export type HostCells = Infer<typeof HostCells>;

/** `<topology>` of the host: NUMA cells and the HMAT interconnects between them (formatcaps.rst "Host capabilities"). */
export const HostTopology = el('topology', {
  cells: child(HostCells, { required: true }),
  interconnects: child(NumaInterconnects),
});
export type HostTopology = Infer<typeof HostTopology>;

/** Which kind of cache a bank or an allocation covers: unified, instruction or data. */
const cacheType = t.enum('both', 'code', 'data');

/** `<control>` of a cache bank: how the bank can be partitioned for guests (resctrl allocation). */
export const CacheControl = el('control', {
  /** Allocation granularity, in `unit`. */
  granularity: attr(t.uint, { required: true }),
  /** Smallest allocation, in `unit`. */
  min: attr(t.uint),
  unit: attr(sizeUnit, { required: true }),
  type: attr(cacheType, { required: true }),
  /** How many allocations the bank supports at once. */
  maxAllocs: attr(t.uint, { required: true }),
});
export type CacheControl = Infer<typeof CacheControl>;

/** `<bank>` of the host cache: one cache instance, its level, size and the CPUs sharing it. */
export const CacheBank = el('bank', {
  id: attr(t.uint, { required: true }),
  level: attr(t.uint, { required: true }),
  type: attr(cacheType, { required: true }),
  size: attr(t.uint, { required: true }),
  unit: attr(sizeUnit, { required: true }),
  /** CPUs sharing the bank, a cpuset list. */
  cpus: attr(t.string, { required: true }),
  control: many(CacheControl),
});
export type CacheBank = Infer<typeof CacheBank>;

/** `<feature>` of a resource `<monitor>`: a monitoring event (`llc_occupancy`, `mbm_total_bytes`, ...). */
export const MonitorFeature = el('feature', {
  name: attr(t.pattern('monitor feature', '^(llc_|mbm_)[a-zA-Z0-9\\-_]+$'), { required: true }),
});
export type MonitorFeature = Infer<typeof MonitorFeature>;

/** `<monitor>` of the host cache or memory bandwidth: resctrl monitoring abilities. */
export const ResctrlMonitor = el('monitor', {
  level: attr(t.uint),
  /** Cache occupancy (bytes) under which a freed monitor can be reused. */
  reuseThreshold: attr(t.uint),
  maxMonitors: attr(t.uint, { required: true }),
  feature: many(MonitorFeature),
});
export type ResctrlMonitor = Infer<typeof ResctrlMonitor>;

/** `<cache>` of the host: the CPU cache banks and their allocation/monitoring support (formatcaps.rst "Host capabilities"). */
export const HostCache = el('cache', {
  bank: many(CacheBank),
  monitor: child(ResctrlMonitor),
});
export type HostCache = Infer<typeof HostCache>;

/** `<control>` of a memory bandwidth node: how bandwidth can be allocated (percent steps). */
export const MemoryBandwidthControl = el('control', {
  granularity: attr(t.uint, { required: true }),
  min: attr(t.uint),
  maxAllocs: attr(t.uint, { required: true }),
});
export type MemoryBandwidthControl = Infer<typeof MemoryBandwidthControl>;

/** `<node>` of `<memory_bandwidth>`: one memory controller and the CPUs behind it. */
export const MemoryBandwidthNode = el('node', {
  id: attr(t.uint, { required: true }),
  cpus: attr(t.string, { required: true }),
  control: many(MemoryBandwidthControl),
});
export type MemoryBandwidthNode = Infer<typeof MemoryBandwidthNode>;

/** `<memory_bandwidth>` of the host: memory bandwidth allocation and monitoring (resctrl MBA/MBM). */
export const MemoryBandwidth = el('memory_bandwidth', {
  node: many(MemoryBandwidthNode),
  monitor: child(ResctrlMonitor),
});
export type MemoryBandwidth = Infer<typeof MemoryBandwidth>;

/** `<baselabel>` of a `<secmodel>`: the default security label for guests of hypervisor type `type`. */
export const Baselabel = el('baselabel', {
  type: attr(t.string, { required: true }),
  value: text(t.string),
});
export type Baselabel = Infer<typeof Baselabel>;

/** `<secmodel>` of the host: one security driver in effect (formatcaps.rst "Host capabilities"). */
export const Secmodel = el('secmodel', {
  /** Security driver: `selinux`, `apparmor`, `dac`, `none`. */
  model: leaf(t.string, { required: true }),
  /** Domain of interpretation. */
  doi: leaf(t.string, { required: true }),
  baselabel: many(Baselabel),
});
export type Secmodel = Infer<typeof Secmodel>;

/** `<host>`: the host's own capabilities (formatcaps.rst "Host capabilities"). */
export const Host = el('host', {
  uuid: leaf(t.uuid),
  cpu: child(HostCpu, { required: true }),
  power_management: child(PowerManagement),
  iommu: child(HostIommu),
  migration_features: child(MigrationFeatures),
  topology: child(HostTopology),
  cache: child(HostCache),
  memory_bandwidth: child(MemoryBandwidth),
  secmodel: many(Secmodel),
});
export type Host = Infer<typeof Host>;

// ---------------------------------------------------------------------------
// Guests

/** `<machine>` of a guest architecture or domain type: a machine type (text) and its limits. */
export const GuestMachine = el('machine', {
  /** The versioned machine type this alias stands for. */
  canonical: attr(t.string),
  maxCpus: attr(t.uint),
  deprecated: attr(t.yesNo),
  value: text(t.string),
});
export type GuestMachine = Infer<typeof GuestMachine>;

/** `<domain>` of a guest architecture: a hypervisor type able to run it, with its own emulator and machines when they differ. */
export const GuestDomain = el('domain', {
  type: attr(virtType, { required: true }),
  emulator: leaf(t.string),
  machine: many(GuestMachine),
});
export type GuestDomain = Infer<typeof GuestDomain>;

/** `<arch>` of a guest: an architecture the host can run guests of (formatcaps.rst "Guest capabilities"). */
export const GuestArch = el('arch', {
  name: attr(archName, { required: true }),
  /** CPU word size in bits: 31, 32 or 64. */
  wordsize: leaf(t.uint, { required: true }),
  /** Default emulator (device model) path. */
  emulator: leaf(t.string),
  /** Default loader path. */
  loader: leaf(t.string),
  machine: many(GuestMachine),
  domain: many(GuestDomain),
});
export type GuestArch = Infer<typeof GuestArch>;

/** A guest feature that may be switched: `default` says whether it is on, `toggle` whether it can be changed. */
function toggleFeature(name: string) {
  return el(name, {
    default: attr(t.onOff, { required: true }),
    toggle: attr(t.yesNo, { required: true }),
  });
}

/** `<acpi>` guest feature. */
export const GuestFeatureAcpi = toggleFeature('acpi');
/** `<apic>` guest feature. */
export const GuestFeatureApic = toggleFeature('apic');
/** `<disksnapshot>` guest feature: internal disk snapshots. */
export const GuestFeatureDisksnapshot = toggleFeature('disksnapshot');
/** `<hap>` guest feature: hardware assisted paging (Xen). */
export const GuestFeatureHap = toggleFeature('hap');
export type GuestFeatureToggle = Infer<typeof GuestFeatureAcpi>;

/** `<features>` of a guest: CPU and machine features of guests of this kind (formatcaps.rst "Guest capabilities"). */
export const GuestFeatures = el('features', {
  /** Physical address extension: a 32-bit guest can use more than 4 GiB. */
  pae: flag(),
  /** The guest can run without PAE. */
  nonpae: flag(),
  /** Big-endian IA64 guests. */
  ia64_be: flag(),
  acpi: child(GuestFeatureAcpi),
  apic: child(GuestFeatureApic),
  /** The guest CPU can be configured (`<cpu>` in the domain XML). */
  cpuselection: flag(),
  /** Per-device boot order (`<boot order>` on devices). */
  deviceboot: flag(),
  disksnapshot: child(GuestFeatureDisksnapshot),
  hap: child(GuestFeatureHap),
  /** External snapshots are supported. */
  externalSnapshot: flag(),
});
export type GuestFeatures = Infer<typeof GuestFeatures>;

/** `<guest>`: one kind of guest the host can run (formatcaps.rst "Guest capabilities"). */
export const Guest = el('guest', {
  /** Kind of operating system: `hvm` (full virtualization), `xen`/`linux` (Xen PV), `xenpvh`, `exe` (container). */
  os_type: leaf(t.enum('xen', 'linux', 'xenpvh', 'hvm', 'exe', 'uml'), { required: true }),
  arch: child(GuestArch, { required: true }),
  features: child(GuestFeatures),
});
export type Guest = Infer<typeof Guest>;

/** `<capabilities>`: the document (formatcaps.rst "Element and attribute overview"). */
export const Capabilities = el('capabilities', {
  host: child(Host, { required: true }),
  guest: many(Guest),
});
export type Capabilities = Infer<typeof Capabilities>;

export const capabilitiesDocument = defineDocument(Capabilities);
