/**
 * Documents built from scratch in code: the example programs' documents, the whole documents
 * the unit tests build (they import them from here, so that there is one source), and a few
 * more realistic ones of the same kinds. `test/judge/built.test.ts` has libvirt's schema and
 * libvirt's parser judge every one of them.
 *
 * Each builder returns a fresh object, so a test may change what it gets.
 */
import type { Domain, Filter, Network } from '../../src/index.js';
import type { Rule, RuleStp } from '../../src/model/nwfilter/filter.js';
import { buildGuest } from '../../examples/build-guest.js';
import { editGuest } from '../../examples/edit-guest.js';
import { natNetwork } from '../../examples/network.js';
import { webServerFilter } from '../../examples/filter.js';

// ---------------------------------------------------------------------------------------------
// Domains

/**
 * A guest with memory, CPU and tuning settings (hugepages, pinning, NUMA); the unit test
 * "building cpu, memory and tuning from scratch in code" checks how it is written.
 */
export function tunedGuest(): Domain {
  return {
    type: 'kvm',
    name: 'vm1',
    memory: { unit: 'GiB', value: 4 },
    memoryBacking: { hugepages: { page: [{ size: 2, unit: 'M' }] }, access: { mode: 'shared' } },
    vcpu: { placement: 'static', value: 4 },
    cputune: { vcpupin: [{ vcpu: 0, cpuset: '2' }], emulatorsched: { scheduler: 'rr', priority: 5 } },
    numatune: { memory: { mode: 'interleave', placement: 'auto' } },
    // libvirt requires the OS type of every guest ("an os <type> must be specified").
    os: { type: { arch: 'x86_64', machine: 'q35', value: 'hvm' } },
    cpu: {
      mode: 'host-model',
      topology: { sockets: 1, cores: 2, threads: 2 },
      feature: [{ policy: 'disable', name: 'svm' }],
      numa: { cell: [{ id: 0, cpus: '0-3', memory: 4, unit: 'GiB' }] },
    },
  };
}

/**
 * A database server with the kinds of devices the device unit tests build one by one: a
 * bridged NIC with a VLAN tag, bandwidth limits and multiqueue vhost, a PCI and a USB
 * device of the host passed through, a block device disk on SCSI, a UNIX socket serial port,
 * and a watchdog.
 */
export function devicesGuest(): Domain {
  return {
    type: 'kvm',
    name: 'db-01',
    uuid: '9a3f2b1c-4d5e-4f60-8a7b-1c2d3e4f5a6b',
    memory: { value: 16, unit: 'GiB' },
    vcpu: { placement: 'static', value: 8 },
    os: { type: { arch: 'x86_64', machine: 'q35', value: 'hvm' }, boot: [{ dev: 'hd' }] },
    features: { acpi: true, apic: {} },
    cpu: { mode: 'host-passthrough', topology: { sockets: 1, cores: 4, threads: 2 } },
    clock: { offset: 'utc' },
    devices: {
      emulator: '/usr/bin/qemu-system-x86_64',
      disk: [
        {
          type: 'file',
          device: 'disk',
          driver: { name: 'qemu', type: 'qcow2', cache: 'none', io: 'native' },
          source: { file: '/var/lib/libvirt/images/db-01.qcow2' },
          target: { dev: 'vda', bus: 'virtio' },
        },
        {
          type: 'block',
          device: 'disk',
          driver: { name: 'qemu', type: 'raw', cache: 'none', io: 'native', discard: 'unmap' },
          source: { dev: '/dev/disk/by-id/wwn-0x5000c500a1b2c3d4' },
          target: { dev: 'sda', bus: 'scsi' },
          serial: 'DATA0001',
        },
      ],
      controller: [{ type: 'scsi', index: 0, model: 'virtio-scsi' }],
      interface: [
        {
          type: 'bridge',
          mac: { address: '52:54:00:00:00:01' },
          source: { bridge: 'br1' },
          vlan: { tag: [{ id: 10 }] },
          bandwidth: { inbound: { average: 125000, peak: 250000, burst: 1024 }, outbound: { average: 125000 } },
          model: { type: 'virtio' },
          driver: { name: 'vhost', queues: 4 },
        },
      ],
      hostdev: [
        {
          mode: 'subsystem',
          type: 'pci',
          managed: true,
          source: { address: { domain: 0, bus: 0x3b, slot: 0, function: 1 } },
        },
        { mode: 'subsystem', type: 'usb', source: { vendor: { id: 0x46d }, product: { id: 0xc077 } } },
      ],
      serial: [
        {
          type: 'unix',
          source: { mode: 'bind', path: '/var/lib/libvirt/qemu/db-01-serial.sock' },
          target: { type: 'isa-serial', port: 0, model: { name: 'isa-serial' } },
        },
      ],
      console: [{ type: 'unix', source: { mode: 'bind', path: '/var/lib/libvirt/qemu/db-01-serial.sock' }, target: { type: 'serial', port: 0 } }],
      watchdog: [{ model: 'i6300esb', action: 'reset' }],
      memballoon: { model: 'virtio', autodeflate: true },
    },
  };
}

