/**
 * Device address rules: two devices at one address, an address whose type the device cannot
 * use, and an address on a bus that does not exist and that libvirt cannot add by itself.
 *
 * libvirt adds many controllers implicitly (formatdomain.rst "Controllers": "if not
 * specified, a controller is added automatically"): one disk controller of each index a
 * drive address names, virtio-serial and ccid controllers for the addresses that name them,
 * PCI buses for endpoint devices placed behind a missing bus, and USB controller 0. So only
 * what its address sets refuse is reported here: a USB bus without controller, a port a
 * controller does not have, and a PCI controller plugged into a bus that nothing creates.
 */
import type { Address, Controller, Disk, Domain, Hostdev } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, hex, pciText } from './context.js';
import { isSerialConsoleCopy, listDevices, type DeviceEntry } from './devices.js';
import { diskBus } from './disks.js';

type AddressOf<T extends Address['type']> = Extract<Address, { type: T }>;

interface Placed<A> {
  entry: DeviceEntry;
  address: A;
}

/** The devices whose address has the given type. */
function placed<T extends Address['type']>(entries: DeviceEntry[], type: T): Placed<AddressOf<T>>[] {
  const out: Placed<AddressOf<T>>[] = [];
  for (const entry of entries) {
    const a = entry.common.address;
    if (a && a.type === type) out.push({ entry, address: a as AddressOf<T> });
  }
  return out;
}

/** Reports the second and later devices that share a key, naming the first. */
function reportDuplicates<A>(
  r: Findings,
  items: Placed<A>[],
  key: (a: A, e: DeviceEntry) => string | undefined,
  rule: string,
  describe: (k: string) => string,
): void {
  const first = new Map<string, DeviceEntry>();
  for (const { entry, address } of items) {
    const k = key(address, entry);
    if (k === undefined) continue;
    const owner = first.get(k);
    if (owner) {
      r.error({
        rule,
        path: `${entry.path}/address`,
        value: k,
        message: `${describe(k)} is already used by ${owner.path}; each address can hold one device`,
        at: [entry.device, entry.common.address],
      });
    } else first.set(k, entry);
  }
}

// ---------------------------------------------------------------------------
// PCI

function pciParts(a: AddressOf<'pci'>) {
  return { domain: a.domain ?? 0, bus: a.bus ?? 0, slot: a.slot ?? 0, fn: a.function ?? 0 };
}

/** An all-zero PCI address asks libvirt to choose one (virDeviceInfoPCIAddressIsWanted). */
function pciIsEmpty(a: AddressOf<'pci'>): boolean {
  const p = pciParts(a);
  return p.domain === 0 && p.bus === 0 && p.slot === 0 && p.fn === 0;
}

/** libvirt's spelling: `0000:00:03.0`. */
function pciString(a: AddressOf<'pci'>): string {
  const p = pciParts(a);
  return pciText(p.domain, p.bus, p.slot, p.fn);
}

function checkPci(r: Findings, dom: Domain, entries: DeviceEntry[]): void {
  const pci = placed(entries, 'pci').filter((p) => !pciIsEmpty(p.address));

  for (const { entry, address } of pci) {
    const p = pciParts(address);
    const limits: [string, number, number][] = [['domain', p.domain, 0xffff], ['bus', p.bus, 0xff], ['slot', p.slot, 0x1f], ['function', p.fn, 7]];
    for (const [part, value, max] of limits) {
      if (value > max) {
        r.error({
          rule: 'pci-address-range',
          path: `${entry.path}/address/@${part}`,
          value: hex(value),
          message: `PCI ${part} ${hex(value)} is out of range; expected at most ${hex(max)}`,
          at: [entry.device, address],
        });
      }
    }
  }

  reportDuplicates(r, pci, (a) => pciString(a), 'duplicate-pci-address', (k) => `PCI address ${k}`);

  // Several functions in one slot make a multifunction device: libvirt turns the flag on
  // itself unless it is 'off', accepts 'off', and QEMU then refuses to start the guest.
  const slots = new Map<string, Placed<AddressOf<'pci'>>[]>();
  for (const item of pci) {
    const p = pciParts(item.address);
    const slot = `${p.domain}:${p.bus}:${p.slot}`;
    const members = slots.get(slot);
    if (members) members.push(item);
    else slots.set(slot, [item]);
  }
  for (const members of slots.values()) {
    const functions = new Set(members.map((m) => pciParts(m.address).fn));
    if (functions.size < 2) continue;
    const zero = members.find((m) => pciParts(m.address).fn === 0);
    if (zero && zero.address.multifunction === false) {
      r.warning({
        rule: 'pci-multifunction-off',
        path: `${zero.entry.path}/address/@multifunction`,
        value: 'off',
        message: `PCI slot of ${pciString(zero.address)} holds ${functions.size} functions but function 0 has multifunction='off'; QEMU will refuse it, expected multifunction='on'`,
        at: [zero.entry.device, zero.address],
      });
    }
  }

  checkPciControllerBuses(r, dom, pci);
}

