/**
 * `<smartcard>`: a USB CCID smartcard reader (formatdomain.rst "Smartcard devices").
 */
import { attr, child, el, leaf, leaves, many, variants, t, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';
import { ChardevLog, ChardevProtocol, ChardevSource, ChardevTarget, chardevType } from './chardev.js';

/** `<smartcard mode>` device (formatdomain.rst "Smartcard devices"). */
export const Smartcard = el(
  'smartcard',
  { mode: attr(t.enum('host', 'host-certificates', 'passthrough')) },
  variants('mode', {
    /** Relays requests to the host's smartcard through NSS. */
    host: { ...deviceInfo },
    /** Emulates a card from three NSS certificates on the host. */
    'host-certificates': {
      /** Exactly three certificate nicknames in the NSS database. */
      certificate: leaves(t.string),
      /** NSS database directory; `/etc/pki/nssdb` when absent. */
      database: leaf(t.string),
      ...deviceInfo,
    },
    /** Tunnels the CCID protocol over a character device of the given `type`. */
    passthrough: {
      type: attr(chardevType),
      /** Sources as the chardev `type` needs them. */
      source: many(ChardevSource),
      protocol: child(ChardevProtocol),
      log: child(ChardevLog),
      target: child(ChardevTarget),
      ...deviceInfo,
    },
  }),
);
export type Smartcard = Infer<typeof Smartcard>;
