/**
 * The node device `<device>` document: a device of the host as the node device driver
 * reports it, or a mediated / vport device to create (formatnode.rst "Node Device XML").
 * The `<capability type=>` elements say what kind of device it is; a capability nested in
 * another one has its own set of types, so each context gets its own definition here.
 */
import { attr, child, el, leaf, many, text, t, variants, type Infer, type ValueType } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { LinkSpeedState } from '../iface/interface.js';

// ---------------------------------------------------------------------------
// Value types

/** A Fibre Channel world wide name: 16 hex digits, optionally `0x`-prefixed. */
const wwn = t.pattern('wwn', '^(0x)?[0-9a-fA-F]{16}$');

/** The device API a mediated device type offers. */
const deviceApi = t.enum('vfio-pci', 'vfio-ccw', 'vfio-ap');

// ---------------------------------------------------------------------------
// Shared pieces

/** PCI `<address domain= bus= slot= function=/>` of a host device (in iommuGroup, phys_function, virt_functions). */
export const NodePciAddress = el('address', {
  domain: attr(t.hex(4)),
  bus: attr(t.hex(2)),
  slot: attr(t.hex(2)),
  function: attr(t.hex(1)),
});
export type NodePciAddress = Infer<typeof NodePciAddress>;

/** `<product id=>name</product>` of a PCI or USB device: the hexadecimal id and an optional description. */
export const NodeProduct = el('product', {
  id: attr(t.hex(4)),
  value: text(t.string),
});
export type NodeProduct = Infer<typeof NodeProduct>;

/** `<vendor id=>name</vendor>` of a PCI or USB device: the hexadecimal id and an optional name. */
export const NodeVendor = el('vendor', {
  id: attr(t.hex(4)),
  value: text(t.string),
});
export type NodeVendor = Infer<typeof NodeVendor>;

/** `<type id=>` inside an `mdev_types` capability: one mediated device type the parent can create. */
export const MdevTypeInfo = el('type', {
  id: attr(t.string),
  /** Human-readable name of the type. */
  name: leaf(t.string),
  deviceAPI: leaf(deviceApi),
  /** How many more devices of this type can be created. */
  availableInstances: leaf(t.uint),
});
export type MdevTypeInfo = Infer<typeof MdevTypeInfo>;

/** The fields of `<capability type='mdev_types'>` (formatnode.rst ``pci``, ``css``, ``ap_matrix``). */
const mdevTypesFields = {
  /** The supported mediated device types (`<type>` children; named `types` because `type` is the attribute). */
  types: many(MdevTypeInfo),
} as const;

/** `<capability type='mdev_types'>` of a CSS or AP matrix device: the mediated device types it supports. */
export const MdevTypesCapability = el('capability', {
  type: attr(t.enum('mdev_types')),
  ...mdevTypesFields,
});
export type MdevTypesCapability = Infer<typeof MdevTypesCapability>;

/** The subchannel address fields `<cssid>`, `<ssid>`, `<devno>` of s390 CCW and CSS devices. */
const ccwAddressFields = {
  /** Channel subsystem id. */
  cssid: leaf(t.hex(0, 0xfe)),
  /** Subchannel set id (0-3). */
  ssid: leaf(t.hex(0, 3)),
  /** Device number. */
  devno: leaf(t.hex(4, 0xffff)),
} as const;

/** `<channel_dev_addr>` of a CSS device: the address of the I/O device behind the subchannel. */
export const ChannelDevAddr = el('channel_dev_addr', { ...ccwAddressFields });
export type ChannelDevAddr = Infer<typeof ChannelDevAddr>;

// ---------------------------------------------------------------------------
// system

/** `<hardware>` of the system capability (formatnode.rst ``system``). */
export const SystemHardware = el('hardware', {
  vendor: leaf(t.string),
  version: leaf(t.string),
  serial: leaf(t.string),
  uuid: leaf(t.uuid),
});
export type SystemHardware = Infer<typeof SystemHardware>;

