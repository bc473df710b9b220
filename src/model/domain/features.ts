/**
 * `<features>`: hypervisor features turned on or off for the guest
 * (formatdomain.rst "Hypervisor features"). Children follow libvirt's formatting order.
 */
import { attr, child, el, flag, t, type Infer } from '../../schema/index.js';
import { sized } from '../common.js';

/** An element whose only content is `state='on|off'` (libvirt's "featurestate"). */
function toggle(name: string) {
  return el(name, { state: attr(t.onOff) });
}
/** The object of any on/off feature element: `{ state: true }` for `state='on'`. */
export type FeatureState = Infer<ReturnType<typeof toggle>>;

// ---------------------------------------------------------------------------
// Hyper-V enlightenments

/** `<spinlocks state='on' retries='4096'/>`: notify the hypervisor after this many spinlock retries. */
export const HypervSpinlocks = el('spinlocks', {
  state: attr(t.onOff),
  retries: attr(t.uint),
});
export type HypervSpinlocks = Infer<typeof HypervSpinlocks>;

/** `<vendor_id state='on' value='KVM Hv'/>`: the Hyper-V vendor id shown to the guest (at most 12 characters). */
export const HypervVendorId = el('vendor_id', {
  state: attr(t.onOff),
  value: attr(t.pattern('hyperv vendor id', '^[^,]{0,12}$')),
});
export type HypervVendorId = Infer<typeof HypervVendorId>;

/** `<direct state='on'/>` inside `<stimer>` and `<tlbflush>`. */
export const HypervDirect = toggle('direct');
/** `<extended state='on'/>` inside `<tlbflush>`. */
export const HypervExtended = toggle('extended');

/** `<stimer>`: synthetic timers, optionally in direct mode. */
export const HypervStimer = el('stimer', {
  state: attr(t.onOff),
  direct: child(HypervDirect),
});
export type HypervStimer = Infer<typeof HypervStimer>;

/** `<tlbflush>`: paravirtualized TLB flush, with its direct and extended variants. */
export const HypervTlbflush = el('tlbflush', {
  state: attr(t.onOff),
  direct: child(HypervDirect),
  extended: child(HypervExtended),
});
export type HypervTlbflush = Infer<typeof HypervTlbflush>;

/**
 * `<hyperv>`: Hyper-V enlightenments (formatdomain.rst "Hypervisor features", hyperv).
 * With `mode='passthrough'` the host's set is used and the children are not written.
 */
export const Hyperv = el('hyperv', {
  mode: attr(t.enum('custom', 'passthrough')),
  relaxed: child(toggle('relaxed')),
  vapic: child(toggle('vapic')),
  spinlocks: child(HypervSpinlocks),
  vpindex: child(toggle('vpindex')),
  runtime: child(toggle('runtime')),
  synic: child(toggle('synic')),
  stimer: child(HypervStimer),
  reset: child(toggle('reset')),
  vendor_id: child(HypervVendorId),
  frequencies: child(toggle('frequencies')),
  reenlightenment: child(toggle('reenlightenment')),
  tlbflush: child(HypervTlbflush),
  ipi: child(toggle('ipi')),
  evmcs: child(toggle('evmcs')),
  avic: child(toggle('avic')),
  emsr_bitmap: child(toggle('emsr_bitmap')),
  xmm_input: child(toggle('xmm_input')),
});
export type Hyperv = Infer<typeof Hyperv>;

// ---------------------------------------------------------------------------
// KVM and Xen

/** `<dirty-ring state='on' size='4096'/>`: dirty page tracking by ring buffer of this many entries. */
export const KvmDirtyRing = el('dirty-ring', {
  state: attr(t.onOff),
  size: attr(t.uint),
});
export type KvmDirtyRing = Infer<typeof KvmDirtyRing>;

/** `<kvm>`: KVM-specific features (formatdomain.rst "Hypervisor features", kvm). */
export const KvmFeatures = el('kvm', {
  /** Hide the KVM hypervisor from standard MSR-based discovery. */
  hidden: child(toggle('hidden')),
  /** Tell the guest its vCPUs are pinned to dedicated host CPUs. */
  hintDedicated: child(toggle('hint-dedicated')),
  /** Lower latency by polling in the guest before halting. */
  pollControl: child(toggle('poll-control')),
  /** Paravirtualized send-IPIs. */
  pvIpi: child(toggle('pv-ipi')),
  dirtyRing: child(KvmDirtyRing),
});
export type KvmFeatures = Infer<typeof KvmFeatures>;

