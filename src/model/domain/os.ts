/**
 * `<os>`: how the guest boots (formatdomain.rst "Operating system booting": BIOS bootloader,
 * direct kernel boot, container boot). One element covers the `hvm`, Xen and container (`exe`)
 * shapes, since the discriminating value is the text of `<type>`, not an attribute.
 */
import { attr, child, el, leaf, leaves, many, t, text, variants, type Infer } from '../../schema/index.js';
import {
  DiskSourceBlock, DiskSourceDir, DiskSourceFile, DiskSourceNetwork, DiskSourceNvme, DiskSourceVhostUser,
  DiskSourceVhostVdpa, DiskSourceVolume, diskType,
} from './disk.js';

/** Architectures libvirt knows (basictypes.rng "archnames"). */
export const archName = t.enum(
  'aarch64', 'alpha', 'armv6l', 'armv7l', 'cris', 'i686', 'ia64', 'lm32', 'loongarch64', 'm68k',
  'microblaze', 'microblazeel', 'mips', 'mipsel', 'mips64', 'mips64el', 'openrisc', 'parisc',
  'parisc64', 'ppc', 'ppc64', 'ppc64le', 'ppcemb', 'riscv32', 'riscv64', 's390', 's390x', 'sh4',
  'sh4eb', 'sparc', 'sparc64', 'unicore32', 'x86_64', 'xtensa', 'xtensaeb',
);

/**
 * `<type arch='x86_64' machine='pc-q35-9.0'>hvm</type>`: the kind of guest OS.
 * `hvm` is full virtualization, `xen`/`linux`/`xenpvh` Xen paravirtualization, `exe` a container.
 */
export const OsType = el('type', {
  arch: attr(archName),
  /** Machine type; Xen uses `xenpv`, `xenfv`, `xenpvh`. */
  machine: attr(t.string),
  value: text(t.enum('hvm', 'xen', 'linux', 'xenpvh', 'exe')),
});
export type OsType = Infer<typeof OsType>;

/** `<feature enabled='yes' name='secure-boot'/>`: a firmware feature required (or refused) during auto-selection. */
export const OsFirmwareFeature = el('feature', {
  enabled: attr(t.yesNo),
  name: attr(t.enum('enrolled-keys', 'secure-boot')),
});
export type OsFirmwareFeature = Infer<typeof OsFirmwareFeature>;

/** `<firmware>` inside `<os>`: the features firmware auto-selection must consider. */
export const OsFirmware = el('firmware', {
  feature: many(OsFirmwareFeature),
});
export type OsFirmware = Infer<typeof OsFirmware>;

/** Image formats of firmware and NVRAM files. */
const pflashFormat = t.enum('raw', 'qcow2');

/** `<loader readonly='yes' type='pflash'>/path/OVMF_CODE.fd</loader>`: the firmware image. */
export const Loader = el('loader', {
  readonly: attr(t.yesNo),
  /** The firmware supports Secure Boot (does not turn it on). */
  secure: attr(t.yesNo),
  /** Where the image is mapped: as a ROM or as a pflash device. */
  type: attr(t.enum('rom', 'pflash')),
  /** Run without any NVRAM store. */
  stateless: attr(t.yesNo),
  format: attr(pflashFormat),
  /** Absolute path of the firmware image. */
  path: text(t.string),
});
export type Loader = Infer<typeof Loader>;

/**
 * `<nvram>`: the UEFI variable store. Without `type` (the original form) the text is its
 * path; with `type` a `<source>` with the syntax of a disk's describes the storage (libvirt
 * documents `file`, `block` and `network`; the schema accepts every disk source type).
 * The case without `type` is named `path`: leave `type` absent for it, libvirt knows no
 * `type='path'`.
 */