/** `<firmware>` of the system capability (formatnode.rst ``system``). */
export const SystemFirmware = el('firmware', {
  vendor: leaf(t.string),
  version: leaf(t.string),
  release_date: leaf(t.string),
});
export type SystemFirmware = Infer<typeof SystemFirmware>;

// ---------------------------------------------------------------------------
// pci

/** `<vendor_field index=>` of a VPD resource: a vendor-specific keyword `V0`..`VZ`. */
export const VpdVendorField = el('vendor_field', {
  /** The keyword's last character. */
  index: attr(t.pattern('vendor VPD field index', '^[0-9A-Z]$')),
  value: text(t.string),
});
export type VpdVendorField = Infer<typeof VpdVendorField>;

/** `<system_field index=>` of a VPD resource: a system-specific keyword `Y0`..`YZ` (not `YA`). */
export const VpdSystemField = el('system_field', {
  index: attr(t.pattern('system VPD field index', '^[0-9B-Z]$')),
  value: text(t.string),
});
export type VpdSystemField = Infer<typeof VpdSystemField>;

/** `<fields access=>` of a VPD capability: the read-only or the read-write resource. */
export const VpdFields = el(
  'fields',
  { access: attr(t.enum('readonly', 'readwrite')) },
  variants('access', {
    readonly: {
      change_level: leaf(t.string),
      manufacture_id: leaf(t.string),
      part_number: leaf(t.string),
      serial_number: leaf(t.string),
      vendor_field: many(VpdVendorField),
    },
    readwrite: {
      asset_tag: leaf(t.string),
      vendor_field: many(VpdVendorField),
      system_field: many(VpdSystemField),
    },
  }),
);
export type VpdFields = Infer<typeof VpdFields>;

/** `<link validity=>` of `<pci-express>`: the link's capability (`cap`) or current status (`sta`). */
export const PciExpressLink = el('link', {
  validity: attr(t.enum('cap', 'sta')),
  port: attr(t.uint),
  /** Transfer rate in GT/s (2.5, 5, 8, 16, 32, 64). */
  speed: attr(t.number),
  /** Number of lanes. */
  width: attr(t.uint),
});
export type PciExpressLink = Infer<typeof PciExpressLink>;

/** `<pci-express>`: PCI Express link details (formatnode.rst ``pci``). */
export const PciExpress = el('pci-express', {
  link: many(PciExpressLink),
});
export type PciExpress = Infer<typeof PciExpress>;

/** `<iommuGroup number=>` of a PCI device: the group and the addresses of all its devices. */
export const PciIommuGroup = el('iommuGroup', {
  number: attr(t.uint),
  address: many(NodePciAddress),
});
export type PciIommuGroup = Infer<typeof PciIommuGroup>;

/** `<numa node=/>`: the NUMA node the PCI device is attached to. */
export const PciNuma = el('numa', { node: attr(t.int) });
export type PciNuma = Infer<typeof PciNuma>;

/**
 * `<capability type=>` nested in a PCI capability (formatnode.rst ``pci``): SR-IOV
 * physical / virtual functions, the header type of bridges, mediated device types and VPD.
 */
export const PciCapability = el(
  'capability',
  { type: attr(t.enum('phys_function', 'virt_functions', 'pci-bridge', 'cardbus-bridge', 'mdev_types', 'vpd')) },
  variants('type', {
    /** This device is an SR-IOV VF; the address is its PF's. */
    phys_function: { address: many(NodePciAddress) },
    /** This device is an SR-IOV PF; the addresses are its active VFs. */
    virt_functions: {
      /** The most VFs the device supports. */
      maxCount: attr(t.uint),
      address: many(NodePciAddress),
    },
    'pci-bridge': {},
    'cardbus-bridge': {},
    mdev_types: mdevTypesFields,
    /** Vital Product Data read from the device. */
    vpd: {
      /** The product name resource. */
      name: leaf(t.string),
      fields: many(VpdFields),
    },
  }),
);
export type PciCapability = Infer<typeof PciCapability>;

