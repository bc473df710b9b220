/**
 * Hypervisor-specific extensions that live in their own XML namespaces
 * (drvqemu.rst "Pass-through of arbitrary qemu commands", drvlxc.rst "Container namespaces",
 * drvbhyve.rst and drvxen.rst "Pass-through of arbitrary command-line arguments",
 * drvesx.rst "VMware datacenter path"). Every element inside a namespace carries it, so
 * that it is found and written with the document's prefix, or declared when missing.
 */
import { attr, child, el, many, text, t, type Infer } from '../../schema/index.js';

export const QEMU_NS = { uri: 'http://libvirt.org/schemas/domain/qemu/1.0', prefix: 'qemu' };
export const LXC_NS = { uri: 'http://libvirt.org/schemas/domain/lxc/1.0', prefix: 'lxc' };
export const BHYVE_NS = { uri: 'http://libvirt.org/schemas/domain/bhyve/1.0', prefix: 'bhyve' };
export const XEN_NS = { uri: 'http://libvirt.org/schemas/domain/xen/1.0', prefix: 'xen' };
export const VMWARE_NS = { uri: 'http://libvirt.org/schemas/domain/vmware/1.0', prefix: 'vmware' };

// ---------------------------------------------------------------------------
// QEMU

/** `<qemu:arg value='...'/>`: one extra QEMU command-line argument. */
export const QemuArg = el('arg', { value: attr(t.string, { required: true }) }, { ns: QEMU_NS });
export type QemuArg = Infer<typeof QemuArg>;

/** `<qemu:env name='...' value='...'/>`: one extra environment variable for QEMU. */
export const QemuEnv = el('env', { name: attr(t.string, { required: true }), value: attr(t.string) }, { ns: QEMU_NS });
export type QemuEnv = Infer<typeof QemuEnv>;

/** `<qemu:commandline>`: extra arguments and environment for the QEMU process (drvqemu.rst). */
export const QemuCommandline = el('commandline', {
  arg: many(QemuArg),
  env: many(QemuEnv),
}, { ns: QEMU_NS });
export type QemuCommandline = Infer<typeof QemuCommandline>;

/** `<qemu:add capability='...'/>` / `<qemu:del .../>`: a QEMU capability flag to force on or off. */
export const QemuCapabilityAdd = el('add', { capability: attr(t.string, { required: true }) }, { ns: QEMU_NS });
export type QemuCapabilityAdd = Infer<typeof QemuCapabilityAdd>;
export const QemuCapabilityDel = el('del', { capability: attr(t.string, { required: true }) }, { ns: QEMU_NS });
export type QemuCapabilityDel = Infer<typeof QemuCapabilityDel>;

/** `<qemu:capabilities>`: overrides of the capabilities libvirt detected in QEMU (drvqemu.rst). */
export const QemuCapabilities = el('capabilities', {
  add: many(QemuCapabilityAdd),
  del: many(QemuCapabilityDel),
}, { ns: QEMU_NS });
export type QemuCapabilities = Infer<typeof QemuCapabilities>;

/** `<qemu:deprecation behavior='...'/>`: how QEMU treats use of deprecated interfaces (drvqemu.rst). */
export const QemuDeprecation = el('deprecation', {
  behavior: attr(t.enum('none', 'omit', 'reject', 'crash'), { required: true }),
}, { ns: QEMU_NS });
export type QemuDeprecation = Infer<typeof QemuDeprecation>;

/** `<qemu:property>`: one QEMU device property to set (`type` of the value) or remove. */
export const QemuOverrideProperty = el('property', {
  name: attr(t.string, { required: true }),
  type: attr(t.enum('string', 'signed', 'unsigned', 'bool', 'remove'), { required: true }),
  value: attr(t.string),
}, { ns: QEMU_NS });
export type QemuOverrideProperty = Infer<typeof QemuOverrideProperty>;

