/**
 * The host `<cpu>`: the physical CPU as libvirt detected it (formatcaps.rst "Host
 * capabilities"). Shared by the `<capabilities>` document and the standalone `<cpu>`
 * document (a host CPU description given to compare/baseline).
 */
import { attr, child, el, flag, leaf, many, text, t, type Infer } from '../../schema/index.js';
import { sizeUnit } from '../common.js';
import { CpuMaxPhysAddr, CpuTopology, CpuVendor } from '../domain/cpu.js';
import { archName } from '../domain/os.js';

/** `<features>` of a host CPU: legacy markers for a few well-known CPU capabilities. */
export const HostCpuFeatures = el('features', {
  pae: flag(),
  nonpae: flag(),
  /** Intel VT-x. */
  vmx: flag(),
  /** AMD-V. */
  svm: flag(),
});
export type HostCpuFeatures = Infer<typeof HostCpuFeatures>;

/** `<model>` of a host CPU: the named CPU model closest to the host (text only, unlike a guest CPU's model). */
export const HostCpuModel = el('model', {
  value: text(t.string),
});
export type HostCpuModel = Infer<typeof HostCpuModel>;

/** `<microcode>` of a host CPU: the microcode revision loaded. */
export const HostCpuMicrocode = el('microcode', {
  version: attr(t.uint, { required: true }),
});
export type HostCpuMicrocode = Infer<typeof HostCpuMicrocode>;

/** `<signature>` of a host CPU: CPUID family, model and stepping. */
export const HostCpuSignature = el('signature', {
  family: attr(t.uint, { required: true }),
  model: attr(t.uint, { required: true }),
  stepping: attr(t.uint, { required: true }),
});
export type HostCpuSignature = Infer<typeof HostCpuSignature>;

/** `<counter>` of a host CPU: a time-stamp counter, its frequency (Hz) and whether it can be scaled for guests. */
export const HostCpuCounter = el('counter', {
  /** Counter name (`tsc`). */
  name: attr(t.string, { required: true }),
  frequency: attr(t.uint, { required: true }),
  scaling: attr(t.yesNo, { required: true }),
});
export type HostCpuCounter = Infer<typeof HostCpuCounter>;

/** `<feature>` of a host CPU: a feature the CPU has beyond its model (no policy, unlike a guest CPU feature). */
export const HostCpuFeature = el('feature', {
  name: attr(t.string, { required: true }),
});
export type HostCpuFeature = Infer<typeof HostCpuFeature>;

/** `<pages>` of a host CPU: a memory page size the host supports, `size` in `unit` (KiB by default). */
export const HostCpuPages = el('pages', {
  unit: attr(sizeUnit),
  size: attr(t.uint, { required: true }),
});
export type HostCpuPages = Infer<typeof HostCpuPages>;

/** `<cpu>` of a host (formatcaps.rst "Host capabilities"; cputypes.rng `hostcpu`). */
export const HostCpu = el('cpu', {
  arch: leaf(archName, { required: true }),
  features: child(HostCpuFeatures),
  model: child(HostCpuModel),
  vendor: child(CpuVendor),
  microcode: child(HostCpuMicrocode),
  signature: child(HostCpuSignature),
  counter: child(HostCpuCounter),
  topology: child(CpuTopology),
  maxphysaddr: child(CpuMaxPhysAddr),
  feature: many(HostCpuFeature),
  pages: many(HostCpuPages),
});
export type HostCpu = Infer<typeof HostCpu>;
