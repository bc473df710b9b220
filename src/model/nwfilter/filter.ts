/**
 * `<filter>`: a network traffic filter (formatnwfilter.rst). A filter is an ordered list
 * of references to other filters and of rules; each rule matches one protocol's header
 * fields. Almost every rule attribute may name a variable (`$IP`, `$IP[@1]`) that is
 * bound when the filter is instantiated for an interface, so numbers and addresses are
 * kept as strings here; their patterns (value or variable) are checked by validation.
 */
import { attr, el, leaf, many, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { InterfaceFilterref } from '../domain/interface.js';

// ---------------------------------------------------------------------------
// Value types: a literal of the attribute's kind, or a variable reference.

/** `$NAME`, `$NAME[2]` (a list element) or `$NAME[@1]` (driven by iterator 1). */
const VAR = '\\$[ ]*[a-zA-Z0-9_]+(\\[[ ]*@?[0-9]+[ ]*\\])?[ ]*';
const MAC = '([a-fA-F0-9]{1,2}:){5}[a-fA-F0-9]{1,2}';
const IPV4 = '([0-2]?[0-9]?[0-9]\\.){3}[0-2]?[0-9]?[0-9]';
const IPV6 = `([a-fA-F0-9]{0,4}:){2,7}([a-fA-F0-9]*)(${IPV4})?`;
const UINT = '[0-9]+';

/** A value type matching one of the alternatives (each anchored), or a variable. */
function orVar(name: string, ...alternatives: string[]) {
  return t.pattern(`${name} or variable`, `^(${[...alternatives, VAR].join('|')})$`);
}

const macAddr = orVar('MAC address', MAC);
const macMask = orVar('MAC mask', MAC);
const ipAddr = orVar('IPv4 address', IPV4);
/** Prefix length (0-32) or dotted netmask. */
const ipMask = orVar('IPv4 mask', UINT, IPV4);
const ipv6Addr = orVar('IPv6 address', IPV6);
/** Prefix length (0-128) or IPv6 netmask. */
const ipv6Mask = orVar('IPv6 mask', UINT, IPV6);
/** 0-255, decimal or hex. */
const uint8 = orVar('8-bit unsigned integer', UINT, '0x[0-9a-fA-F]{1,2}');
/** 0-65535, decimal or hex. */
const uint16 = orVar('16-bit unsigned integer', UINT, '0x[0-9a-fA-F]{1,4}');
/** 0-4294967295, decimal or hex. */
const uint32 = orVar('32-bit unsigned integer', UINT, '0x[0-9a-fA-F]{1,8}');
/** Differentiated Services Code Point, 0-63. */
const dscpType = orVar('DSCP (0-63)', UINT, '0x([0-3][0-9a-fA-F]|[0-9a-fA-F])');
/** Layer 3 protocol of an Ethernet frame: 0x600-0xffff or a name. */
const etherProtocol = orVar('ethertype', UINT, '0x[0-9a-fA-F]{3,4}', 'arp', 'rarp', 'ipv4', 'ipv6', 'vlan');
const vlanId = orVar('VLAN id (0-4095)', UINT, '0x[0-9a-fA-F]{1,3}');
/** Layer 4 protocol of an IP packet: a number or a name. */
const ipProtocol = orVar('IP protocol', UINT, '0x[0-9a-fA-F]{1,2}', 'tcp', 'udp', 'udplite', 'esp', 'ah', 'icmp', 'igmp', 'sctp', 'icmpv6');
const arpOpcode = orVar(
  'ARP opcode',
  UINT,
  '[Rr]eply|[Rr]equest|[Rr]equest_[Rr]everse|[Rr]eply_[Rr]everse|DRARP_[Rr]equest|DRARP_[Rr]eply|DRARP_[Ee]rror|InARP_[Rr]equest|ARP_NAK',
);
/** libvirt's nwfilter boolean: yes/no, true/false or 1/0. */
const nwBoolean = orVar('boolean', 'yes', 'no', 'true', 'false', '1', '0');
const CONNSTATE = '(NEW|ESTABLISHED|RELATED|INVALID)';
/** Connection tracking states, comma-separated, or NONE. */
const stateFlags = orVar('connection states', `${CONNSTATE}(,${CONNSTATE})*`, 'NONE');
const TCPFLAG = '(SYN|ACK|URG|PSH|FIN|RST)';
const TCPFLAGS = `(${TCPFLAG}(,${TCPFLAG})*|ALL|NONE)`;
/** `mask/set`: the flags to examine and those of them that must be set. */
const tcpFlags = orVar('TCP flags', `${TCPFLAGS}/${TCPFLAGS}`);
const ipsetName = orVar('ipset name', '[a-zA-Z0-9_\\.:\\-\\+ ]{1,31}');
const ipsetFlags = orVar('ipset flags', '([Ss][Rr][Cc]|[Dd][Ss][Tt])(,([Ss][Rr][Cc]|[Dd][Ss][Tt])){0,5}');
/** The filter's chain: `root`, or a protocol chain name optionally followed by a suffix (`arp-xyz`). */
const chainName = t.pattern(
  'chain name',
  '^(root|mac[a-zA-Z0-9_\\.:\\-]{0,9}|stp[a-zA-Z0-9_\\.:\\-]{0,9}|vlan[a-zA-Z0-9_\\.:\\-]{0,8}|arp[a-zA-Z0-9_\\.:\\-]{0,9}|rarp[a-zA-Z0-9_\\.:\\-]{0,8}|ipv4[a-zA-Z0-9_\\.:\\-]{0,8}|ipv6[a-zA-Z0-9_\\.:\\-]{0,8})$',
);
const filterName = t.pattern('filter name', '^[A-Za-z_][A-Za-z0-9_.\\-]*$');

// ---------------------------------------------------------------------------
// Attribute groups shared by the protocol elements, in the order libvirt writes them.

/** `match='no'` negates every other attribute of the element (formatnwfilter.rst "Supported protocols"). */
const matchAttr = { match: attr(t.yesNo) } as const;

/** Ethernet source and destination of the layer 2 protocols. */
const l2Attrs = {
  srcmacaddr: attr(macAddr),
  srcmacmask: attr(macMask),
  dstmacaddr: attr(macAddr),
  dstmacmask: attr(macMask),
} as const;

/** An address type and its mask type: IPv4 or IPv6. */
type AddrTypes = { addr: typeof ipAddr; mask: typeof ipMask };
const v4: AddrTypes = { addr: ipAddr, mask: ipMask };
const v6: AddrTypes = { addr: ipv6Addr, mask: ipv6Mask };

/** Source and destination addresses of `ip` and `ipv6`. */
function ipAddrFields({ addr, mask }: AddrTypes) {
  return {
    srcipaddr: attr(addr),
    srcipmask: attr(mask),
    dstipaddr: attr(addr),
    dstipmask: attr(mask),
  } as const;
}

/** Port ranges; on `ip`/`ipv6` they need `protocol`. */
const portAttrs = {
  srcportstart: attr(uint16),
  srcportend: attr(uint16),
  dstportstart: attr(uint16),
  dstportend: attr(uint16),
} as const;

/** The header fields of the layer 4 protocols over IPv4 (`tcp`, `udp`, `icmp` ...) or IPv6 (`tcp-ipv6` ...). */
function l4Fields(ip: AddrTypes) {
  return {
    srcmacaddr: attr(macAddr),
    ...ipAddrFields(ip),
    /** Start of a source address range (needs `srcipto`). */
    srcipfrom: attr(ip.addr),
    srcipto: attr(ip.addr),
    dstipfrom: attr(ip.addr),
    dstipto: attr(ip.addr),
    dscp: attr(dscpType),
    /** Drop connections beyond this number (formatnwfilter.rst "Limiting Number of Connections"). */
    connlimitAbove: attr(uint16, { xml: 'connlimit-above' }),
    /** Connection tracking states the packet must be in. */
    state: attr(stateFlags),
    /** Name of a host ipset the addresses must be in (needs `ipsetflags`). */
    ipset: attr(ipsetName),
    /** Which header parts (`src`, `dst`) are looked up in the ipset, one per ipset dimension. */
    ipsetflags: attr(ipsetFlags),
  } as const;
}

/** Free text kept with the rule and put into the firewall rule (at most 256 characters). */
const commentAttr = { comment: attr(t.string) } as const;

/** TCP options and flags. */
const tcpAttrs = {
  /** TCP option kind to match; parsed by libvirt although its schema omits it. */
  option: attr(uint8),
  /** `mask/set`, e.g. `SYN/SYN,ACK`. */
  flags: attr(tcpFlags),
} as const;

/**
 * The fields of each layer 4 protocol element over IPv4 or IPv6: `tcp`; `udp` and `sctp`
 * (`ports`); `icmp` and `icmpv6`; igmp, esp, ah, udplite and all (`plain`).
 */
function l4Protocols(ip: AddrTypes) {
  const l4 = l4Fields(ip);
  return {
    tcp: { ...matchAttr, ...l4, ...portAttrs, ...tcpAttrs, ...commentAttr },
    ports: { ...matchAttr, ...l4, ...portAttrs, ...commentAttr },
    icmp: {
      ...matchAttr,
      ...l4,
      /** ICMP (ICMPv6) message type. */
      type: attr(uint8),
      /** ICMP (ICMPv6) message code. */
      code: attr(uint8),
      ...commentAttr,
    },
    plain: { ...matchAttr, ...l4, ...commentAttr },
  } as const;
}
const l4v4 = l4Protocols(v4);
const l4v6 = l4Protocols(v6);

// ---------------------------------------------------------------------------
// Protocol elements (formatnwfilter.rst "Supported protocols")

/** `<mac>`: Ethernet frames (formatnwfilter.rst "MAC (Ethernet)"). */
export const RuleMac = el('mac', {
  ...matchAttr,
  ...l2Attrs,
  /** Layer 3 protocol: 0x600-0xffff, or arp, rarp, ipv4, ipv6, vlan. */
  protocolid: attr(etherProtocol),
  ...commentAttr,
});
export type RuleMac = Infer<typeof RuleMac>;

/** `<vlan>`: 802.1Q frames (formatnwfilter.rst "VLAN (802.1Q)"). */
export const RuleVlan = el('vlan', {
  ...matchAttr,
  ...l2Attrs,
  vlanid: attr(vlanId),
  /** Encapsulated layer 3 protocol: a number or arp, ipv4, ipv6. */
  encapProtocol: attr(etherProtocol, { xml: 'encap-protocol' }),
  ...commentAttr,
});
export type RuleVlan = Infer<typeof RuleVlan>;

/**
 * `<stp>`: spanning tree BPDUs (formatnwfilter.rst "STP (Spanning Tree Protocol)"). The
 * `-hi` attributes end the ranges their plain forms start.
 */
export const RuleStp = el('stp', {
  ...matchAttr,
  srcmacaddr: attr(macAddr),
  srcmacmask: attr(macMask),
  /** BPDU type. */
  type: attr(uint8),
  /** BPDU flags. */
  flags: attr(uint8),
  rootPriority: attr(uint16, { xml: 'root-priority' }),
  rootPriorityHi: attr(uint16, { xml: 'root-priority-hi' }),
  rootAddress: attr(macAddr, { xml: 'root-address' }),
  rootAddressMask: attr(macMask, { xml: 'root-address-mask' }),
  /** Root path cost. */
  rootCost: attr(uint32, { xml: 'root-cost' }),
  rootCostHi: attr(uint32, { xml: 'root-cost-hi' }),
  senderPriority: attr(uint16, { xml: 'sender-priority' }),
  senderPriorityHi: attr(uint16, { xml: 'sender-priority-hi' }),
  senderAddress: attr(macAddr, { xml: 'sender-address' }),
  senderAddressMask: attr(macMask, { xml: 'sender-address-mask' }),
  /** Port identifier. */
  port: attr(uint16),
  portHi: attr(uint16, { xml: 'port-hi' }),
  /** Message age timer. */
  age: attr(uint16),
  ageHi: attr(uint16, { xml: 'age-hi' }),
  maxAge: attr(uint16, { xml: 'max-age' }),
  maxAgeHi: attr(uint16, { xml: 'max-age-hi' }),
  helloTime: attr(uint16, { xml: 'hello-time' }),
  helloTimeHi: attr(uint16, { xml: 'hello-time-hi' }),
  forwardDelay: attr(uint16, { xml: 'forward-delay' }),
  forwardDelayHi: attr(uint16, { xml: 'forward-delay-hi' }),
  ...commentAttr,
});
export type RuleStp = Infer<typeof RuleStp>;

/** The fields of ARP and RARP packets. */
const arpFields = {
  ...matchAttr,
  ...l2Attrs,
  /** Hardware type. */
  hwtype: attr(uint16),
  protocoltype: attr(uint16),
  /** A number, or Request, Reply, Request_Reverse, Reply_Reverse, DRARP_Request, DRARP_Reply, DRARP_Error, InARP_Request, ARP_NAK. */
  opcode: attr(arpOpcode),
  arpsrcmacaddr: attr(macAddr),
  arpdstmacaddr: attr(macAddr),
  arpsrcipaddr: attr(ipAddr),
  /** Parsed by libvirt (since 1.2.3) although its schema omits it. */
  arpsrcipmask: attr(ipMask),
  arpdstipaddr: attr(ipAddr),
  /** Parsed by libvirt (since 1.2.3) although its schema omits it. */
  arpdstipmask: attr(ipMask),
  /** Match gratuitous ARP packets: yes/no, true/false, 1/0. */
  gratuitous: attr(nwBoolean),
  ...commentAttr,
} as const;

/** `<arp>`: ARP packets (formatnwfilter.rst "ARP/RARP"). */
export const RuleArp = el('arp', arpFields);
export type RuleArp = Infer<typeof RuleArp>;

/** `<rarp>`: RARP packets, with the fields of `<arp>` (formatnwfilter.rst "ARP/RARP"). */
export const RuleRarp = el('rarp', arpFields);
export type RuleRarp = Infer<typeof RuleRarp>;

/** `<ip>`: IPv4 packets (formatnwfilter.rst "IPv4"). */
export const RuleIp = el('ip', {
  ...matchAttr,
  ...l2Attrs,
  ...ipAddrFields(v4),
  /** Layer 4 protocol: a number, or tcp, udp, udplite, esp, ah, icmp, igmp, sctp. */
  protocol: attr(ipProtocol),
  ...portAttrs,
  dscp: attr(dscpType),
  ...commentAttr,
});
export type RuleIp = Infer<typeof RuleIp>;

/** `<ipv6>`: IPv6 packets (formatnwfilter.rst "IPv6"); `type`..`codeend` are ICMPv6 ranges. */
export const RuleIpv6 = el('ipv6', {
  ...matchAttr,
  ...l2Attrs,
  ...ipAddrFields(v6),
  /** Layer 4 protocol: a number, or tcp, udp, udplite, esp, ah, icmpv6, sctp. */
  protocol: attr(ipProtocol),
  ...portAttrs,
  /** ICMPv6 type (range start). */
  type: attr(uint8),
  typeend: attr(uint8),
  /** ICMPv6 code (range start). */
  code: attr(uint8),
  codeend: attr(uint8),
  ...commentAttr,
});
export type RuleIpv6 = Infer<typeof RuleIpv6>;

/** `<tcp>`: TCP over IPv4 (formatnwfilter.rst "TCP/UDP/SCTP"). */
export const RuleTcp = el('tcp', l4v4.tcp);
export type RuleTcp = Infer<typeof RuleTcp>;

/** `<udp>`: UDP over IPv4 (formatnwfilter.rst "TCP/UDP/SCTP"). */
export const RuleUdp = el('udp', l4v4.ports);
export type RuleUdp = Infer<typeof RuleUdp>;

/** `<sctp>`: SCTP over IPv4 (formatnwfilter.rst "TCP/UDP/SCTP"). */
export const RuleSctp = el('sctp', l4v4.ports);
export type RuleSctp = Infer<typeof RuleSctp>;

/** `<icmp>`: ICMP (formatnwfilter.rst "ICMP"). */
export const RuleIcmp = el('icmp', l4v4.icmp);
export type RuleIcmp = Infer<typeof RuleIcmp>;

/** `<igmp>`: IGMP (formatnwfilter.rst "IGMP, ESP, AH, UDPLITE, 'ALL'"). */
export const RuleIgmp = el('igmp', l4v4.plain);
export type RuleIgmp = Infer<typeof RuleIgmp>;

/** `<esp>`: IPsec ESP over IPv4 (formatnwfilter.rst "IGMP, ESP, AH, UDPLITE, 'ALL'"). */
export const RuleEsp = el('esp', l4v4.plain);
export type RuleEsp = Infer<typeof RuleEsp>;

/** `<ah>`: IPsec AH over IPv4 (formatnwfilter.rst "IGMP, ESP, AH, UDPLITE, 'ALL'"). */
export const RuleAh = el('ah', l4v4.plain);
export type RuleAh = Infer<typeof RuleAh>;

/** `<udplite>`: UDP-Lite over IPv4 (formatnwfilter.rst "IGMP, ESP, AH, UDPLITE, 'ALL'"). */
export const RuleUdplite = el('udplite', l4v4.plain);
export type RuleUdplite = Infer<typeof RuleUdplite>;

/** `<all>`: any IPv4 protocol (formatnwfilter.rst "IGMP, ESP, AH, UDPLITE, 'ALL'"). */
export const RuleAll = el('all', l4v4.plain);
export type RuleAll = Infer<typeof RuleAll>;

/** `<tcp-ipv6>`: TCP over IPv6 (formatnwfilter.rst "TCP/UDP/SCTP over IPV6"). */
export const RuleTcpIpv6 = el('tcp-ipv6', l4v6.tcp);
export type RuleTcpIpv6 = Infer<typeof RuleTcpIpv6>;

/** `<udp-ipv6>`: UDP over IPv6 (formatnwfilter.rst "TCP/UDP/SCTP over IPV6"). */
export const RuleUdpIpv6 = el('udp-ipv6', l4v6.ports);
export type RuleUdpIpv6 = Infer<typeof RuleUdpIpv6>;

/** `<sctp-ipv6>`: SCTP over IPv6 (formatnwfilter.rst "TCP/UDP/SCTP over IPV6"). */
export const RuleSctpIpv6 = el('sctp-ipv6', l4v6.ports);
export type RuleSctpIpv6 = Infer<typeof RuleSctpIpv6>;

/** `<icmpv6>`: ICMPv6 (formatnwfilter.rst "ICMPv6"). */
export const RuleIcmpv6 = el('icmpv6', l4v6.icmp);
export type RuleIcmpv6 = Infer<typeof RuleIcmpv6>;

/** `<esp-ipv6>`: IPsec ESP over IPv6 (formatnwfilter.rst "ESP, AH, UDPLITE, 'ALL' over IPv6"). */
export const RuleEspIpv6 = el('esp-ipv6', l4v6.plain);
export type RuleEspIpv6 = Infer<typeof RuleEspIpv6>;

/** `<ah-ipv6>`: IPsec AH over IPv6 (formatnwfilter.rst "ESP, AH, UDPLITE, 'ALL' over IPv6"). */
export const RuleAhIpv6 = el('ah-ipv6', l4v6.plain);
export type RuleAhIpv6 = Infer<typeof RuleAhIpv6>;

/** `<udplite-ipv6>`: UDP-Lite over IPv6 (formatnwfilter.rst "ESP, AH, UDPLITE, 'ALL' over IPv6"). */
export const RuleUdpliteIpv6 = el('udplite-ipv6', l4v6.plain);
export type RuleUdpliteIpv6 = Infer<typeof RuleUdpliteIpv6>;

/** `<all-ipv6>`: any IPv6 protocol (formatnwfilter.rst "ESP, AH, UDPLITE, 'ALL' over IPv6"). */
export const RuleAllIpv6 = el('all-ipv6', l4v6.plain);
export type RuleAllIpv6 = Infer<typeof RuleAllIpv6>;

// ---------------------------------------------------------------------------
// Rules and the filter

/**
 * `<rule>`: one filtering rule (formatnwfilter.rst "Filter rules"). It holds at most one
 * protocol, but its element may appear twice: libvirt writes the negated attributes
 * (`match='no'`) and the plain ones of a rule in two elements of the same protocol, so
 * every protocol property is an array, normally of one element. A rule without a
 * protocol element matches all traffic.
 */
export const Rule = el('rule', {
  action: attr(t.enum('drop', 'accept', 'reject', 'continue', 'return'), { required: true }),
  direction: attr(t.enum('in', 'out', 'inout'), { required: true }),
  /** Order of instantiation, -1000..1000, lower first; 500 when absent. */
  priority: attr(t.int),
  /** `false` or `0` turns connection state matching off for this rule. */
  statematch: attr(t.pattern('false or 0', '^([Ff][Aa][Ll][Ss][Ee]|0)$')),
  mac: many(RuleMac),
  vlan: many(RuleVlan),
  stp: many(RuleStp),
  arp: many(RuleArp),
  rarp: many(RuleRarp),
  ip: many(RuleIp),
  ipv6: many(RuleIpv6),
  tcp: many(RuleTcp),
  udp: many(RuleUdp),
  sctp: many(RuleSctp),
  icmp: many(RuleIcmp),
  igmp: many(RuleIgmp),
  all: many(RuleAll),
  esp: many(RuleEsp),
  ah: many(RuleAh),
  udplite: many(RuleUdplite),
  tcpIpv6: many(RuleTcpIpv6),
  udpIpv6: many(RuleUdpIpv6),
  sctpIpv6: many(RuleSctpIpv6),
  icmpv6: many(RuleIcmpv6),
  allIpv6: many(RuleAllIpv6),
  espIpv6: many(RuleEspIpv6),
  ahIpv6: many(RuleAhIpv6),
  udpliteIpv6: many(RuleUdpliteIpv6),
});
export type Rule = Infer<typeof Rule>;

/**
 * `<filter>`: the root of a network filter document (formatnwfilter.rst "Element and
 * attribute overview"). References and rules form one ordered list: a parsed document
 * keeps how they interleave (in `$xml.order`); entries added in code are written with
 * the references first, then the rules, each in array order.
 */
export const Filter = el('filter', {
  name: attr(filterName, { required: true }),
  /** Chain the rules go into: `root`, or mac, stp, vlan, arp, rarp, ipv4, ipv6 with an optional suffix (`arp-xyz`). */
  chain: attr(chainName),
  /** Position of the chain within the root chain, -1000..1000, lower first (formatnwfilter.rst "Filtering chain priorities"). */
  priority: attr(t.int),
  uuid: leaf(t.uuid),
  /** References to other filters, whose rules are evaluated in place (formatnwfilter.rst "References to other filters"). */
  filterref: many(InterfaceFilterref),
  rule: many(Rule),
});
export type Filter = Infer<typeof Filter>;

export const filterDocument = defineDocument(Filter);
