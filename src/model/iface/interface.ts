/**
 * The host `<interface>` document: a physical or logical network interface of the host as
 * managed by the virInterface API (netcf or NetworkManager backends). There is no format
 * document for it; the shapes follow interface.rng. Not to be confused with the domain's
 * `<interface>` device (src/model/domain/interface.ts).
 */
import { attr, child, el, flag, many, t, variants, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { Mtu } from '../domain/netcommon.js';

/** The operational states a kernel reports for a link (`IF_OPER_*`). */
const linkState = t.enum('unknown', 'notpresent', 'down', 'lowerlayerdown', 'testing', 'dormant', 'up');

/**
 * `<link speed= state=/>`: the link's speed in Mbit/s and its operational state
 * (basictypes.rng "link-speed-state"; also used by node devices of type `net`).
 */
export const LinkSpeedState = el('link', {
  speed: attr(t.uint),
  state: attr(linkState),
});
export type LinkSpeedState = Infer<typeof LinkSpeedState>;

/** `<start mode=/>`: when the interface is brought up. */
export const InterfaceStart = el('start', {
  mode: attr(t.enum('onboot', 'none', 'hotplug')),
});
export type InterfaceStart = Infer<typeof InterfaceStart>;

/** `<mac address=/>` of an ethernet interface; when absent the device name identifies the NIC. */
export const InterfaceMac = el('mac', { address: attr(t.mac) });
export type InterfaceMac = Infer<typeof InterfaceMac>;

/** `<dhcp peerdns=/>`: address by DHCP; `peerdns` says whether to take DNS servers from it. */
export const ProtocolDhcp = el('dhcp', { peerdns: attr(t.yesNo) });
export type ProtocolDhcp = Infer<typeof ProtocolDhcp>;

/** `<ip address= prefix=/>`: a static address of the interface. */
export const ProtocolIp = el('ip', {
  address: attr(t.string),
  /** Network prefix length (0-32 for IPv4, 0-128 for IPv6). */
  prefix: attr(t.uint),
});
export type ProtocolIp = Infer<typeof ProtocolIp>;

/** `<route gateway=/>`: the default gateway. */
export const ProtocolRoute = el('route', { gateway: attr(t.string) });
export type ProtocolRoute = Infer<typeof ProtocolRoute>;

/** `<protocol family=>`: the addressing of one IP family; at most one per family. */
export const InterfaceProtocol = el(
  'protocol',
  { family: attr(t.enum('ipv4', 'ipv6')) },
  variants('family', {
    ipv4: {
      dhcp: child(ProtocolDhcp),
      ip: many(ProtocolIp),
      route: child(ProtocolRoute),
    },
    ipv6: {
      /** Stateless address autoconfiguration. */
      autoconf: flag(),
      dhcp: child(ProtocolDhcp),
      ip: many(ProtocolIp),
      route: child(ProtocolRoute),
    },
  }),
);
export type InterfaceProtocol = Infer<typeof InterfaceProtocol>;

/** `<miimon>`: bond link monitoring through MII / ethtool. */
export const BondMiimon = el('miimon', {
  /** Polling interval in milliseconds. */
  freq: attr(t.uint),
  /** Milliseconds to wait before disabling a slave after link failure. */
  downdelay: attr(t.uint),
  /** Milliseconds to wait before enabling a slave after link recovery. */
  updelay: attr(t.uint),
  /** How the carrier is read: MII/ethtool ioctls or netif_carrier_ok(). */
  carrier: attr(t.enum('ioctl', 'netif')),
});
export type BondMiimon = Infer<typeof BondMiimon>;

/** `<arpmon>`: bond link monitoring by ARP probes. */
export const BondArpmon = el('arpmon', {
  /** Probe interval in milliseconds. */
  interval: attr(t.uint),
  /** IPv4 address probed. */
  target: attr(t.string),
  /** Which slaves validate the ARP replies. */
  validate: attr(t.enum('none', 'active', 'backup', 'all')),
});
export type BondArpmon = Infer<typeof BondArpmon>;

/** A slave of a bond: a bare ethernet `<interface>` (no start mode, MTU or addressing). */
export const BondSlave = el('interface', {
  type: attr(t.enum('ethernet')),
  name: attr(t.string),
  link: child(LinkSpeedState),
  mac: child(InterfaceMac),
});
export type BondSlave = Infer<typeof BondSlave>;

/** `<bond>`: the bonding mode, link monitoring and slave interfaces (the first slave is the primary for active-backup). */
export const Bond = el('bond', {
  mode: attr(t.enum('balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb')),
  miimon: child(BondMiimon),
  arpmon: child(BondArpmon),
  interface: many(BondSlave),
});
export type Bond = Infer<typeof Bond>;

/** `<interface name=/>` inside `<vlan>`: the device the VLAN sits on. */
export const VlanInterface = el('interface', { name: attr(t.string) });
export type VlanInterface = Infer<typeof VlanInterface>;

/** `<vlan tag=>`: the 802.1Q tag (0-4095) and the underlying device. */
export const InterfaceVlan = el('vlan', {
  tag: attr(t.uint),
  interface: child(VlanInterface),
});
export type InterfaceVlan = Infer<typeof InterfaceVlan>;

/** A port of a bridge: a bare ethernet, VLAN or bond `<interface>` (no start mode, MTU or addressing). */
export const BridgePort = el(
  'interface',
  {
    type: attr(t.enum('ethernet', 'vlan', 'bond')),
    /** The device name; optional for a VLAN, whose name is always DEVICE.TAG. */
    name: attr(t.string),
    link: child(LinkSpeedState),
  },
  variants('type', {
    ethernet: { mac: child(InterfaceMac) },
    vlan: { vlan: child(InterfaceVlan) },
    bond: { bond: child(Bond) },
  }),
);
export type BridgePort = Infer<typeof BridgePort>;

/** `<bridge>`: spanning tree, forward delay and the bridge's ports. */
export const InterfaceBridge = el('bridge', {
  stp: attr(t.onOff),
  /** Forward delay in seconds (may have a fraction). */
  delay: attr(t.number),
  interface: many(BridgePort),
});
export type InterfaceBridge = Infer<typeof InterfaceBridge>;

/**
 * `<interface type= name=>`: a host interface (interface.rng). Start mode, MTU and addressing
 * apply to every type; the `type` decides the rest. A bridge has no `<link>`.
 */
export const HostInterface = el(
  'interface',
  {
    type: attr(t.enum('ethernet', 'bridge', 'bond', 'vlan')),
    /** The device name (`eth0`, `br0`); optional for a VLAN, whose name is always DEVICE.TAG. */
    name: attr(t.string),
    start: child(InterfaceStart),
    mtu: child(Mtu),
    /** Addressing per IP family (an IPv4 and an IPv6 one at most). */
    protocol: many(InterfaceProtocol),
  },
  variants('type', {
    ethernet: {
      link: child(LinkSpeedState),
      mac: child(InterfaceMac),
    },
    bridge: {
      bridge: child(InterfaceBridge),
    },
    bond: {
      link: child(LinkSpeedState),
      bond: child(Bond),
    },
    vlan: {
      link: child(LinkSpeedState),
      vlan: child(InterfaceVlan),
    },
  }),
);
export type HostInterface = Infer<typeof HostInterface>;

export const interfaceDocument = defineDocument(HostInterface);
