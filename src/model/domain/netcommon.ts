/**
 * Network elements shared by domain interfaces and the network documents (networkcommon.rng):
 * quality of service, VLAN tags, virtual port profiles, port forwarding, routes, MTU and
 * port options (formatdomain.rst "Network interfaces"; formatnetwork.rst).
 */
import { attr, child, el, many, t, variants, type Infer } from '../../schema/index.js';

// ---------------------------------------------------------------------------
// Quality of service

/** Traffic shaping values of one direction: rates in KiB/s, burst in KiB. */
const bandwidthAttrs = {
  /** Average bit rate, KiB/s. */
  average: attr(t.uint),
  /** Maximum rate at which the interface may send, KiB/s. */
  peak: attr(t.uint),
  /** Guaranteed minimal throughput (inbound only, networks with a bridge), KiB/s. */
  floor: attr(t.uint),
  /** KiB that may be sent in a single burst at peak speed. */
  burst: attr(t.uint),
} as const;

/** `<inbound>` of a `<bandwidth>`: traffic shaping of incoming traffic. */
export const BandwidthInbound = el('inbound', bandwidthAttrs);
export type BandwidthInbound = Infer<typeof BandwidthInbound>;

/** `<outbound>` of a `<bandwidth>`: traffic shaping of outgoing traffic. */
export const BandwidthOutbound = el('outbound', bandwidthAttrs);
export type BandwidthOutbound = Infer<typeof BandwidthOutbound>;

/** `<bandwidth>`: quality of service (formatdomain.rst "Quality of service"; formatnetwork.rst). */
export const Bandwidth = el('bandwidth', {
  /** Output only (network status): the traffic class libvirt assigned. */
  classID: attr(t.uint),
  inbound: child(BandwidthInbound),
  outbound: child(BandwidthOutbound),
});
export type Bandwidth = Infer<typeof Bandwidth>;

// ---------------------------------------------------------------------------
// VLAN

/** `<tag>` of a `<vlan>`: one VLAN id. */
export const VlanTag = el('tag', {
  /** VLAN id, 0-4095. */
  id: attr(t.uint),
  /** On a trunk, whether this VLAN's traffic is tagged (Open vSwitch). */
  nativeMode: attr(t.enum('tagged', 'untagged')),
});
export type VlanTag = Infer<typeof VlanTag>;

/** `<vlan>`: VLAN tagging (formatdomain.rst "Setting VLAN tag"; formatnetwork.rst). */
export const Vlan = el('vlan', {
  /** `true` (only `yes` is allowed) makes the port a trunk even with a single tag. */
  trunk: attr(t.yesNo),
  tag: many(VlanTag),
});
export type Vlan = Infer<typeof Vlan>;

// ---------------------------------------------------------------------------
// Virtual port profiles

/** The VSI parameters of 802.1Qbg. */
const vsiParameters = {
  /** VSI manager id, 0-255. */
  managerid: attr(t.uint),
  /** VSI type id, 24 bits. */
  typeid: attr(t.uint),
  /** VSI type version, 0-255. */
  typeidversion: attr(t.uint),
  /** VSI instance id; generated when absent. */
  instanceid: attr(t.uuid),
} as const;

/** `<parameters>` of an 802.1Qbg (VEPA/VDP) virtual port. */
export const VirtualPortParameters8021Qbg = el('parameters', vsiParameters);

/** `<parameters>` of an 802.1Qbh (VN-Tag) virtual port. */
export const VirtualPortParameters8021Qbh = el('parameters', {
  /** Port profile name. */
  profileid: attr(t.string),
});

/** `<parameters>` of an Open vSwitch virtual port. */
export const VirtualPortParametersOpenvswitch = el('parameters', {
  /** Open vSwitch port profile name. */
  profileid: attr(t.string),
  /** Open vSwitch interface id; generated when absent. */
  interfaceid: attr(t.uuid),
});

/** `<parameters>` of a MidoNet virtual port. */
export const VirtualPortParametersMidonet = el('parameters', {
  /** MidoNet virtual port id the interface binds to. */
  interfaceid: attr(t.uuid),
});

