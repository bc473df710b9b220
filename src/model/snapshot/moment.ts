/**
 * Pieces shared by snapshots and checkpoints, libvirt's two kinds of "domain moment"
 * (formatsnapshot.rst, formatcheckpoint.rst).
 */
import { el, leaf, t, type Infer, type ValueType } from '../../schema/index.js';

/**
 * A boolean written as `1` or `0` (the `<active>` element of libvirt's internal metadata).
 * Other spellings (`2`) are kept as they were.
 */
export const zeroOne: ValueType<boolean> = {
  name: '0|1',
  decode: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  encode: (v) => (v ? '1' : '0'),
  is: (v): v is boolean => typeof v === 'boolean',
  exact: false,
  info: { json: 'boolean' },
};

/** `<parent><name>...</name></parent>`: the snapshot or checkpoint this one descends from (output only). */
export const MomentParent = el('parent', {
  name: leaf(t.string),
});
export type MomentParent = Infer<typeof MomentParent>;