// ---------------------------------------------------------------------------
// net

/** `<feature name=/>` of a net capability: an offload feature the NIC has enabled (`tso`, `gro`, `rxvlan` ...). */
export const NetFeature = el('feature', { name: attr(t.string) });
export type NetFeature = Infer<typeof NetFeature>;

/** `<capability type=/>` nested in a net capability: the link layer (802.3 ethernet or 802.11 wireless). */
export const NetCapability = el('capability', { type: attr(t.enum('80203', '80211')) });
export type NetCapability = Infer<typeof NetCapability>;

// ---------------------------------------------------------------------------
// scsi_host, scsi_target

/** `<capability type=>` nested in a scsi_host capability: Fibre Channel host, or vport creation ability. */
export const ScsiHostCapability = el(
  'capability',
  { type: attr(t.enum('fc_host', 'vport_ops')) },
  variants('type', {
    fc_host: {
      wwnn: leaf(wwn),
      wwpn: leaf(wwn),
      fabric_wwn: leaf(wwn),
    },
    vport_ops: {
      /** Most vports the HBA supports. */
      max_vports: leaf(t.uint),
      /** vports in use. */
      vports: leaf(t.uint),
    },
  }),
);
export type ScsiHostCapability = Infer<typeof ScsiHostCapability>;

/** `<capability type='fc_remote_port'>` nested in a scsi_target capability. */
export const ScsiTargetCapability = el('capability', {
  type: attr(t.enum('fc_remote_port')),
  rport: leaf(t.string),
  wwpn: leaf(wwn),
});
export type ScsiTargetCapability = Infer<typeof ScsiTargetCapability>;

// ---------------------------------------------------------------------------
// storage

/** `<capability type=>` nested in a storage capability: removable media (and its state), or hotpluggable. */
export const StorageCapability = el(
  'capability',
  { type: attr(t.enum('removable', 'hotpluggable')) },
  variants('type', {
    removable: {
      media_available: leaf(t.oneZero),
      /** Media size in bytes. */
      media_size: leaf(t.uint),
      media_label: leaf(t.string),
      logical_block_size: leaf(t.uint),
      num_blocks: leaf(t.uint),
    },
    hotpluggable: {},
  }),
);
export type StorageCapability = Infer<typeof StorageCapability>;

// ---------------------------------------------------------------------------
// mdev

/** `<type id=/>` of a mediated device: the type it was created with. */
export const MdevType = el('type', { id: attr(t.string) });
export type MdevType = Infer<typeof MdevType>;

/** `<iommuGroup number=/>` of a mediated device. */
export const MdevIommuGroup = el('iommuGroup', { number: attr(t.uint) });
export type MdevIommuGroup = Infer<typeof MdevIommuGroup>;

/** `<attr name= value=/>`: a vendor-specific attribute written to the mediated device before it is started. */
export const MdevAttr = el('attr', {
  name: attr(t.string),
  value: attr(t.string),
});
export type MdevAttr = Infer<typeof MdevAttr>;

// ---------------------------------------------------------------------------
// ccw, ccwgroup

/** `<capability type='ccwgroup_member'>` nested in a ccw capability: the group device this device belongs to. */
export const CcwCapability = el('capability', {
  type: attr(t.enum('ccwgroup_member')),
  group_device: leaf(t.string),
});
export type CcwCapability = Infer<typeof CcwCapability>;

/** `<ccw_device ref=>` of a ccwgroup's `<members>`: a member device's node name. */
export const CcwGroupMember = el('ccw_device', {
  /** The member's role in the group (`cdev0`, `cdev1` ...). */
  ref: attr(t.string),
  value: text(t.string),
});
export type CcwGroupMember = Infer<typeof CcwGroupMember>;

/** `<members>` of a ccwgroup capability. */
export const CcwGroupMembers = el('members', {
  ccw_device: many(CcwGroupMember),
});
export type CcwGroupMembers = Infer<typeof CcwGroupMembers>;

