/**
 * `<panic>`: a device through which the guest reports a kernel panic to libvirt
 * (formatdomain.rst "panic device").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { Address, Alias } from './address.js';

/** `<panic>` (formatdomain.rst "panic device"). */
export const Panic = el('panic', {
  /** isa (pvpanic ISA device), pseries, hyperv (Hyper-V crash MSRs), s390, pvpanic (PCI). */
  model: attr(t.enum('isa', 'pseries', 'hyperv', 's390', 'pvpanic')),
  alias: child(Alias),
  /** For `isa`, an ISA address with `iobase`. */
  address: child(Address),
});
export type Panic = Infer<typeof Panic>;