/**
 * A PCI controller placed on a bus that no controller provides. libvirt adds buses only
 * for endpoint devices; a controller cannot make it add one (virDomainPCIAddressSetGrow),
 * so the bus must exist or be created for some endpoint device on that bus or a higher one.
 */
function checkPciControllerBuses(r: Findings, dom: Domain, pci: Placed<AddressOf<'pci'>>[]): void {
  const controllers = dom.devices?.controller ?? [];
  const indexes = new Set(controllers.filter((c) => c.type === 'pci' && c.index !== undefined).map((c) => c.index!));
  let endpointMax = 0;
  for (const { entry, address } of pci) {
    if (entry.kind !== 'controller' || (entry.device as Controller).type !== 'pci') {
      endpointMax = Math.max(endpointMax, pciParts(address).bus);
    }
  }
  for (const { entry, address } of pci) {
    if (entry.kind !== 'controller') continue;
    const c = entry.device as Controller;
    if (c.type !== 'pci') continue;
    const bus = pciParts(address).bus;
    if (bus === 0 || indexes.has(bus) || bus <= endpointMax) continue;
    r.error({
      rule: 'pci-bus-missing',
      path: `${entry.path}/address/@bus`,
      value: hex(bus, 2),
      message: `PCI controller${c.model ? ` '${c.model}'` : ''} is placed on bus ${hex(bus, 2)}, but no PCI controller has index ${bus} and libvirt cannot add one for a controller; expected a <controller type='pci' index='${bus}'>`,
      at: [entry.device, address],
    });
  }
}

// ---------------------------------------------------------------------------
// Drive (disk controllers)

function driveKey(a: AddressOf<'drive'>): string {
  return `controller=${a.controller ?? 0} bus=${a.bus ?? 0} target=${a.target ?? 0} unit=${a.unit ?? 0}`;
}

function isScsiHostdev(h: Hostdev): boolean {
  return (h.mode ?? 'subsystem') === 'subsystem' && h.type === 'scsi';
}

/** The disk index a target name stands for: `sda` 0, `sdz` 25, `sdaa` 26 (virDiskNameToIndex). */
function diskIndex(dev: string | undefined): number | undefined {
  const m = /^(?:ioemu:)?(?:fd|hd|vd|sd|xvd|ubd)([a-z]+)\d*$/.exec(dev ?? '');
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}

/**
 * The drive address libvirt gives a disk without one, from its target name
 * (virDomainDiskDefAssignAddress). VMware numbers SCSI units across a wide bus.
 */
function impliedDrive(dom: Domain, disk: Disk, bus: string): string | undefined {
  const i = diskIndex(disk.target?.dev);
  if (i === undefined) return undefined;
  const key = (controller: number, b: number, unit: number) => `controller=${controller} bus=${b} target=0 unit=${unit}`;
  switch (bus) {
    case 'ide':
      return key(Math.floor(i / 4), Math.floor((i % 4) / 2), i % 2);
    case 'sata':
      return key(Math.floor(i / 6), 0, i % 6);
    case 'fdc':
      return key(Math.floor(i / 2), 0, i % 2);
    case 'scsi':
      if (dom.type === 'vmware') {
        const unit = i % 15;
        return key(Math.floor(i / 15), 0, unit >= 7 ? unit + 1 : unit);
      }
      return key(Math.floor(i / 7), 0, i % 7);
    default:
      return undefined;
  }
}

interface DriveUse {
  entry: DeviceEntry;
  key: string;
  /** The address comes from the target name, not from an <address> element. */
  implied: boolean;
}

