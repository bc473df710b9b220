/**
 * `<hostdev>`: host devices given to the guest (formatdomain.rst "Host device assignment":
 * "USB / PCI / SCSI devices" and "Block / character devices"). Also the pieces that
 * `<interface type='hostdev'>` shares with it: ROM, teaming and host PCI/USB addresses.
 */
import { attr, child, el, flag, leaf, many, t, variants, type Infer } from '../../schema/index.js';
import { Acpi, Address, Alias, Boot } from './address.js';
import { InterfaceIp, Route } from './netcommon.js';

// ---------------------------------------------------------------------------
// Pieces shared with <interface>

/** `<rom>`: the PCI device's option ROM (formatdomain.rst "USB / PCI / SCSI devices", "Interface ROM BIOS configuration"). */
export const Rom = el('rom', {
  /** `false` hides the ROM from the guest entirely. */
  enabled: attr(t.yesNo),
  /** Whether the ROM is visible in the guest's memory map. */
  bar: attr(t.onOff),
  /** ROM image to present instead of the device's own. */
  file: attr(t.string),
});
export type Rom = Infer<typeof Rom>;

/**
 * `<teaming>`: pairs a virtio NIC with a hostdev NIC as one failover device
 * (formatdomain.rst "Teaming a virtio/hostdev NIC pair").
 */
export const Teaming = el('teaming', {
  type: attr(t.enum('persistent', 'transient')),
  /** For `transient`: alias of the `persistent` interface of the team. */
  persistent: attr(t.string),
});
export type Teaming = Infer<typeof Teaming>;

/** The attributes of a host PCI address (a hostdev's, an NVMe disk source's). */
export const hostPciAddressFields = {
  domain: attr(t.hex(4)),
  bus: attr(t.hex(2)),
  slot: attr(t.hex(2)),
  function: attr(t.hex(1)),
  multifunction: attr(t.onOff),
} as const;

/** Host PCI address `<address domain= bus= slot= function=/>` inside a hostdev `<source>`. */
export const HostPciAddress = el('address', hostPciAddressFields);
export type HostPciAddress = Infer<typeof HostPciAddress>;

/** Host USB address `<address bus= device=/>` inside a hostdev `<source>`. */
export const HostUsbAddress = el('address', {
  bus: attr(t.uint),
  device: attr(t.uint),
});
export type HostUsbAddress = Infer<typeof HostUsbAddress>;

/** `<vendor id='0x1234'/>` of a USB device. */
export const UsbVendor = el('vendor', { id: attr(t.hex(4)) });
export type UsbVendor = Infer<typeof UsbVendor>;

/** `<product id='0xbeef'/>` of a USB device. */
export const UsbProduct = el('product', { id: attr(t.hex(4)) });
export type UsbProduct = Infer<typeof UsbProduct>;

// ---------------------------------------------------------------------------
// Driver

/** `<driver>` of a PCI hostdev: the passthrough backend. */
export const HostdevDriver = el('driver', {
  name: attr(t.enum('kvm', 'vfio', 'xen')),
  /** Variant of the vfio driver to bind (e.g. a vendor-specific vfio-pci module). */
  model: attr(t.string),
});
export type HostdevDriver = Infer<typeof HostdevDriver>;

// ---------------------------------------------------------------------------
// Sources of subsystem host devices

/** `startupPolicy`: what to do when the device is missing at start. */
const startupPolicy = attr(t.enum('mandatory', 'requisite', 'optional'));

/** `<source>` of a PCI hostdev. */
export const HostdevSourcePci = el('source', {
  startupPolicy,
  /** `false` lets the guest write the whole PCI config space (Xen). */
  writeFiltering: attr(t.yesNo),
  address: child(HostPciAddress),
});
export type HostdevSourcePci = Infer<typeof HostdevSourcePci>;

/** `<source>` of a USB hostdev: by vendor/product, by bus/device address, or both. */
export const HostdevSourceUsb = el('source', {
  startupPolicy,
  /** Which resets of the device the guest may trigger. */
  guestReset: attr(t.enum('off', 'uninitialized', 'on')),
  /** Output only: the device was not found on the host. */
  missing: attr(t.yesNo),
  vendor: child(UsbVendor),
  product: child(UsbProduct),
  address: child(HostUsbAddress),
});
export type HostdevSourceUsb = Infer<typeof HostdevSourceUsb>;

