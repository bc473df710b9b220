/**
 * Disk rules (libvirt's virDomainDiskDefValidate and virDomainDiskDefCheckDuplicateInfo):
 * every disk needs a unique target, a name and bus fitting its device, and a source when it
 * is a disk; SCSI vendor and product strings have length limits. Identical serials or WWNs
 * and `io='native'` without direct I/O are legal but are warned about.
 */
import type { Disk, Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { devicePath } from './devices.js';
import { Findings, indexed } from './context.js';

/** The bus libvirt gives a disk without `target/@bus`: from the device, then the name prefix. */
export function diskBus(disk: Disk): string {
  const bus = disk.target?.bus;
  if (bus) return bus;
  if (disk.device === 'floppy') return 'fdc';
  const dev = (disk.target?.dev ?? '').replace(/^ioemu:/, '');
  const byPrefix: [string, string][] = [['hd', 'ide'], ['sd', 'scsi'], ['vd', 'virtio'], ['xvd', 'xen'], ['ubd', 'uml'], ['fd', 'fdc']];
  return byPrefix.find(([prefix]) => dev.startsWith(prefix))?.[1] ?? 'ide';
}

/** The source path or name of a disk, for messages; undefined when it has none. */
function sourceOf(disk: Disk): string | undefined {
  const s = disk.source as Record<string, unknown> | undefined;
  if (!s) return undefined;
  for (const key of ['file', 'dev', 'dir', 'name', 'volume', 'path']) {
    if (typeof s[key] === 'string') return s[key] as string;
  }
  return undefined;
}

/** libvirt's virStorageSourceIsEmpty for the types that can be empty: no path, or no protocol. */
function sourceIsEmpty(disk: Disk): boolean {
  const type = disk.type ?? 'file';
  const s = disk.source as Record<string, unknown> | undefined;
  switch (type) {
    case 'file':
      // A file descriptor group stands for the path (the caller passes open files).
      return typeof s?.file !== 'string' && typeof s?.fdgroup !== 'string';
    case 'block':
      return typeof s?.dev !== 'string';
    case 'dir':
      return typeof s?.dir !== 'string';
    case 'network':
      return typeof s?.protocol !== 'string';
    default:
      return false;
  }
}

/** SCSI INQUIRY limits libvirt enforces (VENDOR_LEN, PRODUCT_LEN). */
const VENDOR_MAX = 8;
const PRODUCT_MAX = 16;

export function checkDisks(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const disks = dom.devices?.disk ?? [];
  const byTarget = new Map<string, number>();
  const bySerial = new Map<string, number>();
  const byWwn = new Map<string, number>();

  for (const [disk, n] of indexed(disks)) {
    const path = devicePath('disk', n);
    const target = disk.target;
    const dev = target?.dev;
    const device = disk.device ?? 'disk';

    if (dev === undefined) {
      r.error({
        rule: 'disk-target-missing',
        path: `${path}/target/@dev`,
        message: `disk ${sourceOf(disk) ?? `#${n}`} has no target device name; expected <target dev='...'/> such as vda or sda`,
        at: [disk, target],
      });
    } else {
      const first = byTarget.get(dev);
      if (first !== undefined) {
        r.error({
          rule: 'duplicate-disk-target',
          path: `${path}/target/@dev`,
          value: dev,
          message: `disk target '${dev}' is already used by ${devicePath('disk', first)}; each disk needs its own target name`,
          at: [disk, target],
        });
      } else byTarget.set(dev, n);

      const name = dev.replace(/^ioemu:/, '');
      if ((device === 'disk' || device === 'lun') && !/^(hd|sd|vd|xvd|ubd)/.test(name)) {
        r.error({
          rule: 'disk-target-name',
          path: `${path}/target/@dev`,
          value: dev,
          message: `disk target '${dev}' is not a hard disk name; expected one starting with hd, sd, vd, xvd or ubd`,
          at: [disk, target],
        });
      } else if (device === 'floppy' && !name.startsWith('fd')) {
        r.error({
          rule: 'disk-target-name',
          path: `${path}/target/@dev`,
          value: dev,
          message: `floppy target '${dev}' is not a floppy name; expected one starting with fd`,
          at: [disk, target],
        });
      }
    }

    const bus = diskBus(disk);
    if (device === 'floppy' && bus !== 'fdc') {
      r.error({
        rule: 'disk-bus',
        path: `${path}/target/@bus`,
        value: bus,
        message: `floppy disk on bus '${bus}'; a floppy needs bus 'fdc'`,
        at: [disk, target],
      });
    } else if (device !== 'floppy' && bus === 'fdc') {
      r.error({
        rule: 'disk-bus',
        path: `${path}/target/@bus`,
        value: bus,
        message: `${device} on bus 'fdc'; only floppy disks can use bus 'fdc'`,
        at: [disk, target],
      });
    }

    if (device === 'disk' && sourceIsEmpty(disk)) {
      r.error({
        rule: 'disk-source-missing',
        path: `${path}/source`,
        message: `disk '${dev ?? `#${n}`}' has no source; only cdrom, floppy and lun devices may be empty`,
        at: [disk, disk.source],
      });
    }

    for (const [field, max] of [['vendor', VENDOR_MAX], ['product', PRODUCT_MAX]] as const) {
      const value = disk[field];
      if (value !== undefined && value.length > max) {
        r.error({
          rule: `disk-${field}-length`,
          path: `${path}/${field}`,
          value,
          message: `disk ${field} '${value}' has ${value.length} characters; expected at most ${max}`,
          at: [disk],
        });
      }
    }

    // libvirt itself only logs these: identical identifiers are how multipath is set up,
    // but otherwise the guest's /dev/disk/by-id links collide.
    for (const [key, value, seen] of [['serial', disk.serial, bySerial], ['wwn', disk.wwn, byWwn]] as const) {
      if (value === undefined) continue;
      const first = seen.get(value);
      if (first !== undefined) {
        r.warning({
          rule: `duplicate-disk-${key}`,
          path: `${path}/${key}`,
          value,
          message: `disk ${key} '${value}' is also used by ${devicePath('disk', first)}; the guest sees two disks with the same identity (intended only for multipath)`,
          at: [disk],
        });
      } else seen.set(value, n);
    }

    // QEMU can only do native AIO on an image opened with O_DIRECT; otherwise it falls back
    // to threads (older QEMU) or refuses to open the image (newer QEMU).
    const driver = disk.driver;
    if (driver?.io === 'native' && driver.cache !== 'none' && driver.cache !== 'directsync') {
      r.warning({
        rule: 'disk-io-native-cache',
        path: `${path}/driver/@io`,
        value: 'native',
        message: `io='native' with cache='${driver.cache ?? 'default'}'; native I/O needs cache='none' or cache='directsync'`,
        at: [disk, driver],
      });
    }
  }
  return r.problems;
}
