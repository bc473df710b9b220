/**
 * `<rng>`: the virtual random number generator (formatdomain.rst "Random number generator device"),
 * and the virtio `<driver>` options it shares with vsock and crypto.
 */
import { attr, child, el, many, text, variants, t, type Infer } from '../../schema/index.js';
import { deviceInfo, virtioOptions } from './address.js';
import { ChardevLog, ChardevProtocol, ChardevSource, chardevType } from './chardev.js';

/** `<driver>` of a virtio device holding only the virtio options (formatdomain.rst "Virtio-related options"). */
export const VirtioDriver = el('driver', { ...virtioOptions });
export type VirtioDriver = Infer<typeof VirtioDriver>;

/** `<rate bytes period>`: at most `bytes` of entropy per `period` milliseconds (default 1000). */
export const RngRate = el('rate', {
  bytes: attr(t.uint),
  period: attr(t.uint),
});
export type RngRate = Infer<typeof RngRate>;

/** `<backend model>`: where the entropy comes from. */
export const RngBackend = el(
  'backend',
  { model: attr(t.enum('random', 'egd', 'builtin')) },
  variants('model', {
    /** A host character device; the element's text is its path (`/dev/urandom`), absent for the hypervisor default. */
    random: { value: text(t.string) },
    /** An EGD protocol peer reached through a character device of the given `type`. */
    egd: {
      type: attr(chardevType),
      /** Sources as the chardev `type` needs them (two for udp: bind and connect). */
      source: many(ChardevSource),
      protocol: child(ChardevProtocol),
      log: child(ChardevLog),
    },
    /** QEMU's builtin generator (getrandom()). */
    builtin: {},
  }),
);
export type RngBackend = Infer<typeof RngBackend>;

/** `<rng>` device (formatdomain.rst "Random number generator device"). */
export const Rng = el('rng', {
  model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
  rate: child(RngRate),
  backend: child(RngBackend),
  driver: child(VirtioDriver),
  ...deviceInfo,
});
export type Rng = Infer<typeof Rng>;
