/**
 * `<domain>`: a guest definition (formatdomain.rst). Top-level fields follow libvirt's
 * formatting order; each section lives in the file named after it.
 */
import { attr, child, el, leaf, many, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { Clock } from './clock.js';
import { Cpu } from './cpu.js';
import { Devices } from './devices.js';
import { Features } from './features.js';
import { Idmap } from './idmap.js';
import { CurrentMemory, MaxMemory, Memory, MemoryBacking, Memtune } from './memory.js';
import { Metadata } from './metadata.js';
import {
  BhyveCommandline, LxcNamespace, QemuCapabilities, QemuCommandline, QemuDeprecation, QemuOverride,
  VmwareDatacenterpath, XenCommandline,
} from './namespaces.js';
import { Os } from './os.js';
import { Perf } from './perf.js';
import { Pm } from './power.js';
import { Resource } from './resource.js';
import { Keywrap, LaunchSecurity, Seclabel } from './security.js';
import { Sysinfo } from './sysinfo.js';
import {
  Blkiotune, Cputune, Defaultiothread, Iothreadids, Numatune, Throttlegroups, Vcpu, Vcpus,
} from './tuning.js';

/** What to do when the guest powers off, reboots or crashes (formatdomain.rst "Events configuration"). */
const lifecycleAction = t.enum('destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart');

export const Domain = el('domain', {
  /** Hypervisor driver: `kvm`, `qemu`, `xen`, `lxc`, ... */
  type: attr(t.enum('qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'vz', 'bhyve', 'ch', 'hvf'), { required: true }),
  /** Runtime id of a running guest. */
  id: attr(t.int),
  name: leaf(t.string),
  uuid: leaf(t.uuid),
  /** VM generation ID (Hyper-V style); empty to let libvirt generate one. */
  genid: leaf(t.string),
  title: leaf(t.string),
  description: leaf(t.string),
  metadata: child(Metadata),
  maxMemory: child(MaxMemory),
  memory: child(Memory),
  currentMemory: child(CurrentMemory),
  blkiotune: child(Blkiotune),
  memtune: child(Memtune),
  memoryBacking: child(MemoryBacking),
  vcpu: child(Vcpu),
  vcpus: child(Vcpus),
  /** Number of IOThreads. */
  iothreads: leaf(t.uint),
  iothreadids: child(Iothreadids),
  defaultiothread: child(Defaultiothread),
  cputune: child(Cputune),
  numatune: child(Numatune),
  resource: child(Resource),
  sysinfo: many(Sysinfo),
  /** Host bootloader (Xen's pygrub, bhyve's grub-bhyve). */
  bootloader: leaf(t.string),
  bootloader_args: leaf(t.string),
  os: child(Os),
  idmap: child(Idmap),
  features: child(Features),
  cpu: child(Cpu),
  clock: child(Clock),
  on_poweroff: leaf(lifecycleAction),
  on_reboot: leaf(lifecycleAction),
  on_crash: leaf(lifecycleAction),
  on_lockfailure: leaf(t.enum('poweroff', 'restart', 'pause', 'ignore')),
  pm: child(Pm),
  perf: child(Perf),
  devices: child(Devices),
  seclabel: many(Seclabel),
  keywrap: child(Keywrap),
  launchSecurity: child(LaunchSecurity),
  throttlegroups: child(Throttlegroups),
  qemuCommandline: child(QemuCommandline),
  qemuCapabilities: child(QemuCapabilities),
  qemuDeprecation: child(QemuDeprecation),
  qemuOverride: child(QemuOverride),
  lxcNamespace: child(LxcNamespace),
  bhyveCommandline: child(BhyveCommandline),
  xenCommandline: child(XenCommandline),
  vmwareDatacenterpath: child(VmwareDatacenterpath),
});
export type Domain = Infer<typeof Domain>;

export const domainDocument = defineDocument(Domain);
