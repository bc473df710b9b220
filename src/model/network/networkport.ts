/**
 * `<networkport>`: one port of a virtual network, the network side of a guest interface
 * (formatnetworkport.rst; networkport.rng).
 */
import { attr, child, el, leaf, t, variants, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { HostdevDriver, HostPciAddress } from '../domain/hostdev.js';
import { Bandwidth, PortOptions, VirtualPort, Vlan } from '../domain/netcommon.js';
import { deviceName, macTableManager, uniMac } from './network.js';

/** `<owner>`: the guest that uses the port (formatnetworkport.rst "General metadata"). */
export const NetworkPortOwner = el('owner', {
  /** Name of the owning domain. */
  name: leaf(t.string, { required: true }),
  /** UUID of the owning domain. */
  uuid: leaf(t.uuid, { required: true }),
});
export type NetworkPortOwner = Infer<typeof NetworkPortOwner>;

/** `<mac address=.../>`: MAC address of the guest interface (formatnetworkport.rst "Common elements"). */
export const NetworkPortMac = el('mac', {
  address: attr(uniMac, { required: true }),
});
export type NetworkPortMac = Infer<typeof NetworkPortMac>;

/** `<rxfilters trustGuest=.../>`: whether the guest's MAC address and receive filter changes are trusted (formatnetworkport.rst "Common elements"). */
export const NetworkPortRxfilters = el('rxfilters', {
  trustGuest: attr(t.yesNo, { required: true }),
});
export type NetworkPortRxfilters = Infer<typeof NetworkPortRxfilters>;

/**
 * `<plug>`: how the port is connected on the host (formatnetworkport.rst "Plugs").
 * `network`: a bridge managed by libvirt; `bridge`: an existing host bridge; `direct`:
 * macvtap on a host device; `hostdev-pci`: a host PCI device (SR-IOV VF) given to the guest.
 */
export const NetworkPortPlug = el(
  'plug',
  {
    type: attr(t.enum('network', 'bridge', 'direct', 'hostdev-pci'), { required: true }),
  },
  variants('type', {
    network: {
      /** Bridge device of the network. */
      bridge: attr(deviceName, { required: true }),
      /** Who manages the bridge's MAC table. */
      macTableManager: attr(macTableManager),
    },
    bridge: {
      /** Host bridge device. */
      bridge: attr(deviceName, { required: true }),
      /** Who manages the bridge's MAC table. */
      macTableManager: attr(macTableManager),
    },
    direct: {
      /** Host network device macvtap attaches to. */
      dev: attr(deviceName, { required: true }),
      /** macvtap mode. */
      mode: attr(t.enum('bridge', 'passthrough', 'private', 'vepa'), { required: true }),
    },
    'hostdev-pci': {
      /** Whether libvirt detaches the device from its host driver. */
      managed: attr(t.yesNo),
      /** The passthrough backend. */
      driver: child(HostdevDriver),
      /** Host PCI address of the device. */
      address: child(HostPciAddress, { required: true }),
    },
  }),
);
export type NetworkPortPlug = Infer<typeof NetworkPortPlug>;

/** `<networkport>`: a port of a virtual network (formatnetworkport.rst). */
export const NetworkPort = el('networkport', {
  uuid: leaf(t.uuid, { required: true }),
  owner: child(NetworkPortOwner, { required: true }),
  /** Portgroup of the network the port belongs to. */
  group: leaf(deviceName),
  mac: child(NetworkPortMac, { required: true }),
  virtualport: child(VirtualPort),
  bandwidth: child(Bandwidth),
  vlan: child(Vlan),
  /** Port options (`isolated`). */
  port: child(PortOptions),
  rxfilters: child(NetworkPortRxfilters),
  plug: child(NetworkPortPlug),
});
export type NetworkPort = Infer<typeof NetworkPort>;

export const networkportDocument = defineDocument(NetworkPort);
