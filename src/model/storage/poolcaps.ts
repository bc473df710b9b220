/**
 * `<storagepoolCapabilities>`: which pool types the storage driver supports and their
 * source and volume format choices (formatstoragecaps.rst).
 */
import { attr, child, el, leaves, many, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { poolType } from './pool.js';

/** `<defaultFormat type='...'/>`: the format used when none is given. */
export const PoolCapsDefaultFormat = el('defaultFormat', { type: attr(t.string, { required: true }) });
export type PoolCapsDefaultFormat = Infer<typeof PoolCapsDefaultFormat>;

/** `<enum name='...'>` with `<value>` children: the accepted values of one setting (`sourceFormatType`, `targetFormatType`). */
export const PoolCapsEnum = el('enum', {
  name: attr(t.string, { required: true }),
  value: leaves(t.string),
});
export type PoolCapsEnum = Infer<typeof PoolCapsEnum>;

/** `<poolOptions>`: the pool source formats of a pool type. */
export const PoolCapsPoolOptions = el('poolOptions', {
  defaultFormat: child(PoolCapsDefaultFormat),
  enum: many(PoolCapsEnum),
});
export type PoolCapsPoolOptions = Infer<typeof PoolCapsPoolOptions>;

/** `<volOptions>`: the volume target formats of a pool type. */
export const PoolCapsVolOptions = el('volOptions', {
  defaultFormat: child(PoolCapsDefaultFormat, { required: true }),
  enum: many(PoolCapsEnum),
});
export type PoolCapsVolOptions = Infer<typeof PoolCapsVolOptions>;

/** `<pool type='...' supported='yes|no'>`: one pool type (formatstoragecaps.rst "Element and attribute overview"). */
export const PoolCapsPool = el('pool', {
  type: attr(poolType, { required: true }),
  /** Whether this libvirt build's storage driver supports the pool type. */
  supported: attr(t.yesNo, { required: true }),
  poolOptions: child(PoolCapsPoolOptions),
  volOptions: child(PoolCapsVolOptions),
});
export type PoolCapsPool = Infer<typeof PoolCapsPool>;

/** `<storagepoolCapabilities>` (formatstoragecaps.rst). */
export const StoragePoolCapabilities = el('storagepoolCapabilities', {
  pool: many(PoolCapsPool),
});
export type StoragePoolCapabilities = Infer<typeof StoragePoolCapabilities>;

export const storagepoolCapabilitiesDocument = defineDocument(StoragePoolCapabilities);
