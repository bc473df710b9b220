/**
 * Builds a guest from scratch: a q35 KVM machine booting UEFI firmware (chosen by libvirt,
 * with Secure Boot), a qcow2 system disk on virtio, an installer CD-ROM, a NIC on the
 * `default` network, a serial console, VNC and SPICE displays, a virtio RNG and a memory
 * balloon. Every field is checked by TypeScript against the model.
 *
 *   npx tsx examples/build-guest.ts     # prints the domain XML
 *
 * In your own code, import from 'libvirt-xml' instead of '../src/index.js'.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { formatDomain, type Disk, type Domain } from '../src/index.js';

/** The guest's system disk: a qcow2 image on the virtio bus. */
export const systemDisk: Disk = {
  type: 'file',
  device: 'disk',
  driver: { name: 'qemu', type: 'qcow2', cache: 'none', discard: 'unmap' },
  source: { file: '/var/lib/libvirt/images/app-01.qcow2' },
  target: { dev: 'vda', bus: 'virtio' },
  boot: { order: 1 },
};

/** The guest, built in code. */
export function buildGuest(): Domain {
  const guest: Domain = {
    type: 'kvm',
    name: 'app-01',
    uuid: 'c7a5fdbd-cdaf-4f4b-9c1e-5d0b8d3e2a41',
    title: 'Application server',
    memory: { value: 4, unit: 'GiB' },
    currentMemory: { value: 4, unit: 'GiB' },
    vcpu: { placement: 'static', value: 2 },
    os: {
      firmware: 'efi',
      type: { arch: 'x86_64', machine: 'q35', value: 'hvm' },
      firmwareFeatures: {
        feature: [
          { enabled: true, name: 'secure-boot' },
          { enabled: true, name: 'enrolled-keys' },
        ],
      },
    },
    features: { acpi: true, apic: {}, smm: { state: true } },
    cpu: { mode: 'host-passthrough', check: 'none', migratable: true },
    clock: {
      offset: 'utc',
      timer: [
        { name: 'rtc', tickpolicy: 'catchup' },
        { name: 'pit', tickpolicy: 'delay' },
        { name: 'hpet', present: false },
      ],
    },
    on_poweroff: 'destroy',
    on_reboot: 'restart',
    on_crash: 'destroy',
    devices: {
      emulator: '/usr/bin/qemu-system-x86_64',
      disk: [
        systemDisk,
        {
          type: 'file',
          device: 'cdrom',
          driver: { name: 'qemu', type: 'raw' },
          source: { file: '/var/lib/libvirt/images/debian-12-netinst.iso' },
          target: { dev: 'sda', bus: 'sata' },
          readonly: true,
          boot: { order: 2 },
        },
      ],
      interface: [
        {
          type: 'network',
          mac: { address: '52:54:00:3a:91:0c' },
          source: { network: 'default' },
          model: { type: 'virtio' },
        },
      ],
      serial: [{ type: 'pty', target: { type: 'isa-serial', port: 0, model: { name: 'isa-serial' } } }],
      console: [{ type: 'pty', target: { type: 'serial', port: 0 } }],
      channel: [
        { type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } },
        { type: 'spicevmc', target: { type: 'virtio', name: 'com.redhat.spice.0' } },
      ],
      input: [{ type: 'tablet', bus: 'usb' }],
      graphics: [
        { type: 'vnc', port: -1, autoport: true, listens: [{ type: 'address', address: '127.0.0.1' }] },
        { type: 'spice', autoport: true, listens: [{ type: 'address', address: '127.0.0.1' }], image: { compression: 'off' } },
      ],
      video: [{ model: { type: 'virtio', heads: 1, primary: true } }],
      rng: [{ model: 'virtio', backend: { model: 'random', value: '/dev/urandom' }, rate: { bytes: 1024, period: 1000 } }],
      memballoon: { model: 'virtio', stats: { period: 10 } },
    },
  };
  return guest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(formatDomain(buildGuest()));
}