export const OsNvram = el(
  'nvram',
  {
    /** Template the store is initialised from. */
    template: attr(t.string),
    templateFormat: attr(pflashFormat),
    type: attr(diskType),
    format: attr(pflashFormat),
  },
  variants('type', {
    path: { path: text(t.string) },
    file: { source: child(DiskSourceFile) },
    block: { source: child(DiskSourceBlock) },
    dir: { source: child(DiskSourceDir) },
    network: { source: child(DiskSourceNetwork) },
    volume: { source: child(DiskSourceVolume) },
    nvme: { source: child(DiskSourceNvme) },
    vhostuser: { source: child(DiskSourceVhostUser) },
    vhostvdpa: { source: child(DiskSourceVhostVdpa) },
  }, 'path'),
);
export type OsNvram = Infer<typeof OsNvram>;

/** `<initenv name='PATH'>/bin</initenv>`: an environment variable for a container's init. */
export const Initenv = el('initenv', {
  name: attr(t.pattern('environment variable name', '^[a-zA-Z_]+[a-zA-Z0-9_]*$')),
  value: text(t.string),
});
export type Initenv = Infer<typeof Initenv>;

/** `<table type='slic'>/path</table>`: an ACPI table passed to the guest. */
export const AcpiTable = el('table', {
  type: attr(t.enum('raw', 'rawset', 'slic', 'msdm')),
  path: text(t.string),
});
export type AcpiTable = Infer<typeof AcpiTable>;

/** `<acpi>` inside `<os>`: extra ACPI tables. */
export const OsAcpi = el('acpi', {
  table: many(AcpiTable),
});
export type OsAcpi = Infer<typeof OsAcpi>;

/** `<boot dev='hd'/>`: one entry of the BIOS boot order. */
export const OsBoot = el('boot', {
  dev: attr(t.enum('hd', 'fd', 'cdrom', 'network')),
});
export type OsBoot = Infer<typeof OsBoot>;

/** `<bootmenu enable='yes' timeout='3000'/>`: the interactive boot menu, timeout in milliseconds. */
export const Bootmenu = el('bootmenu', {
  enable: attr(t.yesNo),
  timeout: attr(t.uint),
});
export type Bootmenu = Infer<typeof Bootmenu>;

/** `<smbios mode='sysinfo'/>`: where the guest's SMBIOS data comes from. */
export const Smbios = el('smbios', {
  mode: attr(t.enum('emulate', 'host', 'sysinfo')),
});
export type Smbios = Infer<typeof Smbios>;

/** `<bios useserial='yes' rebootTimeout='0'/>`: BIOS options. */
export const OsBios = el('bios', {
  /** Serial Graphics Adapter: BIOS messages on the serial port. */
  useserial: attr(t.yesNo),
  /** Milliseconds before rebooting after a failed boot; -1 disables. */
  rebootTimeout: attr(t.int),
});
export type OsBios = Infer<typeof OsBios>;

/** `<os>` (formatdomain.rst "Operating system booting"). */
export const Os = el('os', {
  /** Firmware auto-selection. */
  firmware: attr(t.enum('bios', 'efi')),
  type: child(OsType),
  /** The `<firmware>` element; named apart from the `firmware` attribute. */
  firmwareFeatures: child(OsFirmware),
  /** Container init binary (absolute path). */
  init: leaf(t.string),
  /** Arguments of the container init, in order. */
  initarg: leaves(t.string),
  initenv: many(Initenv),
  /** Working directory of the container init. */
  initdir: leaf(t.string),
  /** User (name or `+uid`) the container init runs as. */
  inituser: leaf(t.string),
  /** Group (name or `+gid`) the container init runs as. */
  initgroup: leaf(t.string),
  loader: child(Loader),
  nvram: child(OsNvram),
  /** Direct kernel boot: kernel image path on the host. */
  kernel: leaf(t.string),
  initrd: leaf(t.string),
  /** Kernel command line. */
  cmdline: leaf(t.string),
  /** UEFI shim used with direct kernel boot and Secure Boot. */
  shim: leaf(t.string),
  /** Device tree binary. */
  dtb: leaf(t.string),
  /** Root device (Xen). */
  root: leaf(t.string),
  acpi: child(OsAcpi),
  boot: many(OsBoot),
  bootmenu: child(Bootmenu),
  bios: child(OsBios),
  smbios: child(Smbios),
});
export type Os = Infer<typeof Os>;