/** `<capability type=>` nested in a ccwgroup capability: the qeth network device's mode. */
export const CcwGroupCapability = el('capability', {
  type: attr(t.enum('qeth_generic', 'qeth_layer2', 'qeth_layer3')),
  card_type: leaf(t.string),
  /** Channel path id. */
  chpid: leaf(t.string),
});
export type CcwGroupCapability = Infer<typeof CcwGroupCapability>;

// ---------------------------------------------------------------------------
// The top-level capability

/** `<state>` of s390 CCW devices. */
const ccwState = leaf(t.enum('online', 'offline'));

/**
 * `<capability type=>` of a node device (formatnode.rst "capability types"). The `type`
 * decides the content. Where a capability has a `<type>` child element, its property is
 * named after the capability (`drmType`, `scsiType`, `mdevType`) because `type` is the attribute.
 */
export const NodeCapability = el(
  'capability',
  {
    type: attr(
      t.enum(
        'system', 'pci', 'usb_device', 'usb', 'net', 'scsi_generic', 'scsi_host', 'scsi_target', 'scsi', 'storage',
        'drm', 'mdev', 'ccw', 'ccwgroup', 'css', 'vdpa', 'ap_card', 'ap_queue', 'ap_matrix',
      ),
    ),
  },
  variants('type', {
    /** The host itself (formatnode.rst ``system``). */
    system: {
      product: leaf(t.string),
      hardware: child(SystemHardware),
      firmware: child(SystemFirmware),
    },
    /** A device on the host's PCI bus (formatnode.rst ``pci``). */
    pci: {
      /** Class, subclass and programming interface as 6 hex digits. */
      class: leaf(t.hex(6)),
      domain: leaf(t.uint),
      bus: leaf(t.uint),
      slot: leaf(t.uint),
      function: leaf(t.uint),
      product: child(NodeProduct),
      vendor: child(NodeVendor),
      capability: many(PciCapability),
      iommuGroup: child(PciIommuGroup),
      numa: child(PciNuma),
      'pci-express': child(PciExpress),
    },
    /** A USB device (formatnode.rst ``usb_device``). */
    usb_device: {
      bus: leaf(t.uint),
      device: leaf(t.uint),
      product: child(NodeProduct),
      vendor: child(NodeVendor),
    },
    /** An interface of a USB device (formatnode.rst ``usb``). */
    usb: {
      number: leaf(t.uint),
      class: leaf(t.uint),
      subclass: leaf(t.uint),
      protocol: leaf(t.uint),
      description: leaf(t.string),
    },
    /** A network interface (formatnode.rst ``net``). */
    net: {
      interface: leaf(t.string),
      /** MAC address. */
      address: leaf(t.mac),
      link: child(LinkSpeedState),
      feature: many(NetFeature),
      capability: many(NetCapability),
    },
    /** A SCSI generic device (formatnode.rst ``scsi_generic``). */
    scsi_generic: {
      /** The character device path (`/dev/sg0`). */
      char: leaf(t.string),
    },
    /** A SCSI host bus adapter (formatnode.rst ``scsi_host``). */
    scsi_host: {
      host: leaf(t.uint),
      unique_id: leaf(t.uint),
      capability: many(ScsiHostCapability),
    },
    /** A SCSI target (formatnode.rst ``scsi_target``). */
    scsi_target: {
      target: leaf(t.string),
      capability: child(ScsiTargetCapability),
    },
    /** A SCSI device (formatnode.rst ``scsi``). */
    scsi: {
      host: leaf(t.uint),
      bus: leaf(t.uint),
      target: leaf(t.uint),
      lun: leaf(t.uint),
      /** The SCSI device type (`disk`, `cdrom` ...): the `<type>` element. */
      scsiType: leaf(t.string, { xml: 'type' }),
    },
    /** A storage device (formatnode.rst ``storage``). Fixed media have `size` here; removable ones report it in their capability. */
    storage: {
      /** The block device path. */
      block: leaf(t.string),
      bus: leaf(t.string),
      drive_type: leaf(t.string),
      model: leaf(t.string),
      vendor: leaf(t.string),
      serial: leaf(t.string),
      /** Size in bytes. */
      size: leaf(t.uint),
      logical_block_size: leaf(t.uint),
      num_blocks: leaf(t.uint),
      capability: many(StorageCapability),
    },
    /** A DRM device (formatnode.rst ``drm``). */
    drm: {
      /** The DRM node type: the `<type>` element. */
      drmType: leaf(t.enum('primary', 'control', 'render'), { xml: 'type' }),
    },
    /** A mediated device (formatnode.rst ``mdev``). */
    mdev: {
      /** The mediated device type: the `<type id=>` element. */
      mdevType: child(MdevType),
      uuid: leaf(t.uuid),
      /** Address of the parent device, to tell apart parents that share a name. */
      parent_addr: leaf(t.string),
      iommuGroup: child(MdevIommuGroup),
      attr: many(MdevAttr),
    },
    /** An s390 CCW device (formatnode.rst ``ccw``). */
    ccw: {
      state: ccwState,
      ...ccwAddressFields,
      capability: child(CcwCapability),
    },
    /** An s390 group of CCW devices, such as a qeth network device. */
    ccwgroup: {
      state: ccwState,
      ...ccwAddressFields,
      members: child(CcwGroupMembers),
      capability: child(CcwGroupCapability),
    },
    /** An s390 channel subsystem device (formatnode.rst ``css``). */
    css: {
      ...ccwAddressFields,
      channel_dev_addr: child(ChannelDevAddr),
      capability: child(MdevTypesCapability),
    },
    /** A vDPA device (formatnode.rst ``vdpa``). */
    vdpa: {
      /** The vhost-vdpa character device path. */
      chardev: leaf(t.string),
    },
    /** An s390 AP card (formatnode.rst ``ap_card``). */
    ap_card: {
      'ap-adapter': leaf(t.hex(2)),
    },
    /** An s390 AP queue (formatnode.rst ``ap_queue``). */
    ap_queue: {
      'ap-adapter': leaf(t.hex(2)),
      'ap-domain': leaf(t.hex(4)),
    },
    /** The s390 AP matrix device (formatnode.rst ``ap_matrix``). */
    ap_matrix: {
      capability: child(MdevTypesCapability),
    },
  }),
);
export type NodeCapability = Infer<typeof NodeCapability>;

