/**
 * `<vsock>`: a vsock host/guest interface (formatdomain.rst "Vsock").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';
import { VirtioDriver } from './rng.js';

/** `<cid auto address>`: the guest's context identifier. */
export const VsockCid = el('cid', {
  /** Let libvirt pick a free CID at start-up. */
  auto: attr(t.yesNo),
  /** The CID assigned to the guest. */
  address: attr(t.uint),
});
export type VsockCid = Infer<typeof VsockCid>;

/** `<vsock>` device (formatdomain.rst "Vsock"). `model` defaults to `virtio`. */
export const Vsock = el('vsock', {
  model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
  cid: child(VsockCid),
  ...deviceInfo,
  driver: child(VirtioDriver),
});
export type Vsock = Infer<typeof Vsock>;
