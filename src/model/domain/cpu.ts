/**
 * `<cpu>`: the guest CPU model, topology, features and NUMA layout
 * (formatdomain.rst "CPU model and topology"). Self-contained so that the standalone
 * `<cpu>` document can reuse it.
 */
import { attr, child, el, many, text, t, type Infer } from '../../schema/index.js';
import { sizeUnit } from '../common.js';

/** `<model>` of a `<cpu>`: a named CPU model (text), whether libvirt may fall back to a close model. */
export const CpuModel = el('model', {
  fallback: attr(t.enum('allow', 'forbid')),
  /** Twelve-character CPUID vendor string presented to the guest. */
  vendor_id: attr(t.string),
  value: text(t.string),
});
export type CpuModel = Infer<typeof CpuModel>;

/** `<vendor>` of a `<cpu>`: the required CPU vendor (`Intel`, `AMD`, ...). */
export const CpuVendor = el('vendor', {
  value: text(t.string),
});
export type CpuVendor = Infer<typeof CpuVendor>;

/** `<topology>`: how the vCPUs split into sockets, dies, clusters, cores and threads. */
export const CpuTopology = el('topology', {
  sockets: attr(t.uint, { required: true }),
  dies: attr(t.uint),
  clusters: attr(t.uint),
  cores: attr(t.uint, { required: true }),
  threads: attr(t.uint, { required: true }),
});
export type CpuTopology = Infer<typeof CpuTopology>;

/** `<cache>` of a `<cpu>`: how the CPU cache of a level is presented (emulated, passed through, hidden). */
export const CpuCache = el('cache', {
  level: attr(t.uint),
  mode: attr(t.enum('emulate', 'passthrough', 'disable'), { required: true }),
});
export type CpuCache = Infer<typeof CpuCache>;

/** `<maxphysaddr>`: the guest's physical address width, emulated (`bits`) or passed through (capped by `limit`). */
export const CpuMaxPhysAddr = el('maxphysaddr', {
  mode: attr(t.enum('emulate', 'passthrough'), { required: true }),
  bits: attr(t.uint),
  limit: attr(t.uint),
});
export type CpuMaxPhysAddr = Infer<typeof CpuMaxPhysAddr>;

/** `<feature>` of a `<cpu>`: one CPU feature with how strongly it is wanted. */
export const CpuFeature = el('feature', {
  /** Required in a guest CPU; a host CPU description lists features without a policy. */
  policy: attr(t.enum('force', 'require', 'optional', 'disable', 'forbid')),
  name: attr(t.string, { required: true }),
});
export type CpuFeature = Infer<typeof CpuFeature>;

/** `<sibling>` in a NUMA cell's `<distances>`: the distance to cell `id`. */
export const NumaSibling = el('sibling', {
  id: attr(t.uint, { required: true }),
  /** Distance, 10 (local) to 255. */
  value: attr(t.uint, { required: true }),
});
export type NumaSibling = Infer<typeof NumaSibling>;

/** `<distances>` of a NUMA cell (formatdomain.rst "NUMA topology"). */
export const NumaDistances = el('distances', {
  sibling: many(NumaSibling),
});
export type NumaDistances = Infer<typeof NumaDistances>;

/** A required `value` in a required `unit`. */
const valueInUnit = {
  value: attr(t.uint, { required: true }),
  unit: attr(sizeUnit, { required: true }),
} as const;

/** `<size>` of a NUMA cell cache: `value` in `unit`. */
export const NumaCacheSize = el('size', valueInUnit);
export type NumaCacheSize = Infer<typeof NumaCacheSize>;

/** `<line>` of a NUMA cell cache: the cache line size. */
export const NumaCacheLine = el('line', valueInUnit);
export type NumaCacheLine = Infer<typeof NumaCacheLine>;

/** `<cache>` of a NUMA cell: a memory-side cache (formatdomain.rst "ACPI Heterogeneous Memory Attribute Table"). */
export const NumaCache = el('cache', {
  level: attr(t.uint, { required: true }),
  associativity: attr(t.enum('none', 'direct', 'full'), { required: true }),
  policy: attr(t.enum('none', 'writeback', 'writethrough'), { required: true }),
  size: child(NumaCacheSize, { required: true }),
  line: child(NumaCacheLine, { required: true }),
});
export type NumaCache = Infer<typeof NumaCache>;

/** `<cell>` of `<numa>`: one guest NUMA node, its vCPUs and memory. */
export const NumaCell = el('cell', {
  id: attr(t.uint),
  /** vCPUs of the cell, a cpuset list like `0-3,8`. */
  cpus: attr(t.string),
  /** Memory of the cell, in `unit` (KiB by default). */
  memory: attr(t.uint, { required: true }),
  unit: attr(sizeUnit),
  memAccess: attr(t.enum('shared', 'private')),
  discard: attr(t.yesNo),
  distances: child(NumaDistances),
  cache: many(NumaCache),
});
export type NumaCell = Infer<typeof NumaCell>;

/** `<latency>` in `<interconnects>`: access latency from an initiator cell to a target cell (or its cache). */
export const NumaLatency = el('latency', {
  initiator: attr(t.uint, { required: true }),
  target: attr(t.uint, { required: true }),
  /** Cache level of the target, when the latency is to a memory-side cache. */
  cache: attr(t.uint),
  type: attr(t.enum('access', 'read', 'write'), { required: true }),
  value: attr(t.uint, { required: true }),
});
export type NumaLatency = Infer<typeof NumaLatency>;

/** `<bandwidth>` in `<interconnects>`: bandwidth from an initiator cell to a target cell (or its cache), per second. */
export const NumaBandwidth = el('bandwidth', {
  initiator: attr(t.uint, { required: true }),
  target: attr(t.uint, { required: true }),
  cache: attr(t.uint),
  type: attr(t.enum('access', 'read', 'write'), { required: true }),
  value: attr(t.uint, { required: true }),
  unit: attr(sizeUnit, { required: true }),
});
export type NumaBandwidth = Infer<typeof NumaBandwidth>;

/** `<interconnects>` of `<numa>`: HMAT latencies and bandwidths between cells. */
export const NumaInterconnects = el('interconnects', {
  latency: many(NumaLatency),
  bandwidth: many(NumaBandwidth),
});
export type NumaInterconnects = Infer<typeof NumaInterconnects>;

/** `<numa>` of a `<cpu>`: the guest NUMA topology (formatdomain.rst "CPU model and topology" > NUMA). */
export const CpuNuma = el('numa', {
  cell: many(NumaCell),
  interconnects: child(NumaInterconnects),
});
export type CpuNuma = Infer<typeof CpuNuma>;

/** `<cpu>`: the guest CPU (formatdomain.rst "CPU model and topology"). */
export const Cpu = el('cpu', {
  mode: attr(t.enum('custom', 'host-model', 'host-passthrough', 'maximum')),
  /** How strictly a `custom` model must match the host. */
  match: attr(t.enum('minimum', 'exact', 'strict')),
  /** How the CPU is checked against the host when the guest starts. */
  check: attr(t.enum('none', 'partial', 'full')),
  /** Whether a host-passthrough/maximum CPU hides features that block migration. */
  migratable: attr(t.onOff),
  /** Whether deprecated features of a host-model CPU are enabled. */
  deprecated_features: attr(t.onOff),
  model: child(CpuModel),
  vendor: child(CpuVendor),
  topology: child(CpuTopology),
  cache: child(CpuCache),
  maxphysaddr: child(CpuMaxPhysAddr),
  feature: many(CpuFeature),
  numa: child(CpuNuma),
});
export type Cpu = Infer<typeof Cpu>;
