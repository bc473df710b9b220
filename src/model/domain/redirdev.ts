/**
 * `<redirdev>` and `<redirfilter>`: USB redirection through a character device
 * (formatdomain.rst "Redirected devices").
 */
import { attr, child, el, many, variants, t, type Infer } from '../../schema/index.js';
import { Boot, deviceInfo } from './address.js';
import { chardevCases, chardevType } from './chardev.js';

/** `<redirdev bus type>`: a USB device redirected over a character device (`spicevmc`, `tcp`, ...). */
export const Redirdev = el(
  'redirdev',
  {
    bus: attr(t.enum('usb')),
    /** Host interface of the tunnel, as for a serial port. */
    type: attr(chardevType),
  },
  variants('type', chardevCases({ boot: child(Boot), ...deviceInfo })),
);
export type Redirdev = Infer<typeof Redirdev>;

/** A USB identifier in hex (`0x15E1`) or `-1` for any. */
const usbIdOrAny = t.pattern('usb id or -1', '^((0x)?[0-9a-fA-F]{1,4}|-1)$');

/** `<usbdev class vendor product version allow>`: one filter rule; `-1` or absent matches anything. */
export const RedirfilterUsbdev = el('usbdev', {
  class: attr(t.pattern('usb class or -1', '^((0x)?[0-9a-fA-F]{1,2}|-1)$')),
  vendor: attr(usbIdOrAny),
  product: attr(usbIdOrAny),
  /** Device revision, e.g. `1.10`. */
  version: attr(t.pattern('usb version or -1', '^([0-9]{1,2}.[0-9]{1,2}|-1)$')),
  allow: attr(t.yesNo),
});
export type RedirfilterUsbdev = Infer<typeof RedirfilterUsbdev>;

/** `<redirfilter>`: rules deciding which USB devices may be redirected, first match wins. */
export const Redirfilter = el('redirfilter', {
  usbdev: many(RedirfilterUsbdev),
});
export type Redirfilter = Infer<typeof Redirfilter>;
