/**
 * `<idmap>`: user and group id mapping of a container's user namespace
 * (formatdomain.rst "Container boot").
 */
import { attr, el, many, t, type Infer } from '../../schema/index.js';

/** `count` ids from `start` in the container map to ids from `target` on the host. */
const idRange = {
  /** First id inside the container. */
  start: attr(t.uint),
  /** First id on the host. */
  target: attr(t.uint),
  count: attr(t.uint),
} as const;

/** `<uid start='0' target='1000' count='10'/>`: a user id range. */
export const IdmapUid = el('uid', idRange);
export type IdmapUid = Infer<typeof IdmapUid>;

/** `<gid start='0' target='1000' count='10'/>`: a group id range. */
export const IdmapGid = el('gid', idRange);
export type IdmapGid = Infer<typeof IdmapGid>;

/** `<idmap>` (formatdomain.rst "Container boot"). */
export const Idmap = el('idmap', {
  uid: many(IdmapUid),
  gid: many(IdmapGid),
});
export type Idmap = Infer<typeof Idmap>;
