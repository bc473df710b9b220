/**
 * `<hub type='usb'>`: a USB hub that adds ports to a USB bus (formatdomain.rst "Hub devices").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { Address, Alias } from './address.js';

/** `<hub>` (formatdomain.rst "Hub devices"). */
export const Hub = el('hub', {
  /** Only `usb`. */
  type: attr(t.enum('usb'), { required: true }),
  alias: child(Alias),
  address: child(Address),
});
export type Hub = Infer<typeof Hub>;
