/**
 * `<shmem>`: a shared memory region between guests and the host, as an ivshmem PCI device
 * (formatdomain.rst "Shared memory device").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { sized } from '../common.js';
import { deviceInfo } from './address.js';

/** `<model type='...'/>` of a shmem device. */
export const ShmemModel = el('model', {
  /** `ivshmem-plain` (no interrupts), `ivshmem-doorbell` (with a server), or legacy `ivshmem`. */
  type: attr(t.enum('ivshmem', 'ivshmem-plain', 'ivshmem-doorbell'), { required: true }),
});
export type ShmemModel = Infer<typeof ShmemModel>;

/** `<server path='...'/>`: the ivshmem server socket of a doorbell device. */
export const ShmemServer = el('server', {
  /** UNIX socket path; default `/var/lib/libvirt/shmem/<name>-sock`. */
  path: attr(t.string),
});
export type ShmemServer = Infer<typeof ShmemServer>;

/** `<msi>`: MSI interrupts of a doorbell device. */
export const ShmemMsi = el('msi', {
  /** Number of interrupt vectors. */
  vectors: attr(t.uint),
  ioeventfd: attr(t.onOff),
});
export type ShmemMsi = Infer<typeof ShmemMsi>;

/** `<shmem>` (formatdomain.rst "Shared memory device"). */
export const Shmem = el('shmem', {
  /** Name of the shared memory object (no `/`). */
  name: attr(t.string, { required: true }),
  /** On migration: `master` keeps the memory, `peer` disables it. */
  role: attr(t.enum('master', 'peer')),
  model: child(ShmemModel),
  /** Size of the region: a power of two, at least 1 MiB; libvirt writes it with `unit='M'`. */
  size: child(sized('size')),
  server: child(ShmemServer),
  msi: child(ShmemMsi),
  ...deviceInfo,
});
export type Shmem = Infer<typeof Shmem>;
