/**
 * `<interface>`: network interfaces (formatdomain.rst "Network interfaces" and its
 * subsections). The `type` decides the shape of `<source>`; everything else is shared.
 */
import { attr, child, el, leaf, many, t, variants, type Infer } from '../../schema/index.js';
import { Acpi, Address, Alias, Boot, virtioOptions } from './address.js';
import { Rom, Teaming, UsbProduct, UsbVendor } from './hostdev.js';
import { Bandwidth, InterfaceIp, Mtu, PortForward, PortOptions, Route, VirtualPort, Vlan } from './netcommon.js';

// ---------------------------------------------------------------------------
// <source> per interface type

/** `<source>` of `type='network'`: a libvirt virtual network (formatdomain.rst "Virtual network"). */
export const InterfaceSourceNetwork = el('source', {
  network: attr(t.string),
  /** Port group of the network whose settings apply. */
  portgroup: attr(t.string),
  /** Network port object backing this interface (output, or to reconnect to an existing port). */
  portid: attr(t.uuid),
  /** Output only (status): bridge the network connected the interface to. */
  bridge: attr(t.string),
  /** Output only (status): who manages the bridge's MAC table. */
  macTableManager: attr(t.enum('kernel', 'libvirt')),
});
export type InterfaceSourceNetwork = Infer<typeof InterfaceSourceNetwork>;

/** `<source>` of `type='bridge'`: a host bridge (formatdomain.rst "Bridge to LAN"). */
export const InterfaceSourceBridge = el('source', {
  bridge: attr(t.string),
  macTableManager: attr(t.enum('kernel', 'libvirt')),
  /** Status only: network the bridge was taken from. */
  network: attr(t.string),
  portgroup: attr(t.string),
  portid: attr(t.uuid),
});
export type InterfaceSourceBridge = Infer<typeof InterfaceSourceBridge>;

/** `<source>` of `type='direct'`: a host NIC used through macvtap (formatdomain.rst "Direct attachment to physical interface"). */
export const InterfaceSourceDirect = el('source', {
  dev: attr(t.string),
  /** macvtap mode; `vepa` by default. */
  mode: attr(t.enum('vepa', 'bridge', 'private', 'passthrough')),
  /** Status only: network the device was taken from. */
  network: attr(t.string),
  portgroup: attr(t.string),
  portid: attr(t.uuid),
});
export type InterfaceSourceDirect = Infer<typeof InterfaceSourceDirect>;

/** `<source>` of `type='ethernet'`: addresses and routes set on the host side of the tap device (formatdomain.rst "IP configuration"). */
export const InterfaceSourceEthernet = el('source', {
  ip: many(InterfaceIp),
  route: many(Route),
});
export type InterfaceSourceEthernet = Infer<typeof InterfaceSourceEthernet>;

/** `<source dev='...'/>` of `type='user'`: the host interface passt derives routes from. */
export const InterfaceSourceUser = el('source', { dev: attr(t.string) });
export type InterfaceSourceUser = Infer<typeof InterfaceSourceUser>;

/** `<reconnect>` of a vhost-user socket: reconnect after the other end closed it. */
export const InterfaceReconnect = el('reconnect', {
  enabled: attr(t.yesNo),
  /** Seconds between attempts. */
  timeout: attr(t.uint),
  delay: attr(t.uint),
});
export type InterfaceReconnect = Infer<typeof InterfaceReconnect>;

/** `<source>` of `type='vhostuser'`: the vhost-user socket (formatdomain.rst "vhost-user connection"). */
export const InterfaceSourceVhostuser = el('source', {
  type: attr(t.enum('unix')),
  path: attr(t.string),
  /** `server`: QEMU listens on the socket; `client`: QEMU connects to it. */
  mode: attr(t.enum('server', 'client')),
  /** With the passt backend: the host interface passt derives routes from. */
  dev: attr(t.string),
  reconnect: child(InterfaceReconnect),
});
export type InterfaceSourceVhostuser = Infer<typeof InterfaceSourceVhostuser>;

/** `<source name='...'/>` of `type='internal'` (VirtualBox internal network). */
export const InterfaceSourceInternal = el('source', { name: attr(t.string) });
export type InterfaceSourceInternal = Infer<typeof InterfaceSourceInternal>;

/**
 * `<source address= port=/>` of the socket types: `mcast` and `client` (address to
 * join/connect to), `server` (address to listen on) (formatdomain.rst "Multicast tunnel", "TCP tunnel").
 */
export const InterfaceSourceSocket = el('source', {
  address: attr(t.string),
  port: attr(t.int),
});
export type InterfaceSourceSocket = Infer<typeof InterfaceSourceSocket>;

