/**
 * `<memballoon>`: the memory balloon device (formatdomain.rst "Memory balloon device").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { deviceInfo, virtioOptions } from './address.js';

/** `<stats period='N'/>`: how often (seconds) the balloon driver reports memory statistics. */
export const MemballoonStats = el('stats', {
  period: attr(t.uint, { required: true }),
});
export type MemballoonStats = Infer<typeof MemballoonStats>;

/** `<driver>` of a virtio balloon: virtio transport options. */
export const MemballoonDriver = el('driver', { ...virtioOptions });
export type MemballoonDriver = Infer<typeof MemballoonDriver>;

/** `<memballoon>` (formatdomain.rst "Memory balloon device"). */
export const Memballoon = el('memballoon', {
  /** `none` disables the balloon libvirt would otherwise add. */
  model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional', 'xen', 'none'), { required: true }),
  /** Deflate the balloon when the guest runs out of memory. */
  autodeflate: attr(t.onOff),
  /** Let the guest report free pages to the host. */
  freePageReporting: attr(t.onOff),
  stats: child(MemballoonStats),
  ...deviceInfo,
  driver: child(MemballoonDriver),
});
export type Memballoon = Infer<typeof Memballoon>;
