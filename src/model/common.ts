/**
 * Shapes shared by several document kinds.
 */
import { attr, el, text, t, type Fields, type Infer } from '../schema/index.js';

/** The units libvirt accepts in a `unit` attribute (formatdomain.rst "Memory Allocation"). */
export const sizeUnit = t.enum(
  'b', 'B', 'bytes', 'KB', 'k', 'K', 'KiB', 'MB', 'm', 'M', 'MiB', 'GB', 'g', 'G', 'GiB',
  'TB', 't', 'T', 'TiB', 'PB', 'p', 'P', 'PiB', 'EB', 'e', 'E', 'EiB',
);

/**
 * A scaled size: `<memory unit='KiB'>1048576</memory>` is `{ value: 1048576, unit: 'KiB' }`.
 * Without a unit libvirt reads the number in the element's default unit (KiB for memory, bytes for storage).
 */
export function sized<const F extends Fields = {}>(name: string, extra?: F) {
  // libvirt writes other attributes before the unit (`<maxMemory slots='16' unit='KiB'>`).
  return el(name, { ...(extra ?? ({} as F)), unit: attr(sizeUnit), value: text(t.uint) });
}

export type ScaledSize = Infer<ReturnType<typeof sized>>;
