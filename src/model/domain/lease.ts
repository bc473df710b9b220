/**
 * `<lease>`: a lock manager lease the guest holds while running (formatdomain.rst "Device leases").
 */
import { attr, child, el, leaf, t, type Infer } from '../../schema/index.js';

/** `<target path='...' offset='N'/>`: where the lease is stored. */
export const LeaseTarget = el('target', {
  path: attr(t.string),
  /** Byte offset of the lease within the file. */
  offset: attr(t.uint),
});
export type LeaseTarget = Infer<typeof LeaseTarget>;

/** `<lease>` (formatdomain.rst "Device leases"). */
export const Lease = el('lease', {
  /** Name of the lockspace the lease key lives in. */
  lockspace: leaf(t.string),
  /** Unique key of the lease within the lockspace. */
  key: leaf(t.string),
  target: child(LeaseTarget),
});
export type Lease = Infer<typeof Lease>;