/** `<local address= port=/>` of a UDP tunnel: the local end. */
export const InterfaceSourceLocal = el('local', {
  address: attr(t.string),
  port: attr(t.int),
});
export type InterfaceSourceLocal = Infer<typeof InterfaceSourceLocal>;

/** `<source>` of `type='udp'`: the remote end and the local end (formatdomain.rst "UDP unicast tunnel"). */
export const InterfaceSourceUdp = el('source', {
  address: attr(t.string),
  port: attr(t.int),
  local: child(InterfaceSourceLocal),
});
export type InterfaceSourceUdp = Infer<typeof InterfaceSourceUdp>;

/** `<address>` inside the `<source>` of `type='hostdev'`: the host PCI or USB device. */
export const InterfaceHostdevAddress = el(
  'address',
  { type: attr(t.enum('pci', 'usb')) },
  variants('type', {
    pci: {
      domain: attr(t.hex(4)),
      bus: attr(t.hex(2)),
      slot: attr(t.hex(2)),
      function: attr(t.hex(1)),
      multifunction: attr(t.onOff),
    },
    usb: {
      bus: attr(t.uint),
      device: attr(t.uint),
    },
  }),
);
export type InterfaceHostdevAddress = Infer<typeof InterfaceHostdevAddress>;

/** `<source>` of `type='hostdev'`: the host device, usually an SR-IOV VF (formatdomain.rst "PCI Passthrough"). */
export const InterfaceSourceHostdev = el('source', {
  /** Output only: the device was not found on the host. */
  missing: attr(t.yesNo),
  vendor: child(UsbVendor),
  product: child(UsbProduct),
  address: child(InterfaceHostdevAddress),
});
export type InterfaceSourceHostdev = Infer<typeof InterfaceSourceHostdev>;

/** `<source dev='/dev/vhost-vdpa-0'/>` of `type='vdpa'` (formatdomain.rst "vDPA devices"). */
export const InterfaceSourceVdpa = el('source', { dev: attr(t.string) });
export type InterfaceSourceVdpa = Infer<typeof InterfaceSourceVdpa>;

/** `<source>` of `type='vds'`: a port of a VMware Distributed Switch (formatdomain.rst "VMWare Distributed Switch"). */
export const InterfaceSourceVds = el('source', {
  switchid: attr(t.uuid),
  portid: attr(t.int),
  portgroupid: attr(t.string),
  connectionid: attr(t.int),
});
export type InterfaceSourceVds = Infer<typeof InterfaceSourceVds>;

// ---------------------------------------------------------------------------
// Options shared by every type

/** `<mac>`: the interface's MAC address. */
export const InterfaceMac = el('mac', {
  address: attr(t.mac),
  /** Whether the address was generated by libvirt or set by the user (ESX). */
  type: attr(t.enum('generated', 'static')),
  /** Whether libvirt checks the address against the hypervisor's reserved ranges (ESX). */
  check: attr(t.yesNo),
  /** Output only: address the guest switched the device to. */
  currentAddress: attr(t.mac),
});
export type InterfaceMac = Infer<typeof InterfaceMac>;

/** `<script path='...'/>`: script run to set up the host side (ethernet, bridge). */
export const InterfaceScript = el('script', { path: attr(t.string) });
export type InterfaceScript = Infer<typeof InterfaceScript>;

/** `<downscript path='...'/>`: script run when the interface is detached. */
export const InterfaceDownscript = el('downscript', { path: attr(t.string) });
export type InterfaceDownscript = Infer<typeof InterfaceDownscript>;

/** `<backenddomain name='...'/>`: the driver domain hosting the backend (formatdomain.rst "Setting up a network backend in a driver domain"). */
export const InterfaceBackenddomain = el('backenddomain', { name: attr(t.string) });
export type InterfaceBackenddomain = Infer<typeof InterfaceBackenddomain>;

/** `<target>`: the host-side device name (formatdomain.rst "Overriding the target element"). */
export const InterfaceTarget = el('target', {
  dev: attr(t.string),
  /** `false`: the tap device exists already and libvirt must not create or delete it. */
  managed: attr(t.yesNo),
});
export type InterfaceTarget = Infer<typeof InterfaceTarget>;

/** `<guest>`: the device name inside a container. */
export const InterfaceGuest = el('guest', {
  dev: attr(t.string),
  /** Output only: the name the device actually got. */
  actual: attr(t.string),
});
export type InterfaceGuest = Infer<typeof InterfaceGuest>;