// ---------------------------------------------------------------------------
// The document

/** `<devnode type=>`: a `/dev` file of the device, the main one (`dev`) or a symlink (`link`). */
export const Devnode = el('devnode', {
  type: attr(t.enum('dev', 'link')),
  value: text(t.string),
});
export type Devnode = Infer<typeof Devnode>;

/**
 * `<parent>`: the parent device's name; or, when creating a vHBA, the parent HBA chosen
 * by its `wwnn`/`wwpn` or its `fabric_wwn`.
 */
export const NodeParent = el('parent', {
  wwnn: attr(wwn),
  wwpn: attr(wwn),
  fabric_wwn: attr(wwn),
  value: text(t.string),
});
export type NodeParent = Infer<typeof NodeParent>;

/** `<driver>`: the driver bound to the device. */
export const NodeDriver = el('driver', { name: leaf(t.string) });
export type NodeDriver = Infer<typeof NodeDriver>;

/** `<device>`: a node device (formatnode.rst "Node Device XML"). */
export const NodeDevice = el('device', {
  name: leaf(t.string),
  /** The sysfs path. */
  path: leaf(t.string),
  devnode: many(Devnode),
  parent: child(NodeParent),
  driver: child(NodeDriver),
  capability: many(NodeCapability),
});
export type NodeDevice = Infer<typeof NodeDevice>;

export const deviceDocument = defineDocument(NodeDevice);
