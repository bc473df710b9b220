/**
 * Every device of a domain with its path, seen through the fields all devices share
 * (address, boot order): kinds in libvirt's order (the model's `<devices>` fields), each
 * kind in document order. Address and boot checks work on this list so that a device kind
 * added to the model is covered without touching them.
 */
import { Devices, type Address, type Boot, type Domain } from '../../model/domain/index.js';

/** The shared parts of a device: its guest address and boot order. */
export interface DeviceCommon {
  address?: Address;
  boot?: Boot;
}

export interface DeviceEntry {
  /** Element name: `disk`, `interface`, `controller` ... */
  kind: string;
  /** The device object itself (narrow it with `kind`). */
  device: object;
  /** `/domain/devices/disk[2]` */
  path: string;
  common: DeviceCommon;
}

/** Device properties of `<devices>` in libvirt's order, without those that are not devices. */
const DEVICE_KINDS = Object.keys(Devices.fields).filter((k) => k !== 'emulator' && k !== 'redirfilter');

export function devicePath(kind: string, index?: number): string {
  return index === undefined ? `/domain/devices/${kind}` : `/domain/devices/${kind}[${index}]`;
}

export function listDevices(dom: Domain): DeviceEntry[] {
  const devices = dom.devices as Record<string, unknown> | undefined;
  if (!devices) return [];
  const out: DeviceEntry[] = [];
  for (const kind of DEVICE_KINDS) {
    const value = devices[kind];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((device, i) => {
        if (device && typeof device === 'object') {
          out.push({ kind, device, path: devicePath(kind, i + 1), common: device as DeviceCommon });
        }
      });
    } else if (typeof value === 'object') {
      out.push({ kind, device: value, path: devicePath(kind), common: value as DeviceCommon });
    }
  }
  return out;
}

/**
 * The first console is a second view of the first serial port when its target is a serial
 * one (libvirt copies the serial's definition into it), so it has nothing of its own.
 */
export function isSerialConsoleCopy(dom: Domain, entry: DeviceEntry): boolean {
  if (entry.kind !== 'console' || entry.path !== devicePath('console', 1)) return false;
  const target = (entry.device as { target?: { type?: string } }).target;
  return (dom.devices?.serial?.length ?? 0) > 0 && (target?.type === undefined || target.type === 'serial');
}
