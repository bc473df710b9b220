/**
 * The standalone `<cpu>` document: a host CPU (as in the capabilities' `<host><cpu>`,
 * formatcaps.rst) or a guest CPU (as in a domain, formatdomain.rst "CPU model and topology"),
 * the input of CPU comparison and baseline computation (cpu.rng, cputypes.rng).
 *
 * It is the domain's `<cpu>` plus the elements only a host CPU has (`<arch>`, `<features>`,
 * `<microcode>`, `<signature>`, `<counter>`, `<pages>`). The shared parts are the domain
 * definitions themselves.
 */
import { attr, child, el, flag, leaf, many, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { sizeUnit } from '../common.js';
import {
  Cpu, CpuCache, CpuFeature, CpuMaxPhysAddr, CpuModel, CpuNuma, CpuTopology, CpuVendor,
} from '../domain/cpu.js';
import { archName } from '../domain/os.js';

/** `<features>` of a host CPU: paging and virtualization capabilities (formatcaps.rst, host `cpu`). */
export const HostCpuFeatures = el('features', {
  /** Physical address extension. */
  pae: flag(),
  /** Runs without PAE. */
  nonpae: flag(),
  /** Intel VT-x. */
  vmx: flag(),
  /** AMD-V. */
  svm: flag(),
});
export type HostCpuFeatures = Infer<typeof HostCpuFeatures>;

/** `<microcode version='236'/>`: the host CPU's microcode revision. */
export const HostCpuMicrocode = el('microcode', {
  version: attr(t.uint, { required: true }),
});
export type HostCpuMicrocode = Infer<typeof HostCpuMicrocode>;

/** `<signature family='6' model='142' stepping='12'/>`: the host CPU's CPUID signature. */
export const HostCpuSignature = el('signature', {
  family: attr(t.uint, { required: true }),
  model: attr(t.uint, { required: true }),
  stepping: attr(t.uint, { required: true }),
});
export type HostCpuSignature = Infer<typeof HostCpuSignature>;

/** `<counter name='tsc' frequency='2303997000' scaling='no'/>`: a host time-stamp counter. */
export const HostCpuCounter = el('counter', {
  name: attr(t.string, { required: true }),
  /** Frequency in Hz. */
  frequency: attr(t.uint, { required: true }),
  /** Whether the counter frequency can be scaled for guests (TSC scaling). */
  scaling: attr(t.yesNo, { required: true }),
});
export type HostCpuCounter = Infer<typeof HostCpuCounter>;

/** `<pages unit='KiB' size='2048'/>`: a memory page size the host supports. */
export const HostCpuPages = el('pages', {
  unit: attr(sizeUnit),
  size: attr(t.uint, { required: true }),
});
export type HostCpuPages = Infer<typeof HostCpuPages>;

/**
 * `<cpu>` as a document (cpu.rng): a guest CPU (`mode`, `match`, `check`, features with a
 * policy, NUMA cells) or a host CPU (`<arch>`, features without a policy, signature, pages).
 * Fields are in libvirt's writing order; both shapes share one definition since they are told
 * apart only by which elements are present.
 */
export const CpuDocument = el('cpu', {
  mode: Cpu.fields.mode,
  match: Cpu.fields.match,
  check: Cpu.fields.check,
  migratable: Cpu.fields.migratable,
  deprecated_features: Cpu.fields.deprecated_features,
  arch: leaf(archName),
  /** Host only. */
  features: child(HostCpuFeatures),
  model: child(CpuModel),
  vendor: child(CpuVendor),
  /** Host only. */
  microcode: child(HostCpuMicrocode),
  /** Host only. */
  signature: child(HostCpuSignature),
  /** Host only. */
  counter: child(HostCpuCounter),
  topology: child(CpuTopology),
  cache: child(CpuCache),
  maxphysaddr: child(CpuMaxPhysAddr),
  /** CPU features; a host CPU lists them without `policy`. */
  feature: many(CpuFeature),
  /** Host only: supported memory page sizes. */
  pages: many(HostCpuPages),
  /** Guest only. */
  numa: child(CpuNuma),
});
export type CpuDocument = Infer<typeof CpuDocument>;

export const cpuDocument = defineDocument(CpuDocument);
