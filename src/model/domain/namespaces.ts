// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const QEMU_NS = { uri: 'http://libvirt.org/schemas/domain/qemu/1.0', prefix: 'qemu' };
export const LXC_NS = { uri: 'http://libvirt.org/schemas/domain/lxc/1.0', prefix: 'lxc' };
export const BHYVE_NS = { uri: 'http://libvirt.org/schemas/domain/bhyve/1.0', prefix: 'bhyve' };
export const XEN_NS = { uri: 'http://libvirt.org/schemas/domain/xen/1.0', prefix: 'xen' };
export const VMWARE_NS = { uri: 'http://libvirt.org/schemas/domain/vmware/1.0', prefix: 'vmware' };

export const QemuCommandline = el('commandline', {}, { ns: QEMU_NS });
export type QemuCommandline = Infer<typeof QemuCommandline>;

export const QemuCapabilities = el('capabilities', {}, { ns: QEMU_NS });
export type QemuCapabilities = Infer<typeof QemuCapabilities>;

export const QemuDeprecation = el('deprecation', {}, { ns: QEMU_NS });
export type QemuDeprecation = Infer<typeof QemuDeprecation>;

export const QemuOverride = el('override', {}, { ns: QEMU_NS });
export type QemuOverride = Infer<typeof QemuOverride>;

export const LxcNamespace = el('namespace', {}, { ns: LXC_NS });
export type LxcNamespace = Infer<typeof LxcNamespace>;

export const BhyveCommandline = el('commandline', {}, { ns: BHYVE_NS });
export type BhyveCommandline = Infer<typeof BhyveCommandline>;

export const XenCommandline = el('commandline', {}, { ns: XEN_NS });
export type XenCommandline = Infer<typeof XenCommandline>;

export const VmwareDatacenterpath = el('datacenterpath', {}, { ns: VMWARE_NS });
export type VmwareDatacenterpath = Infer<typeof VmwareDatacenterpath>;
