/**
 * Controller rules: one controller per type and index (USB excepted: companion controllers
 * share their master's index), and the ranges libvirt enforces on PCI controller options
 * (virDomainControllerDefValidate).
 */
import type { Controller, Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed } from './context.js';
import { devicePath } from './devices.js';

type PciController = Extract<Controller, { type: 'pci' }>;

/** Inclusive ranges of the PCI `<target>` attributes (the target `index` is checked apart). */
const TARGET_RANGES: [keyof NonNullable<PciController['target']>, string, number, number][] = [
  ['chassisNr', 'chassisNr', 1, 255],
  ['chassis', 'chassis', 0, 255],
  ['port', 'port', 0, 255],
  ['busNr', 'busNr', 1, 254],
];

/** The highest PCI controller index libvirt accepts. */
const PCI_INDEX_MAX = 255;
/** The highest spapr PHB target index. */
const PCI_TARGET_INDEX_MAX = 30;

export function checkControllers(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const seen = new Map<string, number>();

  for (const [c, n] of indexed(dom.devices?.controller)) {
    const path = devicePath('controller', n);
    if (c.type !== undefined && c.type !== 'usb' && c.index !== undefined) {
      const key = `${c.type}/${c.index}`;
      const first = seen.get(key);
      if (first !== undefined) {
        r.error({
          rule: 'duplicate-controller-index',
          path: `${path}/@index`,
          value: c.index,
          message: `a ${c.type} controller with index ${c.index} already exists at ${devicePath('controller', first)}; expected a different index`,
          at: [c],
        });
      } else seen.set(key, n);
    }
    if (c.type === 'pci') checkPciController(r, c, path);
  }
  return r.problems;
}

function checkPciController(r: Findings, c: PciController, path: string): void {
  if ((c.model === 'pci-root' || c.model === 'pcie-root') && c.address) {
    r.error({
      rule: 'pci-root-address',
      path: `${path}/address`,
      message: `a ${c.model} controller is the root of the PCI tree and cannot have an address; expected none`,
      at: [c, c.address],
    });
  }
  if (c.index !== undefined && c.index > PCI_INDEX_MAX) {
    r.error({
      rule: 'pci-controller-index',
      path: `${path}/@index`,
      value: c.index,
      message: `PCI controller index ${c.index} is too high; expected at most ${PCI_INDEX_MAX}`,
      at: [c],
    });
  }
  const target = c.target;
  if (!target) return;

  const targetIndex = target.index;
  if (targetIndex !== undefined) {
    if (targetIndex > PCI_TARGET_INDEX_MAX) {
      r.error({
        rule: 'pci-target-index',
        path: `${path}/target/@index`,
        value: targetIndex,
        message: `PCI controller target index ${targetIndex} is out of range; expected 0-${PCI_TARGET_INDEX_MAX}`,
        at: [c, target],
      });
    } else if (c.index !== undefined && (c.index === 0) !== (targetIndex === 0)) {
      r.error({
        rule: 'pci-target-index',
        path: `${path}/target/@index`,
        value: targetIndex,
        message: `PCI controller ${c.index} has target index ${targetIndex}; only the controller with index 0 may have target index 0, and it must`,
        at: [c, target],
      });
    }
  }
  for (const [key, attr, min, max] of TARGET_RANGES) {
    const v = target[key];
    if (typeof v === 'number' && (v < min || v > max)) {
      r.error({
        rule: 'pci-target-range',
        path: `${path}/target/@${attr}`,
        value: v,
        message: `PCI controller ${attr} ${v} is out of range; expected ${min}-${max}`,
        at: [c, target],
      });
    }
  }
  if (target.node !== undefined && c.index === 0) {
    r.error({
      rule: 'pci-root-numa-node',
      path: `${path}/target/node`,
      value: target.node,
      message: 'the PCI controller with index 0 cannot be tied to a guest NUMA node; expected no <node> here',
      at: [c, target],
    });
  }
}