function checkDrive(r: Findings, dom: Domain, entries: DeviceEntry[]): void {
  // Disks on different buses live on different controllers, so the same numbers do not
  // clash; SCSI host devices share the SCSI controllers with SCSI disks.
  const groups = new Map<string, DriveUse[]>();
  const use = (group: string, u: DriveUse) => {
    const list = groups.get(group);
    if (list) list.push(u);
    else groups.set(group, [u]);
  };
  for (const entry of entries) {
    const a = entry.common.address;
    if (entry.kind === 'disk') {
      const disk = entry.device as Disk;
      const bus = diskBus(disk);
      if (a?.type === 'drive') use(bus, { entry, key: driveKey(a), implied: false });
      else if (a === undefined) {
        const key = impliedDrive(dom, disk, bus);
        if (key) use(bus, { entry, key, implied: true });
      }
    } else if (entry.kind === 'hostdev' && isScsiHostdev(entry.device as Hostdev) && a?.type === 'drive') {
      use('scsi', { entry, key: driveKey(a), implied: false });
    }
  }

  for (const [bus, uses] of groups) {
    const first = new Map<string, DriveUse>();
    for (const u of uses) {
      const owner = first.get(u.key);
      if (!owner) {
        first.set(u.key, u);
        continue;
      }
      // Two names never map to one address; a shared name is reported as a duplicate target.
      if (owner.implied && u.implied) continue;
      const dev = (e: DeviceEntry) => (e.device as Disk).target?.dev;
      const ownerText = owner.implied ? `${owner.entry.path} (placed there by its target name '${dev(owner.entry)}')` : owner.entry.path;
      r.error({
        rule: 'duplicate-drive-address',
        path: u.implied ? `${u.entry.path}/target/@dev` : `${u.entry.path}/address`,
        value: u.key,
        message: u.implied
          ? `disk '${dev(u.entry)}' is placed at ${bus} drive address ${u.key} by its target name, but ${ownerText} already uses it; expected another target name or an explicit address`
          : `${bus} drive address ${u.key} is already used by ${ownerText}; each address can hold one device`,
        at: [u.entry.device, u.implied ? (u.entry.device as Disk).target : u.entry.common.address],
      });
    }
  }
}

// ---------------------------------------------------------------------------
// USB

/** Root hub ports per USB controller model (libvirt's virDomainUSBAddressControllerModelToPorts). */
function usbPorts(c: Extract<Controller, { type: 'usb' }>): number | undefined {
  switch (c.model) {
    case 'piix3-uhci':
    case 'piix4-uhci':
    case 'vt82c686b-uhci':
      return 2;
    case 'ehci':
    case 'ich9-ehci1':
      return 6;
    case 'pci-ohci':
      return 3;
    case 'nec-xhci':
    case 'qemu-xhci':
      return c.ports ?? 4;
    case 'qusb1':
    case 'qusb2':
      return c.ports ?? 8;
    default:
      // No model: the hypervisor driver picks one later; companions share their master's bus.
      return undefined;
  }
}

const USB_HUB_PORTS = 8;

/** `1.2.3` as numbers, or undefined when the port is not a dotted list of positive numbers. */
function usbPath(port: string | undefined): number[] | undefined {
  if (port === undefined || !/^\d+(\.\d+)*$/.test(port.trim())) return undefined;
  const parts = port.trim().split('.').map(Number);
  return parts.every((n) => n > 0) ? parts : undefined;
}

