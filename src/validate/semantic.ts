/**
 * The semantic rules libvirt applies when it defines an object, by document kind. Domain
 * rules live in ./domain/ (one file per family); the few rules of other kinds are here.
 */
import type { DocumentTypes, Kind } from '../model/index.js';
import type { Filter } from '../model/nwfilter/filter.js';
import type { Network } from '../model/network/network.js';
import type { Problem } from '../schema/problem.js';
import { domainChecks } from './domain/index.js';
import { Findings, indexed } from './domain/context.js';
import { parseMac } from './domain/interfaces.js';
import type { ValidateOptions } from './index.js';

/** A semantic check: one libvirt rule (or a family of closely related ones) over a typed document. */
export type Check<K extends Kind> = (doc: DocumentTypes[K], options: ValidateOptions) => Problem[];

export const semanticChecks: { [K in Kind]?: Check<K>[] } = {
  domain: domainChecks,
  network: [checkNetworkDhcp],
  filter: [checkFilterPriorities],
};

// ---------------------------------------------------------------------------
// network: DHCP ranges and hosts (network_conf.c, virSocketAddrGetRange)

interface Ip {
  family: 4 | 6;
  value: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tail4: bigint | undefined;
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups.
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    tail4 = parseIpv4(v4[2]);
    if (tail4 === undefined) return undefined;
    head = v4[1] + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - left.length - right.length : 0;
  if (fill < 0 || (halves.length === 1 && left.length !== 8)) return undefined;
  const all = [...left, ...Array(fill).fill('0'), ...right];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  let value = all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tail4 !== undefined) value = (value & ~0xffffffffn) | tail4;
  return value;
}

function parseIp(text: string | undefined): Ip | undefined {
  if (text === undefined) return undefined;
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** Prefix length of an `<ip>`: prefix, else netmask, else the classful default libvirt uses for IPv4, 64 for IPv6. */
function prefixOf(ip: NonNullable<Network['ip']>[number], addr: Ip): number | undefined {
  if (ip.prefix !== undefined) return ip.prefix;
  if (addr.family === 6) return 64;
  if (ip.netmask !== undefined) {
    const mask = parseIpv4(ip.netmask);
    if (mask === undefined) return undefined;
    // A netmask is some ones followed by zeros; its prefix is the number of ones.
    const bits = mask.toString(2).padStart(32, '0');
    const m = /^(1*)0*$/.exec(bits);
    return m ? m[1].length : undefined;
  }
  const first = Number(addr.value >> 24n);
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined;
}

function inSubnet(a: Ip, net: Ip, prefix: number): boolean {
  const bits = a.family === 4 ? 32n : 128n;
  const shift = bits - BigInt(prefix);
  return a.family === net.family && a.value >> shift === net.value >> shift;
}

function checkNetworkDhcp(net: Network, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  for (const [ip, i] of indexed(net.ip)) {
    const dhcp = ip.dhcp;
    const addr = parseIp(ip.address);
    if (!dhcp || !addr) continue;
    const prefix = prefixOf(ip, addr);
    const base = `/network/ip[${i}]/dhcp`;
    const subnet = `${ip.address}/${prefix}`;

    for (const [range, n] of indexed(dhcp.range)) {
      const start = parseIp(range.start);
      const end = parseIp(range.end);
      if (!start || !end || prefix === undefined) continue;
      const path = `${base}/range[${n}]`;
      if (!inSubnet(start, addr, prefix) || !inSubnet(end, addr, prefix)) {
        r.error({
          rule: 'network-dhcp-range',
          path,
          value: `${range.start} - ${range.end}`,
          message: `DHCP range ${range.start} - ${range.end} is not entirely within the network ${subnet}; expected both ends inside it`,
          at: [ip, dhcp, range],
        });
      } else if (start.value > end.value) {
        r.error({
          rule: 'network-dhcp-range',
          path,
          value: `${range.start} - ${range.end}`,
          message: `DHCP range ${range.start} - ${range.end} is reversed; expected start <= end`,
          at: [ip, dhcp, range],
        });
      }
    }

    // dnsmasq gives a duplicated MAC or address to one of the hosts only.
    const macs = new Map<string, number>();
    const ips = new Map<string, number>();
    for (const [host, n] of indexed(dhcp.host)) {
      const path = `${base}/host[${n}]`;
      const at = [ip, dhcp, host];
      const octets = host.mac === undefined ? undefined : parseMac(host.mac);
      if (octets) {
        const key = octets.join(':');
        if (macs.has(key)) {
          r.warning({
            rule: 'duplicate-dhcp-host-mac',
            path: `${path}/@mac`,
            value: host.mac,
            message: `DHCP host MAC ${host.mac} is already listed at ${base}/host[${macs.get(key)}]; only one of the entries can take effect`,
            at,
          });
        } else macs.set(key, n);
      }
      const hostIp = parseIp(host.ip);
      if (!hostIp) continue;
      const key = `${hostIp.family}/${hostIp.value}`;
      if (ips.has(key)) {
        r.warning({
          rule: 'duplicate-dhcp-host-ip',
          path: `${path}/@ip`,
          value: host.ip,
          message: `DHCP host address ${host.ip} is already given to ${base}/host[${ips.get(key)}]; two clients cannot hold one address`,
          at,
        });
      } else ips.set(key, n);
      if (prefix !== undefined && hostIp.family === addr.family && !inSubnet(hostIp, addr, prefix)) {
        r.warning({
          rule: 'network-dhcp-host-subnet',
          path: `${path}/@ip`,
          value: host.ip,
          message: `DHCP host address ${host.ip} is outside the network ${subnet}; the DHCP server cannot hand it out`,
          at,
        });
      }
    }
  }
  return r.problems;
}

// ---------------------------------------------------------------------------
// nwfilter: priorities (nwfilter_conf.c)

const PRIORITY_MIN = -1000;
const PRIORITY_MAX = 1000;

function checkFilterPriorities(filter: Filter, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const range = `${PRIORITY_MIN}..${PRIORITY_MAX}`;
  if (filter.priority !== undefined && (filter.priority < PRIORITY_MIN || filter.priority > PRIORITY_MAX)) {
    r.error({
      rule: 'nwfilter-chain-priority',
      path: '/filter/@priority',
      value: filter.priority,
      message: `chain priority ${filter.priority} is out of range; expected ${range}`,
      at: [filter],
    });
  }
  for (const [rule, n] of indexed(filter.rule)) {
    if (rule.priority !== undefined && (rule.priority < PRIORITY_MIN || rule.priority > PRIORITY_MAX)) {
      // libvirt's parser drops an out-of-range rule priority and uses the default.
      r.warning({
        rule: 'nwfilter-rule-priority',
        path: `/filter/rule[${n}]/@priority`,
        value: rule.priority,
        message: `rule priority ${rule.priority} is out of range (${range}); libvirt ignores it and uses 500`,
        at: [filter, rule],
      });
    }
  }
  return r.problems;
}
