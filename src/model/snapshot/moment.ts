/**
 * Pieces shared by snapshots and checkpoints, libvirt's two kinds of "domain moment"
 * (formatsnapshot.rst, formatcheckpoint.rst).
 */
import { el, leaf, t, type Infer } from '../../schema/index.js';

/** A boolean written as `1` or `0` (the `<active>` element of libvirt's internal metadata). */
export const zeroOne = t.oneZero;

/** `<parent><name>...</name></parent>`: the snapshot or checkpoint this one descends from (output only). */
export const MomentParent = el('parent', {
  name: leaf(t.string),
});
export type MomentParent = Infer<typeof MomentParent>;
