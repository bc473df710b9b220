/**
 * `<source>` of a typed `<nvram>` inside `<os>`: the same syntax as a disk's source
 * (formatdomain.rst "BIOS bootloader", nvram; "Hard drives, floppy disks, CDROMs").
 */
import { attr, child, el, many, t, type Infer } from '../../schema/index.js';
import { DeviceSeclabel } from './seclabel-device.js';

/** `<source file='/path/guest_VARS.fd'/>` of a file-backed NVRAM. */
export const NvramSourceFile = el('source', {
  file: attr(t.string),
  seclabel: many(DeviceSeclabel),
});
export type NvramSourceFile = Infer<typeof NvramSourceFile>;

/** `<source dev='/dev/sdb'/>` of a block-device-backed NVRAM. */
export const NvramSourceBlock = el('source', {
  dev: attr(t.string),
  seclabel: many(DeviceSeclabel),
});
export type NvramSourceBlock = Infer<typeof NvramSourceBlock>;

/** `<host name='example.org' port='6000'/>`: a server of network storage. */
export const NvramSourceHost = el('host', {
  name: attr(t.string),
  port: attr(t.uint),
  transport: attr(t.enum('tcp', 'rdma', 'unix')),
  socket: attr(t.string),
});
export type NvramSourceHost = Infer<typeof NvramSourceHost>;

/** `<secret type='iscsi' usage='...'/>`: the secret holding the credentials. */
export const NvramAuthSecret = el('secret', {
  type: attr(t.enum('iscsi', 'ceph')),
  usage: attr(t.string),
  uuid: attr(t.uuid),
});
export type NvramAuthSecret = Infer<typeof NvramAuthSecret>;

/** `<auth username='...'>`: credentials for network storage. */
export const NvramSourceAuth = el('auth', {
  username: attr(t.string),
  secret: child(NvramAuthSecret),
});
export type NvramSourceAuth = Infer<typeof NvramSourceAuth>;

/** `<source protocol='nbd' name='...'>` of a network-backed NVRAM. */
export const NvramSourceNetwork = el('source', {
  protocol: attr(t.enum('nbd', 'rbd', 'sheepdog', 'gluster', 'iscsi', 'http', 'https', 'ftp', 'ftps', 'tftp', 'ssh', 'vxhs', 'nfs')),
  name: attr(t.string),
  tls: attr(t.yesNo),
  host: many(NvramSourceHost),
  auth: child(NvramSourceAuth),
});
export type NvramSourceNetwork = Infer<typeof NvramSourceNetwork>;
