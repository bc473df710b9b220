/**
 * Device addresses and the information every device carries
 * (formatdomain.rst: "Device Addresses", "Devices" > alias, boot order, ACPI index).
 */
import { attr, child, el, variants, t, type Infer } from '../../schema/index.js';

/** `<zpci>` inside a PCI address on s390: the zPCI user-defined and function identifiers. */
export const Zpci = el('zpci', {
  uid: attr(t.hex(4)),
  fid: attr(t.hex(8)),
});

/**
 * `<address>` of a device: where it sits on its bus. The `type` decides the other attributes
 * (formatdomain.rst "Device Addresses").
 */
export const Address = el(
  'address',
  {
    type: attr(t.enum('pci', 'drive', 'virtio-serial', 'ccid', 'usb', 'spapr-vio', 'ccw', 'isa', 'virtio-mmio', 'dimm', 'unassigned', 'virtio-s390')),
  },
  variants('type', {
    pci: {
      domain: attr(t.hex(4, 0xffffffff)),
      bus: attr(t.hex(2, 0xff)),
      slot: attr(t.hex(2, 0x1f)),
      function: attr(t.hex(1, 7)),
      multifunction: attr(t.onOff),
      zpci: child(Zpci),
    },
    drive: {
      controller: attr(t.uint),
      bus: attr(t.uint),
      target: attr(t.uint),
      unit: attr(t.uint),
    },
    'virtio-serial': {
      controller: attr(t.uint),
      bus: attr(t.uint),
      port: attr(t.uint),
    },
    ccid: {
      controller: attr(t.uint),
      slot: attr(t.uint),
    },
    usb: {
      bus: attr(t.uint),
      /** Dotted hub path, e.g. `1.2.3`. */
      port: attr(t.pattern('usb port path', '^((0x)?[0-9a-fA-F]{1,3}\\.){0,3}(0x)?[0-9a-fA-F]{1,3}$')),
    },
    'spapr-vio': {
      reg: attr(t.hex(8)),
    },
    ccw: {
      cssid: attr(t.hex(0, 0xfe)),
      ssid: attr(t.hex(0, 3)),
      devno: attr(t.hex(4, 0xffff)),
    },
    isa: {
      iobase: attr(t.hex(0)),
      irq: attr(t.hex(0)),
    },
    'virtio-mmio': {},
    'virtio-s390': {},
    dimm: {
      slot: attr(t.uint),
      base: attr(t.hex(0)),
    },
    unassigned: {},
  }),
);
export type Address = Infer<typeof Address>;

/** `<alias name='...'/>`: the device's identifier, `ua-` prefixed when set by the user. */
export const Alias = el('alias', { name: attr(t.string) });
export type Alias = Infer<typeof Alias>;

/** `<acpi index='N'/>`: the ACPI index of a PCI device, which names its network interface in the guest. */
export const Acpi = el('acpi', { index: attr(t.uint) });
export type Acpi = Infer<typeof Acpi>;

/** Per-device `<boot order='N'/>` (formatdomain.rst "BIOS bootloader" and each device section). */
export const Boot = el('boot', {
  order: attr(t.uint),
  loadparm: attr(t.string),
});
export type Boot = Infer<typeof Boot>;

/**
 * The fields every device shares, in libvirt's formatting order. Spread them into a device
 * definition: `el('watchdog', { model: attr(...), ...deviceInfo })`.
 */
export const deviceInfo = {
  alias: child(Alias),
  acpi: child(Acpi),
  address: child(Address),
} as const;

/** Options of virtio devices, written as attributes of their `<driver>` (formatdomain.rst "Virtio-related options"). */
export const virtioOptions = {
  /** Use the emulated IOMMU. */
  iommu: attr(t.onOff),
  /** Address Translation Services. */
  ats: attr(t.onOff),
  /** Packed virtqueue layout. */
  packed: attr(t.onOff),
  /** Page-per-virtqueue layout of the notification area. */
  page_per_vq: attr(t.onOff),
} as const;
