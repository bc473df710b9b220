/**
 * Host device assignment (virDomainDefHostdevValidate): one host device can be given to
 * the guest once. Matching follows virDomainHostdevMatch for PCI (host address), USB (bus
 * and device when the first names them, else vendor and product), mdev (UUID) and
 * vhost-scsi (WWPN); SCSI host devices are left out.
 */
import type { Domain, Hostdev } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, hex, indexed, pciText } from './context.js';
import { devicePath } from './devices.js';

/**
 * The identities of a subsystem host device: `own` is what a later device is compared with
 * when this one comes first, `match` what this one is looked up by. They differ for USB:
 * a first device named by bus and device matches only that location, one named by vendor
 * and product matches any later device with those ids.
 */
function identity(h: Hostdev): { own?: string; match: string[] } {
  if ((h.mode ?? 'subsystem') !== 'subsystem') return { match: [] };
  switch (h.type) {
    case 'pci': {
      const x = h.source?.address;
      if (!x || x.slot === undefined) return { match: [] };
      const key = `pci ${pciText(x.domain ?? 0, x.bus ?? 0, x.slot, x.function ?? 0)}`;
      return { own: key, match: [key] };
    }
    case 'usb': {
      const s = h.source;
      const at = s?.address?.bus !== undefined && s.address.device !== undefined ? `usb-at ${s.address.bus}.${s.address.device}` : undefined;
      const ids = s?.vendor?.id !== undefined && s.product?.id !== undefined ? `usb-id ${s.vendor.id}:${s.product.id}` : undefined;
      return { own: at ?? ids, match: [at, ids].filter((k): k is string => k !== undefined) };
    }
    case 'mdev': {
      const uuid = h.source?.address?.uuid?.toLowerCase();
      return uuid ? { own: `mdev ${uuid}`, match: [`mdev ${uuid}`] } : { match: [] };
    }
    case 'scsi_host': {
      const wwpn = h.source?.wwpn;
      return wwpn ? { own: `vhost ${wwpn}`, match: [`vhost ${wwpn}`] } : { match: [] };
    }
    default:
      return { match: [] };
  }
}

function describe(h: Hostdev): string {
  if (h.type === 'pci' && h.source?.address) {
    const x = h.source.address;
    return `PCI host device ${pciText(x.domain ?? 0, x.bus ?? 0, x.slot ?? 0, x.function ?? 0)}`;
  }
  if (h.type === 'usb') {
    const s = h.source;
    return s?.address?.bus !== undefined ? `USB host device on bus ${s.address.bus} device ${s.address.device}` : `USB host device ${hex(s?.vendor?.id ?? 0, 4)}:${hex(s?.product?.id ?? 0, 4)}`;
  }
  if (h.type === 'mdev') return `mediated device ${h.source?.address?.uuid}`;
  if (h.type === 'scsi_host') return `vhost-scsi target ${h.source?.wwpn}`;
  return `${h.type} host device`;
}

export function checkHostdevs(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const owners = new Map<string, number>();
  for (const [h, n] of indexed(dom.devices?.hostdev)) {
    const { own, match } = identity(h);
    const first = match.map((k) => owners.get(k)).find((i) => i !== undefined);
    if (first !== undefined) {
      r.error({
        rule: 'duplicate-hostdev',
        path: `${devicePath('hostdev', n)}/source`,
        message: `${describe(h)} is already assigned by ${devicePath('hostdev', first)}; a host device can be given to the guest once`,
        at: [h, h.source],
      });
    } else if (own !== undefined) owners.set(own, n);
  }
  return r.problems;
}
