/**
 * `<watchdog>`: a virtual hardware watchdog (formatdomain.rst "Watchdog devices").
 */
import { attr, el, t, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';

/** `<watchdog>` (formatdomain.rst "Watchdog devices"). */
export const Watchdog = el('watchdog', {
  model: attr(t.enum('i6300esb', 'ib700', 'diag288', 'itco'), { required: true }),
  /** What happens when the watchdog fires. */
  action: attr(t.enum('reset', 'shutdown', 'poweroff', 'pause', 'none', 'dump', 'inject-nmi')),
  ...deviceInfo,
});
export type Watchdog = Infer<typeof Watchdog>;
