/**
 * Network interface rules. MAC addresses: libvirt's parser (virMacAddrParse) wants six
 * colon-separated groups of one or two hex digits and refuses a multicast address (lowest
 * bit of the first octet set); two interfaces with one MAC are accepted but break
 * networking in the guest. Virtio queue sizes must be powers of two (QEMU's virtio-net).
 */
import type { Domain, Interface } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed } from './context.js';
import { devicePath } from './devices.js';

/** The six octets of a MAC address as libvirt reads it, or undefined when it cannot. */
export function parseMac(text: string): number[] | undefined {
  // libvirt stops at the first character at or below a space after the last group.
  if (!/^[0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{1,2}){5}(?:[\x00-\x20].*)?$/s.test(text)) return undefined;
  return text.split(/[\x00-\x20]/)[0].split(':').map((g) => parseInt(g, 16));
}

/** Canonical lower-case spelling, so that `00:0A:...` and `0:a:...` compare equal. */
function canonicalMac(octets: number[]): string {
  return octets.map((o) => o.toString(16).padStart(2, '0')).join(':');
}

export function checkInterfaces(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const owners = new Map<string, number>();
  for (const [net, n] of indexed(dom.devices?.interface)) {
    checkQueueSizes(r, net, n);
    const mac = net.mac;
    const text = mac?.address;
    if (text === undefined) continue;
    const path = `${devicePath('interface', n)}/mac/@address`;
    const octets = parseMac(text);
    if (!octets) {
      r.error({
        rule: 'mac-malformed',
        path,
        value: text,
        message: `MAC address '${text}' cannot be read; expected six colon-separated hex octets such as 52:54:00:12:34:56`,
        at: [net, mac],
      });
      continue;
    }
    if (octets[0] & 1) {
      r.error({
        rule: 'mac-multicast',
        path,
        value: text,
        message: `MAC address '${text}' is a multicast address (first octet ${octets[0].toString(16).padStart(2, '0')} is odd); expected a unicast address such as 52:54:00:12:34:56`,
        at: [net, mac],
      });
      continue;
    }
    // Failover teams (formatdomain.rst "Teaming a virtio/hostdev NIC") share one MAC on purpose.
    if (net.teaming) continue;
    const key = canonicalMac(octets);
    const first = owners.get(key);
    if (first !== undefined) {
      r.warning({
        rule: 'duplicate-mac',
        path,
        value: text,
        message: `MAC address '${text}' is also used by ${devicePath('interface', first)}; two interfaces with one MAC address confuse the network`,
        at: [net, mac],
      });
    } else owners.set(key, n);
  }
  return r.problems;
}

/** virtio-net queue sizes (qemuValidateDomainDeviceDefNetwork): powers of two. */
function checkQueueSizes(r: Findings, net: Interface, n: number): void {
  if (!net.model?.type?.startsWith('virtio')) return;
  const driver = net.driver;
  for (const key of ['rx_queue_size', 'tx_queue_size'] as const) {
    const size = driver?.[key];
    if (size === undefined || size === 0 || (size & (size - 1)) === 0) continue;
    r.error({
      rule: 'interface-queue-size',
      path: `${devicePath('interface', n)}/driver/@${key}`,
      value: size,
      message: `${key} ${size} is not a power of two; expected a size such as 256, 512 or 1024`,
      at: [net, driver],
    });
  }
}