/** `<qemu:frontend>`: the properties of the device's frontend to override. */
export const QemuOverrideFrontend = el('frontend', {
  property: many(QemuOverrideProperty),
}, { ns: QEMU_NS });
export type QemuOverrideFrontend = Infer<typeof QemuOverrideFrontend>;

/** `<qemu:device alias='...'>`: overrides for the device with that alias. */
export const QemuOverrideDevice = el('device', {
  alias: attr(t.string, { required: true }),
  frontend: child(QemuOverrideFrontend),
}, { ns: QEMU_NS });
export type QemuOverrideDevice = Infer<typeof QemuOverrideDevice>;

/** `<qemu:override>`: per-device QEMU property overrides (drvqemu.rst). */
export const QemuOverride = el('override', {
  device: many(QemuOverrideDevice),
}, { ns: QEMU_NS });
export type QemuOverride = Infer<typeof QemuOverride>;

// ---------------------------------------------------------------------------
// LXC

/** `<lxc:sharenet type='netns|name|pid' value='...'/>`: share the network namespace of a netns, container or process. */
export const LxcSharenet = el('sharenet', {
  type: attr(t.enum('netns', 'name', 'pid'), { required: true }),
  value: attr(t.string, { required: true }),
}, { ns: LXC_NS });
export type LxcSharenet = Infer<typeof LxcSharenet>;

/** `<lxc:shareipc type='name|pid' value='...'/>`: share the IPC namespace of a container or process. */
export const LxcShareipc = el('shareipc', {
  type: attr(t.enum('name', 'pid'), { required: true }),
  value: attr(t.string, { required: true }),
}, { ns: LXC_NS });
export type LxcShareipc = Infer<typeof LxcShareipc>;

/** `<lxc:shareuts type='name|pid' value='...'/>`: share the UTS namespace of a container or process. */
export const LxcShareuts = el('shareuts', {
  type: attr(t.enum('name', 'pid'), { required: true }),
  value: attr(t.string, { required: true }),
}, { ns: LXC_NS });
export type LxcShareuts = Infer<typeof LxcShareuts>;

/** `<lxc:namespace>`: namespaces the container shares with others (drvlxc.rst). */
export const LxcNamespace = el('namespace', {
  sharenet: child(LxcSharenet),
  shareipc: child(LxcShareipc),
  shareuts: child(LxcShareuts),
}, { ns: LXC_NS });
export type LxcNamespace = Infer<typeof LxcNamespace>;

// ---------------------------------------------------------------------------
// bhyve, Xen, VMware

/** `<bhyve:arg value='...'/>`: one extra bhyve command-line argument. */
export const BhyveArg = el('arg', { value: attr(t.string, { required: true }) }, { ns: BHYVE_NS });
export type BhyveArg = Infer<typeof BhyveArg>;

/** `<bhyve:commandline>`: extra arguments for the bhyve process (drvbhyve.rst). */
export const BhyveCommandline = el('commandline', {
  arg: many(BhyveArg),
}, { ns: BHYVE_NS });
export type BhyveCommandline = Infer<typeof BhyveCommandline>;

/** `<xen:arg value='...'/>`: one extra argument for the device model (QEMU) of a Xen HVM guest. */
export const XenArg = el('arg', { value: attr(t.string, { required: true }) }, { ns: XEN_NS });
export type XenArg = Infer<typeof XenArg>;

/** `<xen:commandline>`: extra device-model arguments (drvxen.rst). */
export const XenCommandline = el('commandline', {
  arg: many(XenArg),
}, { ns: XEN_NS });
export type XenCommandline = Infer<typeof XenCommandline>;

/** `<vmware:datacenterpath>`: the vCenter datacenter path of an ESX guest (drvesx.rst). */
export const VmwareDatacenterpath = el('datacenterpath', {
  value: text(t.string, { required: true }),
}, { ns: VMWARE_NS });
export type VmwareDatacenterpath = Infer<typeof VmwareDatacenterpath>;
