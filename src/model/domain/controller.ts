/**
 * `<controller>`: the buses devices attach to — IDE, SCSI, USB, PCI, virtio-serial ...
 * (formatdomain.rst "Controllers"). The `type` decides the models and options allowed.
 */
import { attr, child, el, leaf, t, variants, type Fields, type Infer } from '../../schema/index.js';
import { sized } from '../common.js';
import { Acpi, Address, Alias, virtioOptions } from './address.js';
import { IothreadMapping } from './disk.js';

/** `<driver queues='4'/>` of a controller: virtio-scsi and virtio-serial tuning. */
export const ControllerDriver = el('driver', {
  queues: attr(t.uint),
  /** virtio-scsi: commands queued per LUN. */
  cmd_per_lun: attr(t.uint),
  /** virtio-scsi: largest transfer in sectors. */
  max_sectors: attr(t.uint),
  ioeventfd: attr(t.onOff),
  iothread: attr(t.uint),
  ...virtioOptions,
  iothreads: child(IothreadMapping),
});
export type ControllerDriver = Infer<typeof ControllerDriver>;

/** `<master startport='0'/>`: a USB companion controller's place on its EHCI master. */
export const ControllerMaster = el('master', {
  startport: attr(t.uint),
});
export type ControllerMaster = Infer<typeof ControllerMaster>;

/** `<model name='pcie-root-port'/>`: the device that implements a PCI controller model. */
export const ControllerModelName = el('model', {
  name: attr(
    t.enum(
      'spapr-pci-host-bridge', 'pci-bridge', 'i82801b11-bridge', 'pcie-pci-bridge', 'ioh3420', 'pcie-root-port',
      'x3130-upstream', 'xio3130-downstream', 'pxb', 'pxb-pcie',
    ),
  ),
});
export type ControllerModelName = Infer<typeof ControllerModelName>;

/** `<target chassis='1' port='0x8'/>`: guest-visible settings of a PCI controller. */
export const ControllerPciTarget = el('target', {
  /** pci-bridge: chassis number of the bridge. */
  chassisNr: attr(t.uint),
  chassis: attr(t.uint),
  port: attr(t.hex(0)),
  /** Expander buses: the first bus number. */
  busNr: attr(t.uint),
  /** spapr-pci-host-bridge: the PHB index. */
  index: attr(t.uint),
  hotplug: attr(t.onOff),
  /** Memory reserved for hotplug behind a root port, in KiB. */
  memReserve: attr(t.uint),
  /** Expander buses: the guest NUMA node. */
  node: leaf(t.uint),
});
export type ControllerPciTarget = Infer<typeof ControllerPciTarget>;

/** `<pcihole64 unit='KiB'>N</pcihole64>`: size of the 64-bit PCI hole of a root bus. */
export const ControllerPcihole64 = sized('pcihole64');
export type ControllerPcihole64 = Infer<typeof ControllerPcihole64>;

const driver = { driver: child(ControllerDriver) } as const;
const info = { alias: child(Alias), acpi: child(Acpi), address: child(Address) } as const;
/** The children of a controller without type-specific children. */
const plain = { ...driver, ...info } as const;

/** Attributes that come first in every case, then the common children. */
function simple<const A extends Fields>(attrs: A) {
  return { ...attrs, ...plain };
}

/** `<controller type='scsi' index='0' model='virtio-scsi'>` (formatdomain.rst "Controllers"). */
export const Controller = el(
  'controller',
  {
    type: attr(t.enum('ide', 'fdc', 'scsi', 'sata', 'usb', 'ccid', 'virtio-serial', 'xenbus', 'pci', 'isa')),
    /** Bus index, referred to by device addresses (`controller=` or PCI `bus=`). */
    index: attr(t.uint),
  },
  variants('type', {
    ide: simple({ model: attr(t.enum('piix3', 'piix4', 'ich6')) }),
    fdc: simple({}),
    sata: simple({}),
    ccid: simple({}),
    isa: simple({}),
    scsi: simple({
      model: attr(
        t.enum(
          'auto', 'buslogic', 'lsilogic', 'lsisas1068', 'vmpvscsi', 'ibmvscsi', 'virtio-scsi', 'lsisas1078',
          'virtio-transitional', 'virtio-non-transitional', 'ncr53c90', 'dc390', 'am53c974',
        ),
      ),
    }),
    usb: {
      model: attr(
        t.enum(
          'piix3-uhci', 'piix4-uhci', 'ehci', 'ich9-ehci1', 'ich9-uhci1', 'ich9-uhci2', 'ich9-uhci3', 'vt82c686b-uhci',
          'pci-ohci', 'nec-xhci', 'none', 'qusb1', 'qusb2', 'qemu-xhci',
        ),
      ),
      /** Number of ports of the root hub. */
      ports: attr(t.uint),
      ...driver,
      alias: child(Alias),
      /** Companion controllers: their master and first port on it. */
      master: child(ControllerMaster),
      acpi: child(Acpi),
      address: child(Address),
    },
    'virtio-serial': simple({
      model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
      /** Number of ports. */
      ports: attr(t.uint),
      /** Number of MSI-X vectors. */
      vectors: attr(t.uint),
    }),
    xenbus: simple({
      /** Maximum grant frames of the guest. */
      maxGrantFrames: attr(t.uint),
      /** Maximum event channels of the guest. */
      maxEventChannels: attr(t.uint),
    }),
    pci: {
      model: attr(
        t.enum(
          'pci-root', 'pcie-root', 'pci-bridge', 'dmi-to-pci-bridge', 'pcie-to-pci-bridge', 'pcie-root-port',
          'pcie-switch-upstream-port', 'pcie-switch-downstream-port', 'pci-expander-bus', 'pcie-expander-bus',
        ),
      ),
      /** The `<model name='...'/>` child element; named apart from the `model` attribute. */
      modelName: child(ControllerModelName),
      target: child(ControllerPciTarget),
      ...plain,
      /** pci-root and pcie-root only. */
      pcihole64: child(ControllerPcihole64),
    },
  }),
);
export type Controller = Infer<typeof Controller>;