/** Host SCSI address `<address bus= target= unit=/>` inside a SCSI hostdev `<source>`. */
export const HostScsiAddress = el('address', {
  bus: attr(t.uint),
  target: attr(t.uint),
  unit: attr(t.uint),
});
export type HostScsiAddress = Infer<typeof HostScsiAddress>;

/** `<parentaddr>` of a SCSI host adapter: the PCI address of the HBA instead of its name. */
export const HostdevAdapterParentaddr = el('parentaddr', {
  /** The `unique_id` of the SCSI host, to tell several hosts of one PCI device apart. */
  unique_id: attr(t.uint),
  address: child(HostPciAddress),
});

const wwn = t.pattern('wwn', '^(0x)?[0-9a-fA-F]{16}$');

/** `<adapter>` of a SCSI hostdev source: the host's SCSI host adapter (scsi_host, or fc_host by WWNs). */
export const HostdevAdapter = el(
  'adapter',
  {
    type: attr(t.enum('scsi_host', 'fc_host')),
  },
  variants(
    'type',
    {
      scsi_host: {
        /** SCSI host name, e.g. `scsi_host0`. */
        name: attr(t.string),
        parentaddr: child(HostdevAdapterParentaddr),
      },
      fc_host: {
        /** Parent HBA's scsi_host name for vHBA creation. */
        parent: attr(t.string),
        managed: attr(t.yesNo),
        parent_wwnn: attr(wwn),
        parent_wwpn: attr(wwn),
        parent_fabric_wwn: attr(wwn),
        wwnn: attr(wwn),
        wwpn: attr(wwn),
      },
    },
    'scsi_host',
  ),
);
export type HostdevAdapter = Infer<typeof HostdevAdapter>;

/** `<host>` of an iSCSI hostdev source: a portal. */
export const HostdevIscsiHost = el('host', {
  name: attr(t.string),
  port: attr(t.int),
});
export type HostdevIscsiHost = Infer<typeof HostdevIscsiHost>;

/** `<secret>` of a hostdev `<auth>`: the libvirt secret holding the password. */
export const HostdevAuthSecret = el('secret', {
  type: attr(t.enum('ceph', 'iscsi')),
  uuid: attr(t.uuid),
  /** Usage name of the secret (alternative to `uuid`). */
  usage: attr(t.string),
});

/** `<auth>` of an iSCSI hostdev source: CHAP credentials. */
export const HostdevAuth = el('auth', {
  username: attr(t.string),
  secret: child(HostdevAuthSecret),
});
export type HostdevAuth = Infer<typeof HostdevAuth>;

/** `<iqn name='...'/>` of an `<initiator>`. */
export const HostdevIqn = el('iqn', { name: attr(t.string) });

/** `<initiator>` of an iSCSI hostdev source: the initiator IQN to log in with. */
export const HostdevInitiator = el('initiator', { iqn: child(HostdevIqn) });
export type HostdevInitiator = Infer<typeof HostdevInitiator>;

/** `<source>` of a SCSI hostdev: a host adapter LUN, or an iSCSI LUN (`protocol='iscsi'`). */
export const HostdevSourceScsi = el(
  'source',
  {
    protocol: attr(t.enum('adapter', 'iscsi')),
  },
  variants(
    'protocol',
    {
      adapter: {
        adapter: child(HostdevAdapter),
        address: child(HostScsiAddress),
      },
      iscsi: {
        /** Target IQN and LUN, e.g. `iqn.2014-08.com.example:iscsi-pool/1`. */
        name: attr(t.string),
        host: many(HostdevIscsiHost),
        auth: child(HostdevAuth),
        initiator: child(HostdevInitiator),
      },
    },
    'adapter',
  ),
);
export type HostdevSourceScsi = Infer<typeof HostdevSourceScsi>;

/** `<source>` of a scsi_host (vhost-scsi) hostdev. */
export const HostdevSourceScsiHost = el('source', {
  protocol: attr(t.enum('vhost')),
  /** vhost-scsi target WWPN, `naa.` and 16 hex digits. */
  wwpn: attr(t.pattern('wwpn', '^naa\\.[0-9a-fA-F]{16}$')),
});
export type HostdevSourceScsiHost = Infer<typeof HostdevSourceScsiHost>;

/**
 * `<address uuid='...'/>` of a mediated device. The PCI attributes are not valid here;
 * they are modeled so that such a document parses typed and validation can name the mistake.
 */