function checkUsb(r: Findings, dom: Domain, entries: DeviceEntry[]): void {
  const usb = placed(entries, 'usb');
  reportDuplicates(
    r,
    usb,
    (a) => {
      const path = usbPath(a.port);
      return path ? `bus ${a.bus ?? 0} port ${path.join('.')}` : undefined;
    },
    'duplicate-usb-address',
    (k) => `USB address ${k}`,
  );

  const controllers = (dom.devices?.controller ?? []).filter((c): c is Extract<Controller, { type: 'usb' }> => c.type === 'usb');
  const disabled = controllers.some((c) => c.model === 'none');
  // Bus index -> root hub port count (undefined: unknown until the driver picks a model).
  const buses = new Map<number, number | undefined>();
  for (const c of controllers) {
    if (c.model === 'none' || c.index === undefined) continue;
    const ports = usbPorts(c);
    if (!buses.has(c.index) || ports !== undefined) buses.set(c.index, ports);
  }
  // Without any USB controller, the QEMU driver adds controller 0 itself.
  if (controllers.length === 0) buses.set(0, undefined);

  // Hubs with an address extend the tree; a hub without one is placed later, so then a
  // deeper port might still be valid and nothing below the root is judged.
  const hubs = usb.filter((u) => u.entry.kind === 'hub');
  const allHubsPlaced = (dom.devices?.hub ?? []).every((h) => h.address?.type === 'usb' && usbPath(h.address.port));
  const hubAt = new Set(hubs.map((h) => `${h.address.bus ?? 0}:${usbPath(h.address.port)?.join('.')}`));

  for (const { entry, address } of usb) {
    const path = usbPath(address.port);
    if (!path) continue;
    const bus = address.bus ?? 0;
    const where = `${entry.path}/address`;
    if (disabled || !buses.has(bus)) {
      r.error({
        rule: 'usb-bus-missing',
        path: `${where}/@bus`,
        value: bus,
        message: disabled
          ? `USB address on bus ${bus}, but USB is disabled (<controller type='usb' model='none'/>); expected no USB address`
          : `USB address on bus ${bus}, but no USB controller has index ${bus}; expected a <controller type='usb' index='${bus}'>`,
        at: [entry.device, address],
      });
      continue;
    }
    const rootPorts = buses.get(bus);
    if (rootPorts !== undefined && path[0] > rootPorts) {
      r.error({
        rule: 'usb-port-missing',
        path: `${where}/@port`,
        value: address.port,
        message: `USB port ${path[0]} does not exist on bus ${bus}; its controller has ${rootPorts} ports`,
        at: [entry.device, address],
      });
      continue;
    }
    if (path.length > 1 && allHubsPlaced) {
      for (let depth = 1; depth < path.length; depth++) {
        const hubPath = path.slice(0, depth).join('.');
        if (!hubAt.has(`${bus}:${hubPath}`)) {
          r.error({
            rule: 'usb-port-missing',
            path: `${where}/@port`,
            value: address.port,
            message: `USB port ${address.port} on bus ${bus} needs a hub at port ${hubPath}, and there is none; expected a <hub type='usb'> with that address`,
            at: [entry.device, address],
          });
          break;
        }
        if (path[depth] > USB_HUB_PORTS) {
          r.error({
            rule: 'usb-port-missing',
            path: `${where}/@port`,
            value: address.port,
            message: `USB port ${address.port} on bus ${bus}: a hub has ${USB_HUB_PORTS} ports, not ${path[depth]}`,
            at: [entry.device, address],
          });
          break;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// virtio-serial, ccw, ccid, spapr-vio, dimm

/** Ports of a virtio-serial controller when `ports` is not given (VIR_DOMAIN_DEFAULT_VIRTIO_SERIAL_PORTS). */
const VIRTIO_SERIAL_DEFAULT_PORTS = 31;

function checkVirtioSerial(r: Findings, dom: Domain, entries: DeviceEntry[]): void {
  // Port 0 means "pick one"; the bus number plays no part in libvirt's bookkeeping.
  const vs = placed(entries, 'virtio-serial').filter((p) => (p.address.port ?? 0) !== 0);
  reportDuplicates(r, vs, (a) => `controller ${a.controller ?? 0} port ${a.port}`, 'duplicate-virtio-serial-address', (k) => `virtio-serial ${k}`);

  const ports = new Map<number, number>();
  for (const c of dom.devices?.controller ?? []) {
    if (c.type === 'virtio-serial' && c.index !== undefined) ports.set(c.index, c.ports ?? VIRTIO_SERIAL_DEFAULT_PORTS);
  }
  for (const { entry, address } of vs) {
    const controller = address.controller ?? 0;
    // A missing controller is added with the default number of ports.
    const count = ports.get(controller) ?? VIRTIO_SERIAL_DEFAULT_PORTS;
    if (address.port! >= count) {
      r.error({
        rule: 'virtio-serial-port-range',
        path: `${entry.path}/address/@port`,
        value: address.port,
        message: `virtio-serial controller ${controller} has ports 0-${count - 1}, not port ${address.port}`,
        at: [entry.device, address],
      });
    }
  }
}

function checkOtherBuses(r: Findings, entries: DeviceEntry[]): void {
  // A ccw address counts only when complete; libvirt picks the others.
  const ccw = placed(entries, 'ccw').filter((p) => p.address.cssid !== undefined && p.address.ssid !== undefined && p.address.devno !== undefined);
  reportDuplicates(r, ccw, (a) => `${hex(a.cssid!)}.${hex(a.ssid!)}.${hex(a.devno!, 4)}`, 'duplicate-ccw-address', (k) => `CCW device number ${k}`);

  reportDuplicates(r, placed(entries, 'ccid'), (a) => `controller ${a.controller ?? 0} slot ${a.slot ?? 0}`, 'duplicate-ccid-address', (k) => `CCID ${k}`);

  // A spapr-vio address without reg is assigned by libvirt.
  const vio = placed(entries, 'spapr-vio').filter((p) => p.address.reg !== undefined);
  reportDuplicates(r, vio, (a) => hex(a.reg!), 'duplicate-spapr-vio-address', (k) => `spapr-vio address reg=${k}`);

  const dimm = placed(entries, 'dimm').filter((p) => p.address.slot !== undefined);
  reportDuplicates(r, dimm, (a) => `slot ${a.slot}`, 'duplicate-dimm-slot', (k) => `memory ${k}`);
}

// ---------------------------------------------------------------------------
// Address types a device cannot use

/** The address types a device accepts, when libvirt restricts them; undefined when it does not. */
function allowedTypes(entry: DeviceEntry): readonly string[] | undefined {
  switch (entry.kind) {
    case 'disk': {
      // virDomainDiskAddressDiskBusCompatibility: these buses are reached through a controller.
      const bus = diskBus(entry.device as Disk);
      return ['ide', 'fdc', 'scsi', 'sata'].includes(bus) ? ['drive'] : undefined;
    }
    case 'hostdev': {
      const h = entry.device as Hostdev;
      if ((h.mode ?? 'subsystem') !== 'subsystem') return undefined;
      switch (h.type) {
        case 'pci':
          return ['pci', 'unassigned'];
        case 'scsi':
          return ['drive'];
        case 'scsi_host':
          return ['pci', 'ccw'];
        case 'usb':
          return ['usb'];
        case 'mdev':
          return h.model === 'vfio-pci' ? ['pci'] : h.model === 'vfio-ccw' ? ['ccw'] : undefined;
        default:
          return undefined;
      }
    }
    case 'smartcard':
      return ['ccid'];
    case 'shmem':
      // ivshmem is a PCI device (qemuValidateDomainDeviceDefShmem).
      return ['pci'];
    case 'iommu':
      return (entry.device as { model?: string }).model === 'virtio' ? ['pci'] : undefined;
    default:
      return undefined;
  }
}

function checkAddressTypes(r: Findings, entries: DeviceEntry[]): void {
  for (const entry of entries) {
    const a = entry.common.address;
    if (!a || a.type === undefined) continue;
    const allowed = allowedTypes(entry);
    let expected: string | undefined;
    if (allowed && !allowed.includes(a.type)) expected = allowed.map((t) => `'${t}'`).join(' or ');
    else if (a.type === 'unassigned' && entry.kind !== 'hostdev') expected = 'any type but unassigned, which only host devices may use';
    else if (entry.kind === 'video' && (entry.device as { model?: { type?: string } }).model?.type === 'ramfb') expected = 'no address: a ramfb display is not on a bus';
    if (expected === undefined) continue;
    r.error({
      rule: 'address-type',
      path: `${entry.path}/address/@type`,
      value: a.type,
      message: `${entry.kind} at ${entry.path} cannot use a '${a.type}' address; expected ${expected}`,
      at: [entry.device, a],
    });
  }
}

export function checkAddresses(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  // A serial console repeats its serial port's address; it occupies nothing of its own.
  const entries = listDevices(dom).filter((e) => !isSerialConsoleCopy(dom, e));
  checkAddressTypes(r, entries);
  checkPci(r, dom, entries);
  checkDrive(r, dom, entries);
  checkUsb(r, dom, entries);
  checkVirtioSerial(r, dom, entries);
  checkOtherBuses(r, entries);
  return r.problems;
}
