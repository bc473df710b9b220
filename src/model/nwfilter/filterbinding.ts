/**
 * `<filterbinding>`: the binding of a network filter to one port of a running guest
 * (nwfilterbinding.rng). libvirt creates these when a guest interface with a
 * `<filterref>` starts; they can also be listed and created through the API.
 */
import { attr, child, el, leaf, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { InterfaceFilterref } from '../domain/interface.js';

/** `<owner>`: the guest that owns the port, by name and UUID. */
export const FilterBindingOwner = el('owner', {
  name: leaf(t.string, { required: true }),
  uuid: leaf(t.uuid, { required: true }),
});
export type FilterBindingOwner = Infer<typeof FilterBindingOwner>;

/** `<portdev name=.../>`: the host-side device of the port (the tap device, `vnet0`). */
export const FilterBindingPortdev = el('portdev', {
  name: attr(t.string, { required: true }),
});
export type FilterBindingPortdev = Infer<typeof FilterBindingPortdev>;

/** `<linkdev name=.../>`: the host device the port is linked to (macvtap's parent NIC). */
export const FilterBindingLinkdev = el('linkdev', {
  name: attr(t.string, { required: true }),
});
export type FilterBindingLinkdev = Infer<typeof FilterBindingLinkdev>;

/** `<mac address=.../>`: the guest-side MAC address of the port. */
export const FilterBindingMac = el('mac', {
  address: attr(t.mac, { required: true }),
});
export type FilterBindingMac = Infer<typeof FilterBindingMac>;

/** `<filterbinding>`: the root of a filter binding document. */
export const FilterBinding = el('filterbinding', {
  owner: child(FilterBindingOwner, { required: true }),
  portdev: child(FilterBindingPortdev, { required: true }),
  linkdev: child(FilterBindingLinkdev),
  mac: child(FilterBindingMac, { required: true }),
  /** The filter applied, with its parameters (the same element as an interface's `<filterref>`). */
  filterref: child(InterfaceFilterref, { required: true }),
});
export type FilterBinding = Infer<typeof FilterBinding>;

export const filterbindingDocument = defineDocument(FilterBinding);
