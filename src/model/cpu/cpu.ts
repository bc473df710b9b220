/**
 * The standalone `<cpu>` document: a host CPU (as in the capabilities' `<host><cpu>`,
 * formatcaps.rst) or a guest CPU (as in a domain, formatdomain.rst "CPU model and topology"),
 * the input of CPU comparison and baseline computation (cpu.rng, cputypes.rng).
 *
 * It is the domain's `<cpu>` plus the elements only a host CPU has (`<arch>`, `<features>`,
 * `<microcode>`, `<signature>`, `<counter>`, `<pages>`). The shared parts are the domain's
 * and the capabilities' host CPU definitions themselves; `<model>` and `<feature>` are the
 * guest ones, which also read a host CPU's (a host CPU simply has no `fallback` or `policy`).
 */
import { child, el, leaf, many, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import {
  HostCpuCounter, HostCpuFeatures, HostCpuMicrocode, HostCpuPages, HostCpuSignature,
} from '../capabilities/hostcpu.js';
import {
  Cpu, CpuCache, CpuFeature, CpuMaxPhysAddr, CpuModel, CpuNuma, CpuTopology, CpuVendor,
} from '../domain/cpu.js';
import { archName } from '../domain/os.js';

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