/** `<parameters>` of a virtual port without a type: any parameter; the type comes from a network or is completed later. */
export const VirtualPortParametersAny = el('parameters', {
  ...vsiParameters,
  profileid: attr(t.string),
  interfaceid: attr(t.uuid),
});

/**
 * `<virtualport>`: the virtual port profile of a switch port (formatdomain.rst
 * "Virtual network", "Bridge to LAN", "Direct attachment to physical interface";
 * formatnetwork.rst). The `type` decides the parameters. The `''` case stands for a
 * virtualport without a `type` attribute (leave `type` out; never write `type: ''`).
 */
export const VirtualPort = el(
  'virtualport',
  {
    type: attr(t.enum('802.1Qbg', '802.1Qbh', 'openvswitch', 'midonet')),
  },
  variants(
    'type',
    {
      '802.1Qbg': { parameters: child(VirtualPortParameters8021Qbg) },
      '802.1Qbh': { parameters: child(VirtualPortParameters8021Qbh) },
      openvswitch: { parameters: child(VirtualPortParametersOpenvswitch) },
      midonet: { parameters: child(VirtualPortParametersMidonet) },
      '': { parameters: child(VirtualPortParametersAny) },
    },
    '',
  ),
);
export type VirtualPort = Infer<typeof VirtualPort>;

// ---------------------------------------------------------------------------
// Port forwarding (passt)

/** `<range>` of a `<portForward>`: ports to forward (or, with `exclude`, not to forward). */
export const PortForwardRange = el('range', {
  start: attr(t.int),
  /** Last port of the range (inclusive); a single port when absent. */
  end: attr(t.int),
  /** Port in the guest that `start` maps to; the range is shifted by `to - start`. */
  to: attr(t.int),
  /** `true`: these ports are not forwarded. */
  exclude: attr(t.yesNo),
});
export type PortForwardRange = Infer<typeof PortForwardRange>;

/** `<portForward>`: incoming traffic forwarded to the guest (formatdomain.rst "Userspace connection using passt"). */
export const PortForward = el('portForward', {
  proto: attr(t.enum('tcp', 'udp')),
  /** Host address whose traffic is forwarded; all addresses when absent. */
  address: attr(t.string),
  /** Host interface whose traffic is forwarded. */
  dev: attr(t.string),
  /** Ports to forward; all ports when there is none. */
  range: many(PortForwardRange),
});
export type PortForward = Infer<typeof PortForward>;

// ---------------------------------------------------------------------------
// IP configuration

/** `<ip>` of an interface (interface-ip-info): an address given to the guest or the host side. */
export const InterfaceIp = el('ip', {
  address: attr(t.string),
  family: attr(t.enum('ipv4', 'ipv6')),
  prefix: attr(t.uint),
  /** Address of the other end of a point-to-point link. */
  peer: attr(t.string),
});
export type InterfaceIp = Infer<typeof InterfaceIp>;

/** `<route>`: a static route to a network through a gateway (formatdomain.rst "IP configuration"; formatnetwork.rst). */
export const Route = el('route', {
  family: attr(t.enum('ipv4', 'ipv6')),
  /** Network address of the destination. */
  address: attr(t.string),
  /** IPv4 netmask of the destination (alternative to `prefix`). */
  netmask: attr(t.string),
  prefix: attr(t.uint),
  gateway: attr(t.string),
  metric: attr(t.uint),
});
export type Route = Infer<typeof Route>;

// ---------------------------------------------------------------------------
// Other shared options

/** `<mtu size='N'/>`: maximum transmission unit in bytes (formatdomain.rst "MTU configuration"). */
export const Mtu = el('mtu', { size: attr(t.uint) });
export type Mtu = Infer<typeof Mtu>;

/** `<port isolated='yes'/>`: port options (formatdomain.rst "Isolating guests' network traffic from each other"). */
export const PortOptions = el('port', {
  /** `true`: no traffic to or from other isolated ports of the same bridge. */
  isolated: attr(t.yesNo),
});
export type PortOptions = Infer<typeof PortOptions>;
