// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const MaxMemory = el('maxMemory', {});
export type MaxMemory = Infer<typeof MaxMemory>;

export const Memory = el('memory', {});
export type Memory = Infer<typeof Memory>;

export const CurrentMemory = el('currentMemory', {});
export type CurrentMemory = Infer<typeof CurrentMemory>;

export const MemoryBacking = el('memoryBacking', {});
export type MemoryBacking = Infer<typeof MemoryBacking>;

export const Memtune = el('memtune', {});
export type Memtune = Infer<typeof Memtune>;