/** `<model type='virtio'/>`: the emulated NIC model (formatdomain.rst "Setting the NIC model"). */
export const InterfaceModel = el('model', { type: attr(t.string) });
export type InterfaceModel = Infer<typeof InterfaceModel>;

/** `<host>` of a virtio NIC `<driver>`: host-side offloads. */
export const InterfaceDriverHost = el('host', {
  csum: attr(t.onOff),
  gso: attr(t.onOff),
  tso4: attr(t.onOff),
  tso6: attr(t.onOff),
  ecn: attr(t.onOff),
  ufo: attr(t.onOff),
  mrg_rxbuf: attr(t.onOff),
});
export type InterfaceDriverHost = Infer<typeof InterfaceDriverHost>;

/** `<guest>` of a virtio NIC `<driver>`: guest-side offloads. */
export const InterfaceDriverGuest = el('guest', {
  csum: attr(t.onOff),
  tso4: attr(t.onOff),
  tso6: attr(t.onOff),
  ecn: attr(t.onOff),
  ufo: attr(t.onOff),
});
export type InterfaceDriverGuest = Infer<typeof InterfaceDriverGuest>;

/**
 * `<driver>` of an interface (formatdomain.rst "Setting NIC driver-specific options"):
 * the virtio options, or for `type='hostdev'` the passthrough backend
 * (`name` kvm/vfio/xen and `model`, as in a hostdev's `<driver>`).
 */
export const InterfaceDriver = el('driver', {
  /** `qemu` or `vhost` for virtio; `kvm`, `vfio` or `xen` for passthrough. */
  name: attr(t.enum('qemu', 'vhost', 'kvm', 'vfio', 'xen')),
  /** Passthrough only: variant of the vfio driver. */
  model: attr(t.string),
  /** Transmit packet handling of the userspace backend. */
  txmode: attr(t.enum('iothread', 'timer')),
  ioeventfd: attr(t.onOff),
  event_idx: attr(t.onOff),
  /** Number of queue pairs (multiqueue virtio-net). */
  queues: attr(t.uint),
  rx_queue_size: attr(t.uint),
  tx_queue_size: attr(t.uint),
  /** Receive-side scaling in QEMU (eBPF). */
  rss: attr(t.onOff),
  rss_hash_report: attr(t.onOff),
  ...virtioOptions,
  host: child(InterfaceDriverHost),
  guest: child(InterfaceDriverGuest),
});
export type InterfaceDriver = Infer<typeof InterfaceDriver>;

/** `<backend>`: backend-specific options (formatdomain.rst "Setting network backend-specific options", passt). */
export const InterfaceBackend = el('backend', {
  /** `passt` selects the passt backend for user and vhostuser interfaces. */
  type: attr(t.enum('default', 'passt')),
  /** Tun/tap device node to open instead of `/dev/net/tun`. */
  tap: attr(t.string),
  /** vhost-net device node to open instead of `/dev/vhost-net`. */
  vhost: attr(t.string),
  /** passt's log file. */
  logFile: attr(t.string),
});
export type InterfaceBackend = Infer<typeof InterfaceBackend>;

/** `<parameter name= value=/>` of a `<filterref>`: a variable given to the filter. */
export const InterfaceFilterParameter = el('parameter', {
  name: attr(t.string),
  value: attr(t.string),
});
export type InterfaceFilterParameter = Infer<typeof InterfaceFilterParameter>;

/** `<filterref>`: the nwfilter applied to the interface (formatdomain.rst "Traffic filtering with NWFilter"). */
export const InterfaceFilterref = el('filterref', {
  filter: attr(t.string),
  parameter: many(InterfaceFilterParameter),
});
export type InterfaceFilterref = Infer<typeof InterfaceFilterref>;

/** `<tune>`: tap device tuning. */
export const InterfaceTune = el('tune', {
  /** Send buffer size of the tap device, bytes. */
  sndbuf: leaf(t.uint),
});
export type InterfaceTune = Infer<typeof InterfaceTune>;

/** `<link state='up|down'/>`: the virtual link state (formatdomain.rst "Modifying virtual link state"). */
export const InterfaceLink = el('link', { state: attr(t.enum('up', 'down')) });
export type InterfaceLink = Infer<typeof InterfaceLink>;

/** `<frames max='N'/>` of coalesce `<rx>`. */
export const InterfaceCoalesceFrames = el('frames', {
  /** Maximum number of packets received before an interrupt. */
  max: attr(t.uint),
});

/** `<rx>` of `<coalesce>`. */
export const InterfaceCoalesceRx = el('rx', { frames: child(InterfaceCoalesceFrames) });

