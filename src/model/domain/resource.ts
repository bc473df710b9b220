/**
 * `<resource>`: where the guest sits in the host's resource hierarchy
 * (formatdomain.rst "Resource partitioning", "Fibre Channel VMID").
 */
import { attr, child, el, leaf, t, type Infer } from '../../schema/index.js';

/** `<fibrechannel appid='userProvidedID'/>`: the Fibre Channel application id tagging the guest's I/O. */
export const Fibrechannel = el('fibrechannel', {
  /** 1 to 128 printable ASCII characters. */
  appid: attr(t.pattern('fibre channel appid', '^[\\x20-\\x7E]{1,128}$')),
});
export type Fibrechannel = Infer<typeof Fibrechannel>;

/** `<resource>` (formatdomain.rst "Resource partitioning"). */
export const Resource = el('resource', {
  /** Absolute path of the resource partition (cgroup), e.g. `/machine`. */
  partition: leaf(t.string),
  fibrechannel: child(Fibrechannel),
});
export type Resource = Infer<typeof Resource>;
