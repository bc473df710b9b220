/**
 * `<domainCapabilities>`: what one emulator/driver/machine/arch combination accepts in a
 * domain definition (formatdomaincaps.rst; schema domaincaps.rng). Fields follow libvirt's
 * formatting order.
 */
import { attr, child, el, leaf, leaves, many, text, t, variants, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { sized } from '../common.js';
import { CpuFeature, CpuMaxPhysAddr, CpuModel, CpuVendor } from '../domain/cpu.js';
import { archName } from '../domain/os.js';
import { virtType } from './capabilities.js';

// ---------------------------------------------------------------------------
// The shared pattern: `supported='yes|no'` plus lists of accepted values

/**
 * `<enum name='bus'><value>virtio</value>...</enum>`: the values the domain XML accepts for
 * the attribute or element `name` (formatdomaincaps.rst "Devices"). An empty enum means none.
 */
export const CapsEnum = el('enum', {
  /** The domain XML attribute (or element) the values are for. */
  name: attr(t.string, { required: true }),
  value: leaves(t.string),
});
export type CapsEnum = Infer<typeof CapsEnum>;

/** `supported='yes|no'`: whether the hypervisor supports the element at all. */
const supported = () => attr(t.yesNo, { required: true });

/** An element that says only whether something is supported (`<vmcoreinfo supported='yes'/>`). */
function supportedOnly(name: string) {
  return el(name, { supported: supported() });
}

/** An element that says whether something is supported and lists the accepted values of its parts. */
function supportedEnums(name: string) {
  return el(name, { supported: supported(), enum: many(CapsEnum) });
}

/** The shape of every element made of `supported` and `<enum>` lists. */
export type SupportedEnums = Infer<ReturnType<typeof supportedEnums>>;
/** The shape of every element made of `supported` alone. */
export type SupportedOnly = Infer<ReturnType<typeof supportedOnly>>;

// ---------------------------------------------------------------------------
// Domain-wide

/** `<vcpu>`: the most vCPUs a guest can have (formatdomaincaps.rst "CPU Allocation"). */
export const DomainCapsVcpu = el('vcpu', {
  max: attr(t.uint, { required: true }),
});
export type DomainCapsVcpu = Infer<typeof DomainCapsVcpu>;

/** `<iothreads>`: whether I/O threads are supported (formatdomaincaps.rst "I/O Threads"). */
export const DomainCapsIothreads = supportedOnly('iothreads');

/**
 * `<loader>` of `<os>`: firmware images available (`value`) and enums `type`, `readonly`,
 * `secure` (formatdomaincaps.rst "BIOS bootloader").
 */
export const DomainCapsLoader = el('loader', {
  supported: supported(),
  /** Paths of the firmware images libvirt knows about. */
  value: leaves(t.string),
  enum: many(CapsEnum),
});
export type DomainCapsLoader = Infer<typeof DomainCapsLoader>;

/** `<os>`: firmware auto-selection (enum `firmware`) and the loader (formatdomaincaps.rst "BIOS bootloader"). */
export const DomainCapsOs = el('os', {
  supported: supported(),
  enum: many(CapsEnum),
  loader: child(DomainCapsLoader),
});
export type DomainCapsOs = Infer<typeof DomainCapsOs>;

// ---------------------------------------------------------------------------
// CPU

/** `<model>` of the `custom` CPU mode: a CPU model the hypervisor offers (text) and whether the host can run it. */
export const CustomCpuModel = el('model', {
  /** Whether the model runs on this host as is; `unknown` when libvirt cannot tell. */
  usable: attr(t.enum('yes', 'no', 'unknown'), { required: true }),
  deprecated: attr(t.yesNo),
  /** CPU vendor of the model, `unknown` when it has none. */
  vendor: attr(t.string, { required: true }),
  /** The model this one is an alias of. */
  canonical: attr(t.string),
  value: text(t.string),
});
export type CustomCpuModel = Infer<typeof CustomCpuModel>;

/** `<feature>` of `<blockers>`: a feature the host lacks. */
export const BlockerFeature = el('feature', {
  name: attr(t.string, { required: true }),
});
export type BlockerFeature = Infer<typeof BlockerFeature>;

/** `<blockers>` of the `custom` CPU mode: the features that keep `model` from being usable on this host. */
export const CpuBlockers = el('blockers', {
  model: attr(t.string, { required: true }),
  feature: many(BlockerFeature),
});
export type CpuBlockers = Infer<typeof CpuBlockers>;

/**
 * `<mode>` of `<cpu>`: one guest CPU mode and what it offers (formatdomaincaps.rst "CPU configuration").
 * `host-passthrough` and `maximum` list the accepted `migratable` values (enums
 * `hostPassthroughMigratable`, `maximumMigratable`); `host-model` describes the CPU a
 * host-model guest gets; `custom` lists the CPU models, each unusable one followed by its
 * `blockers` (the interleaving is kept when formatting).
 */
export const DomainCapsCpuMode = el(
  'mode',
  {
    name: attr(t.enum('host-passthrough', 'maximum', 'host-model', 'custom'), { required: true }),
    supported: supported(),
  },
  variants('name', {
    'host-passthrough': { enum: many(CapsEnum) },
    maximum: { enum: many(CapsEnum) },
    'host-model': {
      model: child(CpuModel),
      vendor: child(CpuVendor),
      maxphysaddr: child(CpuMaxPhysAddr),
      feature: many(CpuFeature),
    },
    custom: {
      model: many(CustomCpuModel),
      blockers: many(CpuBlockers),
    },
  }),
);
export type DomainCapsCpuMode = Infer<typeof DomainCapsCpuMode>;

/** `<cpu>`: the guest CPU modes (formatdomaincaps.rst "CPU configuration"). */
export const DomainCapsCpu = el('cpu', {
  mode: many(DomainCapsCpuMode),
});
export type DomainCapsCpu = Infer<typeof DomainCapsCpu>;

/** `<memoryBacking>`: enum `sourceType` (formatdomaincaps.rst "Memory Backing"). */
export const DomainCapsMemoryBacking = supportedEnums('memoryBacking');

// ---------------------------------------------------------------------------
// Devices (formatdomaincaps.rst "Devices")

/** `<disk>`: enums `diskDevice`, `bus`, `model`. */
export const DiskCaps = supportedEnums('disk');
/** `<graphics>`: enum `type`. */
export const GraphicsCaps = supportedEnums('graphics');
/** `<video>`: enum `modelType`. */
export const VideoCaps = supportedEnums('video');
/** `<hostdev>`: enums `mode`, `startupPolicy`, `subsysType`, `capsType`, `pciBackend`. */
export const HostdevCaps = supportedEnums('hostdev');
/** `<rng>`: enums `model`, `backendModel`. */
export const RngCaps = supportedEnums('rng');
/** `<filesystem>`: enum `driverType`. */
export const FilesystemCaps = supportedEnums('filesystem');
/** `<tpm>`: enums `model`, `backendModel`, `backendVersion`. */
export const TpmCaps = supportedEnums('tpm');
/** `<redirdev>`: enum `bus`. */
export const RedirdevCaps = supportedEnums('redirdev');
/** `<channel>`: enum `type`. */
export const ChannelCaps = supportedEnums('channel');
/** `<crypto>`: enums `model`, `type`, `backendModel`. */
export const CryptoCaps = supportedEnums('crypto');
/** `<interface>`: enum `backendType`. */
export const InterfaceCaps = supportedEnums('interface');
/** `<panic>`: enum `model`. */
export const PanicCaps = supportedEnums('panic');
/** `<console>`: enum `type` (reported by libvirt releases newer than the schema here). */
export const ConsoleCaps = supportedEnums('console');

/** `<devices>`: which devices the domain can have and their accepted values (formatdomaincaps.rst "Devices"). */
export const DomainCapsDevices = el('devices', {
  disk: child(DiskCaps),
  graphics: child(GraphicsCaps),
  video: child(VideoCaps),
  hostdev: child(HostdevCaps),
  rng: child(RngCaps),
  filesystem: child(FilesystemCaps),
  tpm: child(TpmCaps),
  redirdev: child(RedirdevCaps),
  channel: child(ChannelCaps),
  crypto: child(CryptoCaps),
  interface: child(InterfaceCaps),
  panic: child(PanicCaps),
  console: child(ConsoleCaps),
});
export type DomainCapsDevices = Infer<typeof DomainCapsDevices>;

// ---------------------------------------------------------------------------
// Features (formatdomaincaps.rst "Features")

/** `<gic>`: ARM interrupt controller, enum `version` (formatdomaincaps.rst "GIC capabilities"). */
export const GicCaps = supportedEnums('gic');
/** `<vmcoreinfo>`: whether the vmcoreinfo feature can be enabled. */
export const VmcoreinfoCaps = supportedOnly('vmcoreinfo');
/** `<genid>`: whether a VM generation ID can be set. */
export const GenidCaps = supportedOnly('genid');
/** `<backingStoreInput>`: whether `<backingStore>` in disk definitions is obeyed. */
export const BackingStoreInputCaps = supportedOnly('backingStoreInput');
/** `<backup>`: whether backups and checkpoints are supported. */
export const BackupCaps = supportedOnly('backup');
/** `<async-teardown>`: whether asynchronous teardown can be enabled. */
export const AsyncTeardownCaps = supportedOnly('async-teardown');
/** `<s390-pv>`: whether s390 Protected Virtualization is supported (formatdomaincaps.rst "s390-pv capability"). */
export const S390PvCaps = supportedOnly('s390-pv');
/** `<ps2>`: whether the machine's built-in PS/2 controller can be disabled. */
export const Ps2Caps = supportedOnly('ps2');

/** `<sev>`: AMD SEV abilities of the host and hypervisor (formatdomaincaps.rst "SEV capabilities"). */
export const SevCaps = el('sev', {
  supported: supported(),
  /** C-bit position in guest page table entries. */
  cbitpos: leaf(t.uint),
  /** Physical address bits lost when memory encryption is on. */
  reducedPhysBits: leaf(t.uint),
  /** How many SEV guests can run at once. */
  maxGuests: leaf(t.uint),
  /** How many SEV-ES guests can run at once. */
  maxESGuests: leaf(t.uint),
  /** Base64 identifier of the first CPU socket (for attestation). */
  cpu0Id: leaf(t.string),
});
export type SevCaps = Infer<typeof SevCaps>;

/** `<section>` of SGX `<sections>`: the EPC memory of one NUMA node. */
export const SgxSection = el('section', {
  node: attr(t.uint, { required: true }),
  size: attr(t.uint, { required: true }),
  /** Always `KiB`. */
  unit: attr(t.enum('KiB'), { required: true }),
});
export type SgxSection = Infer<typeof SgxSection>;

/** `<sections>` of `<sgx>`: EPC memory per NUMA node. */
export const SgxSections = el('sections', {
  section: many(SgxSection),
});
export type SgxSections = Infer<typeof SgxSections>;

/** `<sgx>`: Intel SGX abilities (formatdomaincaps.rst "SGX capabilities"). */
export const SgxCaps = el('sgx', {
  supported: supported(),
  /** Flexible launch control. */
  flc: leaf(t.yesNo),
  sgx1: leaf(t.yesNo),
  sgx2: leaf(t.yesNo),
  /** Total EPC (enclave page cache) size, in KiB. */
  section_size: child(sized('section_size')),
  sections: child(SgxSections),
});
export type SgxCaps = Infer<typeof SgxCaps>;

/** `<tdx>`: whether Intel TDX guests are supported (reported by libvirt releases newer than the schema here). */
export const TdxCaps = supportedOnly('tdx');
/** `<hyperv>`: enum `features`, the Hyper-V enlightenments available (formatdomaincaps.rst "Hyper-V Enlightenments"). */
export const HypervCaps = supportedEnums('hyperv');
/** `<launchSecurity>`: enum `sectype`, the launch security types available (formatdomaincaps.rst "Launch security"). */
export const LaunchSecurityCaps = supportedEnums('launchSecurity');

/** `<features>`: hypervisor features and whether they can be used (formatdomaincaps.rst "Features"). */
export const DomainCapsFeatures = el('features', {
  gic: child(GicCaps),
  vmcoreinfo: child(VmcoreinfoCaps),
  genid: child(GenidCaps),
  backingStoreInput: child(BackingStoreInputCaps),
  backup: child(BackupCaps),
  asyncTeardown: child(AsyncTeardownCaps),
  s390Pv: child(S390PvCaps),
  ps2: child(Ps2Caps),
  sev: child(SevCaps),
  sgx: child(SgxCaps),
  tdx: child(TdxCaps),
  hyperv: child(HypervCaps),
  launchSecurity: child(LaunchSecurityCaps),
});
export type DomainCapsFeatures = Infer<typeof DomainCapsFeatures>;

// ---------------------------------------------------------------------------
// The document

/** `<domainCapabilities>`: the document (formatdomaincaps.rst "Element and attribute overview"). */
export const DomainCapabilities = el('domainCapabilities', {
  /** Emulator binary, for drivers that have one. */
  path: leaf(t.string),
  /** Virtualization type (the domain XML's `type`). */
  domain: leaf(virtType, { required: true }),
  /** Machine type, for drivers that have them. */
  machine: leaf(t.string),
  arch: leaf(archName, { required: true }),
  vcpu: child(DomainCapsVcpu),
  iothreads: child(DomainCapsIothreads),
  os: child(DomainCapsOs),
  cpu: child(DomainCapsCpu),
  memoryBacking: child(DomainCapsMemoryBacking),
  devices: child(DomainCapsDevices),
  features: child(DomainCapsFeatures),
});
export type DomainCapabilities = Infer<typeof DomainCapabilities>;

export const domainCapabilitiesDocument = defineDocument(DomainCapabilities);
