/**
 * `<crypto>`: a virtio crypto device (formatdomain.rst "Crypto").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';
import { VirtioDriver } from './rng.js';

/** `<backend model queues>`: the crypto backend of a `type='qemu'` device. */
export const CryptoBackend = el('backend', {
  model: attr(t.enum('builtin', 'lkcf')),
  /** Number of virtqueues. */
  queues: attr(t.uint),
});
export type CryptoBackend = Infer<typeof CryptoBackend>;

/** `<crypto>` device (formatdomain.rst "Crypto"). */
export const Crypto = el('crypto', {
  model: attr(t.enum('virtio')),
  type: attr(t.enum('qemu')),
  backend: child(CryptoBackend),
  driver: child(VirtioDriver),
  ...deviceInfo,
});
export type Crypto = Infer<typeof Crypto>;