/** A Linux container (LXC): its own init, the host's root file system read-only, a bridged NIC. */
export function containerGuest(): Domain {
  return {
    type: 'lxc',
    name: 'ct-01',
    memory: { value: 512, unit: 'MiB' },
    vcpu: { value: 1 },
    os: { type: { arch: 'x86_64', value: 'exe' }, init: '/sbin/init', initarg: ['--log-target=console'], initenv: [{ name: 'container_ttys', value: 'pts/0' }] },
    devices: {
      filesystem: [
        { type: 'mount', accessmode: 'passthrough', source: { dir: '/srv/containers/ct-01' }, target: { dir: '/' } },
      ],
      interface: [{ type: 'bridge', mac: { address: '52:54:00:7c:11:02' }, source: { bridge: 'br0' } }],
      console: [{ type: 'pty' }],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Networks

/**
 * A routed network with a DNS domain, DHCP, a static route, a portgroup and a dnsmasq
 * option; the unit test "network: built from a typed object literal" checks how it is written.
 */
export function routedNetwork(): Network {
  return {
    name: 'isolated',
    uuid: 'eb486e5c-4df5-42ee-ae4a-ad8557998d00',
    forward: { mode: 'route', dev: 'eth0' },
    bridge: { name: 'virbr5', stp: false, delay: 2 },
    domain: { name: 'lab.example', localOnly: true },
    dns: { enable: false },
    ip: [
      {
        address: '10.1.0.1',
        prefix: 24,
        dhcp: { range: [{ start: '10.1.0.100', end: '10.1.0.200' }], host: [{ mac: '52:54:00:aa:bb:cc', ip: '10.1.0.5' }] },
      },
    ],
    route: [{ address: '10.9.0.0', prefix: 16, gateway: '10.1.0.254' }],
    portgroup: [{ name: 'ovs', virtualport: { type: 'openvswitch', parameters: { profileid: 'p1' } } }],
    options: { option: [{ value: 'dhcp-authoritative' }] },
  };
}

/** Guests attached straight to a bridge of the host (no NAT, no DHCP from libvirt). */
export function hostBridgeNetwork(): Network {
  return {
    name: 'host-bridge',
    forward: { mode: 'bridge' },
    bridge: { name: 'br0' },
  };
}

/** An isolated dual-stack network (no forward): DHCP for IPv4 and IPv6, local DNS names. */
export function isolatedDualStackNetwork(): Network {
  return {
    name: 'private',
    ipv6: true,
    bridge: { name: 'virbr20', stp: true, delay: 0 },
    dns: { host: [{ ip: '172.20.0.10', hostname: ['store', 'store.private'] }] },
    ip: [
      { address: '172.20.0.1', prefix: 24, dhcp: { range: [{ start: '172.20.0.100', end: '172.20.0.150' }] } },
      { family: 'ipv6', address: 'fd00:20::1', prefix: 64, dhcp: { range: [{ start: 'fd00:20::100', end: 'fd00:20::1ff' }] } },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Filters

/**
 * A filter in the `stp` chain with a parameterised filter reference, a negated STP match
 * and an ICMP rule; the unit test "filter: built in code and formatted in libvirt attribute
 * order" checks how it is written.
 */
export function stpFilter(): Filter {
  const stp: RuleStp = { match: false, srcmacaddr: '$MAC', type: '0', senderAddress: '01:02:03:04:05:06', comment: 'no BPDUs' };
  const rule: Rule = { action: 'drop', direction: 'inout', priority: -100, stp: [stp] };
  return {
    name: 'built',
    chain: 'stp',
    priority: -810,
    uuid: '01a992d2-f8c8-7c27-f69b-ab0a9d377379',
    filterref: [{ filter: 'clean-traffic', parameter: [{ name: 'MAC', value: '52:54:00:7b:35:93' }] }],
    rule: [
      rule,
      {
        action: 'accept',
        direction: 'in',
        statematch: '0',
        icmp: [{ comment: 'ping', type: '8', srcipaddr: '$IP', state: 'NEW,ESTABLISHED', ipsetflags: 'src,dst', ipset: 'blocked', code: '0' }],
      },
    ],
  };
}

/**
 * IPv6 counterpart of the example filter: SSH in over IPv6, neighbour discovery, nothing
 * else. Without `state`: formatnwfilter.rst lists it for the IPv6 protocols too (and the model
 * takes it), but libvirt's schema (nwfilter.rng) allows it on the IPv4 ones only.
 */
export function ipv6SshFilter(): Filter {
  return {
    name: 'ssh-ipv6',
    chain: 'ipv6',
    rule: [
      { action: 'accept', direction: 'in', tcpIpv6: [{ dstportstart: '22' }] },
      { action: 'accept', direction: 'out', tcpIpv6: [{ srcportstart: '22' }] },
      { action: 'accept', direction: 'inout', icmpv6: [{ type: '135', comment: 'neighbour solicitation' }] },
      { action: 'accept', direction: 'inout', icmpv6: [{ type: '136', comment: 'neighbour advertisement' }] },
      { action: 'drop', direction: 'inout', allIpv6: [{}] },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The registry

export type BuiltDocument =
  | { name: string; kind: 'domain'; build: () => Domain }
  | { name: string; kind: 'network'; build: () => Network }
  | { name: string; kind: 'filter'; build: () => Filter };

/** Every document built in code, by a name for reports. */
export const BUILT: BuiltDocument[] = [
  { name: 'examples/build-guest.ts', kind: 'domain', build: buildGuest },
  { name: 'examples/edit-guest.ts', kind: 'domain', build: () => editGuest() },
  { name: 'tuned guest (cpu-memory unit test)', kind: 'domain', build: tunedGuest },
  { name: 'guest with passthrough devices', kind: 'domain', build: devicesGuest },
  { name: 'LXC container', kind: 'domain', build: containerGuest },
  { name: 'examples/network.ts', kind: 'network', build: natNetwork },
  { name: 'routed network (network unit test)', kind: 'network', build: routedNetwork },
  { name: 'host bridge network', kind: 'network', build: hostBridgeNetwork },
  { name: 'isolated dual-stack network', kind: 'network', build: isolatedDualStackNetwork },
  { name: 'examples/filter.ts', kind: 'filter', build: webServerFilter },
  { name: 'stp filter (nwfilter unit test)', kind: 'filter', build: stpFilter },
  { name: 'IPv6 SSH filter', kind: 'filter', build: ipv6SshFilter },
];
