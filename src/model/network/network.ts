/**
 * `<network>`: a virtual network of the host (formatnetwork.rst; network.rng).
 *
 * The shapes shared with the domain's `<interface>` (bandwidth, VLAN, virtual port, MTU,
 * routes, port options) come from the domain model's netcommon.ts; the PCI passthrough
 * driver comes from the domain's hostdev.ts.
 */
import { attr, child, el, leaf, leaves, many, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { Metadata } from '../domain/metadata.js';
import { HostdevDriver } from '../domain/hostdev.js';
import { Bandwidth, Mtu, PortOptions, Route, VirtualPort, Vlan } from '../domain/netcommon.js';

/** The namespace of the dnsmasq pass-through options (formatnetwork.rst "Network namespaces"). */
export const DNSMASQ_NS = { uri: 'http://libvirt.org/schemas/network/dnsmasq/1.0', prefix: 'dnsmasq' };

/** `ipv4` or `ipv6`. */
const addrFamily = t.enum('ipv4', 'ipv6');

/** An IPv4 or IPv6 address (basictypes.rng ipAddr; kept as written). */
const ipAddr = t.string;

/** A dotted-quad IPv4 address (basictypes.rng ipv4Addr). */
const ipv4Addr = t.pattern('ipv4 address', '^(((25[0-5])|(2[0-4][0-9])|(1[0-9]{2})|([1-9][0-9])|([0-9]))\\.){3}((25[0-5])|(2[0-4][0-9])|(1[0-9]{2})|([1-9][0-9])|([0-9]))$');

/** A unicast MAC address: the multicast bit of the first byte is clear (basictypes.rng uniMacAddr). */
export const uniMac = t.pattern('unicast mac address', '^[a-fA-F0-9][02468aAcCeE](:[a-fA-F0-9]{2}){5}$');

/** A host network device name (basictypes.rng deviceName). */
export const deviceName = t.pattern('device name', '^[a-zA-Z0-9_\\.\\-\\\\:/]+$');

/** A DNS name (basictypes.rng dnsName). */
const dnsName = t.pattern('dns name', '^[a-zA-Z0-9\\.\\-]+$');

/** Who manages a bridge's MAC table (networkcommon.rng macTableManager). */
export const macTableManager = t.enum('kernel', 'libvirt');

// ---------------------------------------------------------------------------
// Connectivity

/** `<bridge>`: the host bridge device the network is built on (formatnetwork.rst "Connectivity"). */
export const NetworkBridge = el('bridge', {
  /** Bridge device name; generated (`virbrN`) for nat, route, open and isolated networks when absent. */
  name: attr(deviceName),
  /** firewalld zone of the bridge (default `libvirt`). */
  zone: attr(t.pattern('zone name', '^[a-zA-Z0-9_\\-]+$')),
  /** Spanning Tree Protocol (default on). */
  stp: attr(t.onOff),
  /** Forward delay in seconds. */
  delay: attr(t.uint),
  /** Who manages the bridge's MAC table: the kernel (learning, flooding) or libvirt. */
  macTableManager: attr(macTableManager),
});
export type NetworkBridge = Infer<typeof NetworkBridge>;

/** `<mac address=.../>`: MAC address of the bridge device (formatnetwork.rst "Addressing"). */
export const NetworkMac = el('mac', {
  address: attr(uniMac, { required: true }),
});
export type NetworkMac = Infer<typeof NetworkMac>;

/** `<interface dev=.../>` of a `<forward>`: one host device of the pool of forwarding devices. */
export const ForwardInterface = el('interface', {
  dev: attr(deviceName, { required: true }),
  /** Output only (live XML): number of guest interfaces currently using the device. */
  connections: attr(t.uint),
});
export type ForwardInterface = Infer<typeof ForwardInterface>;

/** `<address type='pci' .../>` of a `<forward mode='hostdev'>`: one host PCI device (SR-IOV VF) of the pool. */
export const ForwardAddress = el('address', {
  /** Always `pci`. */
  type: attr(t.enum('pci'), { required: true }),
  domain: attr(t.hex(4)),
  bus: attr(t.hex(2)),
  slot: attr(t.hex(2)),
  function: attr(t.hex(1)),
  multifunction: attr(t.onOff),
  /** Output only (live XML): number of guest interfaces currently using the device. */
  connections: attr(t.uint),
});
export type ForwardAddress = Infer<typeof ForwardAddress>;

/** `<pf dev=.../>` of a `<forward>`: the SR-IOV physical function whose virtual functions form the pool. */
export const ForwardPf = el('pf', { dev: attr(deviceName, { required: true }) });
export type ForwardPf = Infer<typeof ForwardPf>;

/** `<address start= end=/>` of a `<nat>`: the range of public IPv4 addresses used for NAT. */
export const NatAddress = el('address', {
  start: attr(ipv4Addr, { required: true }),
  end: attr(ipv4Addr, { required: true }),
});
export type NatAddress = Infer<typeof NatAddress>;

/** `<port start= end=/>` of a `<nat>`: the range of source ports used for NAT (1-65535). */
export const NatPort = el('port', {
  start: attr(t.uint, { required: true }),
  end: attr(t.uint, { required: true }),
});
export type NatPort = Infer<typeof NatPort>;

/** `<nat>` of a `<forward mode='nat'>`: NAT address and port ranges, IPv6 NAT. */
export const ForwardNat = el('nat', {
  /** `true`: also NAT IPv6 traffic (instead of routing it). */
  ipv6: attr(t.yesNo),
  address: child(NatAddress),
  port: child(NatPort),
});
export type ForwardNat = Infer<typeof ForwardNat>;

/**
 * `<forward>`: how the network reaches the outside (formatnetwork.rst "Connectivity").
 * No `<forward>` makes an isolated network. `nat`, `route` and `open` use a libvirt
 * managed bridge; `bridge` uses an existing host bridge (or macvtap bridge mode with
 * interfaces); `private`, `vepa` and `passthrough` use macvtap over a pool of `interface`s
 * or a `pf`; `hostdev` assigns SR-IOV VFs (a pool of PCI `address`es or a `pf`). A pool
 * holds either `interface`s or `address`es, never both.
 */
export const NetworkForward = el('forward', {
  /** Host device to forward through (the first of the pool when there is one). */
  dev: attr(deviceName),
  /** Forwarding mode; `nat` when absent. */
  mode: attr(t.enum('nat', 'route', 'open', 'bridge', 'passthrough', 'private', 'vepa', 'hostdev')),
  /** `hostdev` mode: whether libvirt detaches the devices from their host drivers. */
  managed: attr(t.yesNo),
  /** `hostdev` mode: the passthrough backend. */
  driver: child(HostdevDriver),
  /** `nat` mode only. */
  nat: child(ForwardNat),
  pf: child(ForwardPf),
  interface: many(ForwardInterface),
  address: many(ForwardAddress),
});
export type NetworkForward = Infer<typeof NetworkForward>;

/** `<domain name=.../>`: DNS domain of the DHCP clients (formatnetwork.rst "Connectivity"). */
export const NetworkDomain = el('domain', {
  name: attr(dnsName, { required: true }),
  /** `true`: requests for this domain are never forwarded to the host's resolver. */
  localOnly: attr(t.yesNo),
  /** `true`: register the network's DNS server for this domain with the host's resolver (systemd-resolved). */
  register: attr(t.yesNo),
});
export type NetworkDomain = Infer<typeof NetworkDomain>;

// ---------------------------------------------------------------------------
// DNS

/** `<forwarder>` of `<dns>`: an upstream server, optionally only for one domain (formatnetwork.rst "Addressing"). */
export const DnsForwarder = el('forwarder', {
  /** Domain whose requests go to this server; with no `addr`, requests for it are resolved locally only. */
  domain: attr(dnsName),
  addr: attr(ipAddr),
});
export type DnsForwarder = Infer<typeof DnsForwarder>;

/** `<txt name= value=/>` of `<dns>`: a DNS TXT record. */
export const DnsTxt = el('txt', {
  name: attr(dnsName, { required: true }),
  value: attr(t.string, { required: true }),
});
export type DnsTxt = Infer<typeof DnsTxt>;

/** `<srv>` of `<dns>`: a DNS SRV record. */
export const DnsSrv = el('srv', {
  service: attr(t.string, { required: true }),
  protocol: attr(t.enum('tcp', 'udp'), { required: true }),
  domain: attr(dnsName),
  target: attr(t.string),
  port: attr(t.uint),
  priority: attr(t.uint),
  weight: attr(t.uint),
});
export type DnsSrv = Infer<typeof DnsSrv>;

/** `<host ip=...>` of `<dns>`: names the DNS server resolves to an address. */
export const DnsHost = el('host', {
  ip: attr(ipAddr, { required: true }),
  /** `<hostname>` elements: names of the address (at least one). */
  hostname: leaves(dnsName, { required: true }),
});
export type DnsHost = Infer<typeof DnsHost>;

/** `<dns>`: the network's DNS server (formatnetwork.rst "Addressing"). */
export const NetworkDns = el('dns', {
  /** `false`: no DNS server at all for this network. */
  enable: attr(t.yesNo),
  /** `false`: names without a domain are not forwarded to the host's resolver. */
  forwardPlainNames: attr(t.yesNo),
  forwarder: many(DnsForwarder),
  txt: many(DnsTxt),
  srv: many(DnsSrv),
  host: many(DnsHost),
});
export type NetworkDns = Infer<typeof NetworkDns>;

// ---------------------------------------------------------------------------
// IP addressing and DHCP

/** `<tftp root=.../>` of `<ip>`: the directory served by the network's TFTP server. */
export const IpTftp = el('tftp', { root: attr(t.string, { required: true }) });
export type IpTftp = Infer<typeof IpTftp>;

/** `<lease>` of a DHCP range or host: the lease time; `expiry='0'` is an infinite lease. */
export const DhcpLease = el('lease', {
  expiry: attr(t.uint, { required: true }),
  /** Unit of `expiry` (default minutes). */
  unit: attr(t.enum('seconds', 'minutes', 'hours')),
});
export type DhcpLease = Infer<typeof DhcpLease>;

/** `<range start= end=>` of `<dhcp>`: addresses the DHCP server hands out. */
export const DhcpRange = el('range', {
  start: attr(ipAddr, { required: true }),
  end: attr(ipAddr, { required: true }),
  lease: child(DhcpLease),
});
export type DhcpRange = Infer<typeof DhcpRange>;

/** `<host>` of `<dhcp>`: a fixed address for a client, known by MAC (IPv4), DUID `id` (IPv6) or name. */
export const DhcpHost = el('host', {
  /** Client MAC address (IPv4). */
  mac: attr(uniMac),
  /** DHCPv6 client DUID. */
  id: attr(t.string),
  /** Host name given to the client. */
  name: attr(t.string),
  ip: attr(ipAddr, { required: true }),
  lease: child(DhcpLease),
});
export type DhcpHost = Infer<typeof DhcpHost>;

/** `<bootp file= server=/>` of `<dhcp>`: the BOOTP boot file and the server that holds it. */
export const DhcpBootp = el('bootp', {
  file: attr(t.string, { required: true }),
  /** Server holding `file` (name or address); the host itself when absent. */
  server: attr(dnsName),
});
export type DhcpBootp = Infer<typeof DhcpBootp>;

/** `<dhcp>` of `<ip>`: the DHCP server of this address (formatnetwork.rst "Addressing"). */
export const IpDhcp = el('dhcp', {
  range: many(DhcpRange),
  host: many(DhcpHost),
  bootp: child(DhcpBootp),
});
export type IpDhcp = Infer<typeof IpDhcp>;

/** `<ip>`: an address of the host on the network, with its optional DHCP and TFTP service (formatnetwork.rst "Addressing"). */
export const NetworkIp = el('ip', {
  /** `ipv4` when absent. */
  family: attr(addrFamily),
  address: attr(ipAddr),
  /** IPv4 netmask (alternative to `prefix`). */
  netmask: attr(ipv4Addr),
  prefix: attr(t.uint),
  /** `true`: reverse lookups in this address's range are answered locally only. */
  localPtr: attr(t.yesNo),
  tftp: child(IpTftp),
  dhcp: child(IpDhcp),
});
export type NetworkIp = Infer<typeof NetworkIp>;

// ---------------------------------------------------------------------------
// Portgroups

/** `<portgroup>`: a named set of port settings guests can pick (formatnetwork.rst "Portgroups"). */
export const Portgroup = el('portgroup', {
  name: attr(deviceName, { required: true }),
  /** `true`: used by interfaces that name no portgroup. */
  default: attr(t.yesNo),
  /** Whether guest changes of MAC address and receive filters are trusted. */
  trustGuestRxFilters: attr(t.yesNo),
  vlan: child(Vlan),
  virtualport: child(VirtualPort),
  bandwidth: child(Bandwidth),
});
export type Portgroup = Infer<typeof Portgroup>;

// ---------------------------------------------------------------------------
// dnsmasq namespace

/** `<dnsmasq:option value=.../>`: one line added to the network's dnsmasq configuration. */
export const DnsmasqOption = el('option', { value: attr(t.string, { required: true }) }, { ns: DNSMASQ_NS });
export type DnsmasqOption = Infer<typeof DnsmasqOption>;

/** `<dnsmasq:options>`: extra dnsmasq configuration (formatnetwork.rst "Network namespaces"). */
export const DnsmasqOptions = el('options', { option: many(DnsmasqOption) }, { ns: DNSMASQ_NS });
export type DnsmasqOptions = Infer<typeof DnsmasqOptions>;

// ---------------------------------------------------------------------------
// Root

/** `<network>`: a virtual network (formatnetwork.rst). */
export const Network = el('network', {
  /** Output only (live XML): number of guest interfaces connected. */
  connections: attr(t.uint),
  /** `true`: IPv6 between guests even without an IPv6 gateway address. */
  ipv6: attr(t.yesNo),
  /** Default for the portgroups and interfaces: whether guest receive filter changes are trusted. */
  trustGuestRxFilters: attr(t.yesNo),
  name: leaf(t.string, { required: true }),
  uuid: leaf(t.uuid),
  title: leaf(t.string),
  description: leaf(t.string),
  metadata: child(Metadata),
  forward: child(NetworkForward),
  bridge: child(NetworkBridge),
  mtu: child(Mtu),
  mac: child(NetworkMac),
  domain: child(NetworkDomain),
  dns: child(NetworkDns),
  vlan: child(Vlan),
  bandwidth: child(Bandwidth),
  /** Port options of every port of the network (`isolated`). */
  port: child(PortOptions),
  ip: many(NetworkIp),
  route: many(Route),
  virtualport: child(VirtualPort),
  portgroup: many(Portgroup),
  /** `<dnsmasq:options>` in the dnsmasq namespace. */
  options: child(DnsmasqOptions),
});
export type Network = Infer<typeof Network>;

export const networkDocument = defineDocument(Network);