/** `<coalesce>`: interrupt coalescing of the tap device (formatdomain.rst "Coalesce settings"). */
export const InterfaceCoalesce = el('coalesce', { rx: child(InterfaceCoalesceRx) });
export type InterfaceCoalesce = Infer<typeof InterfaceCoalesce>;

// ---------------------------------------------------------------------------
// The device

/** Attributes and children before `<source>`, in libvirt's order. */
const head = {
  /** Whether the host trusts the guest's receive filter changes (MAC, multicast). */
  trustGuestRxFilters: attr(t.yesNo),
  mac: child(InterfaceMac),
} as const;

/** Children right after `<source>` (`<virtualport>` only for the types that allow it). */
const switchPort = {
  vlan: child(Vlan),
  bandwidth: child(Bandwidth),
  port: child(PortOptions),
} as const;
const switchPortWithVirtualport = {
  vlan: child(Vlan),
  virtualport: child(VirtualPort),
  bandwidth: child(Bandwidth),
  port: child(PortOptions),
} as const;

/** Guest-side addresses and routes. */
const ipInfo = {
  /** Addresses given to the guest (user, passt) or set in the container (LXC). */
  ip: many(InterfaceIp),
  route: many(Route),
} as const;

/** The options after the addresses, in libvirt's order. */
const tail = {
  portForward: many(PortForward),
  script: child(InterfaceScript),
  downscript: child(InterfaceDownscript),
  backenddomain: child(InterfaceBackenddomain),
  target: child(InterfaceTarget),
  guest: child(InterfaceGuest),
  model: child(InterfaceModel),
  driver: child(InterfaceDriver),
  backend: child(InterfaceBackend),
  filterref: child(InterfaceFilterref),
  tune: child(InterfaceTune),
  teaming: child(Teaming),
  link: child(InterfaceLink),
  mtu: child(Mtu),
  coalesce: child(InterfaceCoalesce),
  boot: child(Boot),
  alias: child(Alias),
  acpi: child(Acpi),
  rom: child(Rom),
  address: child(Address),
} as const;

/**
 * `<interface>`: a network interface of the guest (formatdomain.rst "Network interfaces").
 * The `type` decides `<source>`: network, bridge, direct, ethernet, user, vhostuser,
 * hostdev, vdpa, mcast/client/server/udp tunnels, internal, vds, null.
 */
export const Interface = el(
  'interface',
  {
    type: attr(
      t.enum('ethernet', 'network', 'bridge', 'user', 'direct', 'hostdev', 'server', 'client', 'mcast', 'udp', 'vhostuser', 'vdpa', 'null', 'vds', 'internal'),
    ),
  },
  variants('type', {
    network: { ...head, source: child(InterfaceSourceNetwork), ...switchPortWithVirtualport, ...ipInfo, ...tail },
    bridge: { ...head, source: child(InterfaceSourceBridge), ...switchPortWithVirtualport, ...ipInfo, ...tail },
    direct: { ...head, source: child(InterfaceSourceDirect), ...switchPortWithVirtualport, ...ipInfo, ...tail },
    hostdev: {
      /** libvirt detaches the device from its host driver and reattaches it itself. */
      managed: attr(t.yesNo),
      ...head,
      source: child(InterfaceSourceHostdev),
      ...switchPortWithVirtualport,
      ...ipInfo,
      ...tail,
    },
    ethernet: { ...head, source: child(InterfaceSourceEthernet), ...switchPort, ...ipInfo, ...tail },
    user: { ...head, source: child(InterfaceSourceUser), ...switchPort, ...ipInfo, ...tail },
    vhostuser: { ...head, source: child(InterfaceSourceVhostuser), ...switchPort, ...ipInfo, ...tail },
    internal: { ...head, source: child(InterfaceSourceInternal), ...switchPort, ...ipInfo, ...tail },
    mcast: { ...head, source: child(InterfaceSourceSocket), ...switchPort, ...ipInfo, ...tail },
    client: { ...head, source: child(InterfaceSourceSocket), ...switchPort, ...ipInfo, ...tail },
    server: { ...head, source: child(InterfaceSourceSocket), ...switchPort, ...ipInfo, ...tail },
    udp: { ...head, source: child(InterfaceSourceUdp), ...switchPort, ...ipInfo, ...tail },
    vdpa: { ...head, source: child(InterfaceSourceVdpa), ...switchPort, ...ipInfo, ...tail },
    vds: { ...head, source: child(InterfaceSourceVds), ...switchPort, ...ipInfo, ...tail },
    null: { ...head, ...switchPort, ...ipInfo, ...tail },
  }),
);
export type Interface = Infer<typeof Interface>;
