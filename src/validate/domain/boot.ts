/**
 * Boot order rules (formatdomain.rst "BIOS bootloader": "The per-device boot elements
 * cannot be used together with general boot elements in BIOS bootloader section"):
 * per-device `<boot order>` excludes `<os><boot dev>`, each order is used once, and a
 * filesystem can only boot when it is virtiofs.
 */
import type { Domain, Filesystem } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings } from './context.js';
import { listDevices, type DeviceEntry } from './devices.js';

export function checkBoot(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const withOrder = listDevices(dom).filter((e) => e.common.boot?.order !== undefined);
  const osBoot = dom.os?.boot ?? [];

  if (withOrder.length > 0 && osBoot.length > 0) {
    const first = withOrder[0];
    r.error({
      rule: 'boot-order-mixed',
      path: `${first.path}/boot/@order`,
      value: first.common.boot!.order,
      message: `per-device <boot order> cannot be combined with <os><boot dev='${osBoot[0].dev ?? ''}'/>; expected either device boot orders or /domain/os/boot, not both`,
      at: [first.device, first.common.boot],
    });
  }

  const byOrder = new Map<number, DeviceEntry>();
  for (const entry of withOrder) {
    const boot = entry.common.boot!;
    const order = boot.order!;
    if (order === 0) {
      r.error({
        rule: 'boot-order-invalid',
        path: `${entry.path}/boot/@order`,
        value: order,
        message: 'boot order 0 is not allowed; expected a positive number (1 boots first)',
        at: [entry.device, boot],
      });
      continue;
    }
    const owner = byOrder.get(order);
    if (owner) {
      r.error({
        rule: 'duplicate-boot-order',
        path: `${entry.path}/boot/@order`,
        value: order,
        message: `boot order ${order} is already used by ${owner.path}; each device needs its own order`,
        at: [entry.device, boot],
      });
    } else byOrder.set(order, entry);

    if (entry.kind === 'filesystem' && (entry.device as Filesystem).driver?.type !== 'virtiofs') {
      r.error({
        rule: 'boot-order-unsupported',
        path: `${entry.path}/boot/@order`,
        value: order,
        message: `a filesystem can boot only with <driver type='virtiofs'/>; this one has driver type '${(entry.device as Filesystem).driver?.type ?? 'default'}'`,
        at: [entry.device, boot],
      });
    }
  }
  return r.problems;
}