export const MdevAddress = el('address', {
  uuid: attr(t.uuid),
  domain: attr(t.hex(4)),
  bus: attr(t.hex(2)),
  slot: attr(t.hex(2)),
  function: attr(t.hex(1)),
});
export type MdevAddress = Infer<typeof MdevAddress>;

/** `<source>` of an mdev hostdev. */
export const HostdevSourceMdev = el('source', { address: child(MdevAddress) });
export type HostdevSourceMdev = Infer<typeof HostdevSourceMdev>;

// ---------------------------------------------------------------------------
// Sources of capabilities host devices (containers)

/** `<source>` of a `storage` capabilities hostdev: a block device node. */
export const HostdevSourceStorage = el('source', { block: leaf(t.string) });
export type HostdevSourceStorage = Infer<typeof HostdevSourceStorage>;

/** `<source>` of a `misc` capabilities hostdev: a character device node. */
export const HostdevSourceMisc = el('source', { char: leaf(t.string) });
export type HostdevSourceMisc = Infer<typeof HostdevSourceMisc>;

/** `<source>` of a `net` capabilities hostdev: a host network interface. */
export const HostdevSourceNet = el('source', { interface: leaf(t.string) });
export type HostdevSourceNet = Infer<typeof HostdevSourceNet>;

// ---------------------------------------------------------------------------
// The device

/** Children every hostdev may have after its source, in libvirt's order. */
const hostdevTail = {
  /** The device is read-only for the guest (SCSI). */
  readonly: flag(),
  /** The device may be shared with other guests (SCSI). */
  shareable: flag(),
  teaming: child(Teaming),
  boot: child(Boot),
  alias: child(Alias),
  acpi: child(Acpi),
  rom: child(Rom),
  address: child(Address),
} as const;

/** `managed`: libvirt detaches the device from the host driver and reattaches it itself. */
const managed = attr(t.yesNo);
/** `display`: use the vGPU as the guest's display. */
const display = attr(t.onOff);
/** `ramfb`: add a boot display for the vGPU. */
const ramfb = attr(t.onOff);

/**
 * `<hostdev>`: a host device given to the guest (formatdomain.rst "Host device assignment").
 * The `type` decides the source and options; `mode` is `subsystem` (pci, usb, scsi,
 * scsi_host, mdev; the default) or `capabilities` (storage, misc, net; containers).
 */
export const Hostdev = el(
  'hostdev',
  {
    mode: attr(t.enum('subsystem', 'capabilities')),
    type: attr(t.enum('pci', 'usb', 'scsi', 'scsi_host', 'mdev', 'storage', 'misc', 'net')),
  },
  variants('type', {
    pci: {
      managed,
      display,
      ramfb,
      driver: child(HostdevDriver),
      source: child(HostdevSourcePci),
      ...hostdevTail,
    },
    usb: {
      managed,
      source: child(HostdevSourceUsb),
      ...hostdevTail,
    },
    scsi: {
      managed,
      /** Whether unprivileged SG_IO commands are filtered. */
      sgio: attr(t.enum('filtered', 'unfiltered')),
      /** Whether the guest may send raw SCSI commands. */
      rawio: attr(t.yesNo),
      source: child(HostdevSourceScsi),
      ...hostdevTail,
    },
    scsi_host: {
      managed,
      /** Read by libvirt's parser for every subsystem type but accepted for `scsi` only. */
      sgio: attr(t.enum('filtered', 'unfiltered')),
      /** Read by libvirt's parser for every subsystem type but accepted for `scsi` only. */
      rawio: attr(t.yesNo),
      /** Model of the emulated vhost-scsi device. */
      model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
      source: child(HostdevSourceScsiHost),
      ...hostdevTail,
    },
    mdev: {
      managed,
      /** Device API of the mediated device. */
      model: attr(t.enum('vfio-pci', 'vfio-ccw', 'vfio-ap')),
      display,
      ramfb,
      source: child(HostdevSourceMdev),
      ...hostdevTail,
    },
    storage: {
      source: child(HostdevSourceStorage),
      ...hostdevTail,
    },
    misc: {
      source: child(HostdevSourceMisc),
      ...hostdevTail,
    },
    net: {
      source: child(HostdevSourceNet),
      /** Addresses of the interface inside the container. */
      ip: many(InterfaceIp),
      /** Routes inside the container. */
      route: many(Route),
      ...hostdevTail,
    },
  }),
);
export type Hostdev = Infer<typeof Hostdev>;
