/**
 * Shapes shared by several document kinds.
 */
import { attr, el, text, t, type Fields, type Infer, type ValueType } from '../schema/index.js';

/** The units libvirt accepts in a `unit` attribute (formatdomain.rst "Memory Allocation"). */
const sizeUnits = t.enum(
  'b', 'B', 'bytes', 'KB', 'k', 'K', 'KiB', 'MB', 'm', 'M', 'MiB', 'GB', 'g', 'G', 'GiB',
  'TB', 't', 'T', 'TiB', 'PB', 'p', 'P', 'PiB', 'EB', 'e', 'E', 'EiB',
);
type SizeUnit = typeof sizeUnits extends ValueType<infer V> ? V : never;
const unitBySpelling = new Map<string, SizeUnit>([['byte', 'bytes']]);
for (const u of [...sizeUnits.info.enum!].reverse()) unitBySpelling.set(u.toLowerCase(), u as SizeUnit);

/**
 * libvirt reads units case-insensitively (`mib`, `kiB`, `byte`): such a spelling reads as the
 * listed unit of the same meaning, and the original spelling is kept for writing back.
 */
export const sizeUnit: ValueType<SizeUnit> = {
  ...sizeUnits,
  decode: (raw) => (sizeUnits.info.enum!.includes(raw) ? (raw as SizeUnit) : (unitBySpelling.get(raw.toLowerCase()) ?? (raw as SizeUnit))),
  exact: false,
};

/**
 * A scaled size: `<memory unit='KiB'>1048576</memory>` is `{ value: 1048576, unit: 'KiB' }`.
 * Without a unit libvirt reads the number in the element's default unit (KiB for memory, bytes for storage).
 */
export function sized<const F extends Fields = {}>(name: string, extra?: F) {
  // libvirt writes other attributes before the unit (`<maxMemory slots='16' unit='KiB'>`).
  return el(name, { ...(extra ?? ({} as F)), unit: attr(sizeUnit), value: text(t.uint) });
}

export type ScaledSize = Infer<ReturnType<typeof sized>>;