/** `<passthrough state='on' mode='sync_pt'/>`: IOMMU mappings for PCI passthrough under Xen. */
export const XenPassthrough = el('passthrough', {
  state: attr(t.onOff),
  mode: attr(t.enum('sync_pt', 'share_pt')),
});
export type XenPassthrough = Infer<typeof XenPassthrough>;

/** `<xen>`: Xen-specific features (formatdomain.rst "Hypervisor features", xen). */
export const XenFeatures = el('xen', {
  /** Expose the host's e820 memory map to a PV guest. */
  e820_host: child(toggle('e820_host')),
  passthrough: child(XenPassthrough),
});
export type XenFeatures = Infer<typeof XenFeatures>;

// ---------------------------------------------------------------------------
// Linux capabilities of an LXC container

/**
 * `<capabilities policy='default'>`: Linux capabilities of a container; each child turns
 * one capability on or off relative to the policy (formatdomain.rst "Hypervisor features").
 */
export const Capabilities = el('capabilities', {
  policy: attr(t.enum('default', 'allow', 'deny')),
  audit_control: child(toggle('audit_control')),
  audit_write: child(toggle('audit_write')),
  block_suspend: child(toggle('block_suspend')),
  chown: child(toggle('chown')),
  dac_override: child(toggle('dac_override')),
  dac_read_search: child(toggle('dac_read_search')),
  fowner: child(toggle('fowner')),
  fsetid: child(toggle('fsetid')),
  ipc_lock: child(toggle('ipc_lock')),
  ipc_owner: child(toggle('ipc_owner')),
  kill: child(toggle('kill')),
  lease: child(toggle('lease')),
  linux_immutable: child(toggle('linux_immutable')),
  mac_admin: child(toggle('mac_admin')),
  mac_override: child(toggle('mac_override')),
  mknod: child(toggle('mknod')),
  net_admin: child(toggle('net_admin')),
  net_bind_service: child(toggle('net_bind_service')),
  net_broadcast: child(toggle('net_broadcast')),
  net_raw: child(toggle('net_raw')),
  setgid: child(toggle('setgid')),
  setfcap: child(toggle('setfcap')),
  setpcap: child(toggle('setpcap')),
  setuid: child(toggle('setuid')),
  sys_admin: child(toggle('sys_admin')),
  sys_boot: child(toggle('sys_boot')),
  sys_chroot: child(toggle('sys_chroot')),
  sys_module: child(toggle('sys_module')),
  sys_nice: child(toggle('sys_nice')),
  sys_pacct: child(toggle('sys_pacct')),
  sys_ptrace: child(toggle('sys_ptrace')),
  sys_rawio: child(toggle('sys_rawio')),
  sys_resource: child(toggle('sys_resource')),
  sys_time: child(toggle('sys_time')),
  sys_tty_config: child(toggle('sys_tty_config')),
  syslog: child(toggle('syslog')),
  wake_alarm: child(toggle('wake_alarm')),
});
export type Capabilities = Infer<typeof Capabilities>;

// ---------------------------------------------------------------------------
// Other features

/** `<apic eoi='on'/>`: the APIC, optionally with paravirtualized end-of-interrupt. */
export const Apic = el('apic', { eoi: attr(t.onOff) });
export type Apic = Infer<typeof Apic>;

/** `<hap state='on'/>`: hardware assisted paging (Xen). */
export const Hap = toggle('hap');
/** `<pvspinlock state='on'/>`: paravirtual spinlocks. */
export const Pvspinlock = toggle('pvspinlock');
/** `<pmu state='off'/>`: the performance monitoring unit. */
export const Pmu = toggle('pmu');
/** `<vmport state='off'/>`: VMware IO port emulation. */
export const Vmport = toggle('vmport');
/** `<vmcoreinfo state='on'/>`: the vmcoreinfo device for guest crash dumps. */
export const Vmcoreinfo = toggle('vmcoreinfo');

/** `<gic version='3'/>`: the ARM Generic Interrupt Controller version. */
export const Gic = el('gic', { version: attr(t.enum('host', '2', '3')) });
export type Gic = Infer<typeof Gic>;

/** `<tseg unit='MiB'>48</tseg>`: extended TSEG size for SMM. */
export const Tseg = sized('tseg');

