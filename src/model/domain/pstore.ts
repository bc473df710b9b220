/**
 * `<pstore>`: a persistent store for guest kernel oops/panic logs (formatdomain.rst "Pstore").
 */
import { attr, child, el, leaf, t, type Infer } from '../../schema/index.js';
import { sized } from '../common.js';
import { Address, Alias } from './address.js';

/** `<pstore backend='acpi-erst'>` (formatdomain.rst "Pstore"). */
export const Pstore = el('pstore', {
  /** Only `acpi-erst` (ACPI Error Record Serialization Table). */
  backend: attr(t.enum('acpi-erst'), { required: true }),
  /** Host file that backs the store. */
  path: leaf(t.string),
  /** Size of the store (default unit KiB). */
  size: child(sized('size')),
  alias: child(Alias),
  address: child(Address),
});
export type Pstore = Infer<typeof Pstore>;