/** `<smm state='on'>`: System Management Mode, optionally with its TSEG size. */
export const Smm = el('smm', {
  state: attr(t.onOff),
  tseg: child(Tseg),
});
export type Smm = Infer<typeof Smm>;

/** `<ioapic driver='qemu'/>`: where the I/O APIC is emulated. */
export const Ioapic = el('ioapic', { driver: attr(t.enum('qemu', 'kvm')) });
export type Ioapic = Infer<typeof Ioapic>;

/** `<maxpagesize unit='KiB'>`: largest page size a pSeries guest may use. */
export const HptMaxpagesize = sized('maxpagesize');

/** `<hpt resizing='enabled'>`: the pSeries hashed page table. */
export const Hpt = el('hpt', {
  resizing: attr(t.enum('enabled', 'disabled', 'required')),
  maxpagesize: child(HptMaxpagesize),
});
export type Hpt = Infer<typeof Hpt>;

/** `<msrs unknown='ignore'/>`: what happens when the guest touches an unknown MSR. */
export const Msrs = el('msrs', { unknown: attr(t.enum('ignore', 'fault')) });
export type Msrs = Infer<typeof Msrs>;

const mitigation = t.enum('broken', 'workaround', 'fixed');

/** `<cfpc value='fixed'/>`: pSeries cache flush on privilege change mitigation. */
export const Cfpc = el('cfpc', { value: attr(mitigation) });
export type Cfpc = Infer<typeof Cfpc>;

/** `<sbbc value='fixed'/>`: pSeries speculation barrier bounds checking mitigation. */
export const Sbbc = el('sbbc', { value: attr(mitigation) });
export type Sbbc = Infer<typeof Sbbc>;

/** `<ibs value='fixed-ibs'/>`: pSeries indirect branch speculation mitigation. */
export const Ibs = el('ibs', { value: attr(t.enum('broken', 'workaround', 'fixed-ibs', 'fixed-ccd', 'fixed-na')) });
export type Ibs = Infer<typeof Ibs>;

/** `<tb-cache unit='MiB'>`: size of TCG's translation block cache. */
export const TbCache = sized('tb-cache');

/** `<tcg>`: options of QEMU's TCG accelerator. */
export const Tcg = el('tcg', { tbCache: child(TbCache) });
export type Tcg = Infer<typeof Tcg>;

/** `<async-teardown enabled='yes'/>`: tear the guest's memory down asynchronously on exit. */
export const AsyncTeardown = el('async-teardown', { enabled: attr(t.yesNo) });
export type AsyncTeardown = Infer<typeof AsyncTeardown>;

/** `<aia value='aplic-imsic'/>`: the RISC-V Advanced Interrupt Architecture. */
export const Aia = el('aia', { value: attr(t.enum('none', 'aplic', 'aplic-imsic')) });
export type Aia = Infer<typeof Aia>;

/** `<features>` (formatdomain.rst "Hypervisor features"). */
export const Features = el('features', {
  acpi: flag(),
  apic: child(Apic),
  /** Physical address extension, for 32-bit guests over 4 GiB. */
  pae: flag(),
  hap: child(Hap),
  /** Xen's Viridian (Hyper-V) extensions. */
  viridian: flag(),
  /** Private network namespace for an LXC container. */
  privnet: flag(),
  hyperv: child(Hyperv),
  kvm: child(KvmFeatures),
  pvspinlock: child(Pvspinlock),
  capabilities: child(Capabilities),
  pmu: child(Pmu),
  vmport: child(Vmport),
  gic: child(Gic),
  smm: child(Smm),
  ioapic: child(Ioapic),
  hpt: child(Hpt),
  vmcoreinfo: child(Vmcoreinfo),
  /** pSeries hardware transactional memory. */
  htm: child(toggle('htm')),
  /** pSeries nested HV. */
  nestedHv: child(toggle('nested-hv')),
  msrs: child(Msrs),
  /** pSeries count cache flush assist. */
  ccfAssist: child(toggle('ccf-assist')),
  xen: child(XenFeatures),
  cfpc: child(Cfpc),
  sbbc: child(Sbbc),
  ibs: child(Ibs),
  tcg: child(Tcg),
  asyncTeardown: child(AsyncTeardown),
  /** ARM Reliability, Availability and Serviceability. */
  ras: child(toggle('ras')),
  /** The PS/2 controller. */
  ps2: child(toggle('ps2')),
  aia: child(Aia),
});
export type Features = Infer<typeof Features>;
