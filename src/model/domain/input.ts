/**
 * `<input>`: a keyboard, mouse or tablet, or a host input device passed to the guest
 * (formatdomain.rst "Input devices"). The `type` decides the `<source>`.
 */
import { attr, child, el, t, variants, type Infer } from '../../schema/index.js';
import { deviceInfo, virtioOptions } from './address.js';

/** `<driver>` of a virtio input device: virtio transport options. */
export const InputDriver = el('driver', { ...virtioOptions });
export type InputDriver = Infer<typeof InputDriver>;

/** `<source evdev='...'/>` of a `passthrough` input: the host event device given to a virtio-input-host device. */
export const InputPassthroughSource = el('source', {
  /** Host event device, e.g. `/dev/input/event1`. */
  evdev: attr(t.string, { required: true }),
});
export type InputPassthroughSource = Infer<typeof InputPassthroughSource>;

/** `<source dev='...'/>` of an `evdev` input: a host event device QEMU grabs and forwards. */
export const InputEvdevSource = el('source', {
  /** Host event device, e.g. `/dev/input/event1`. */
  dev: attr(t.string, { required: true }),
  /** `all` grabs every input device, not just this one, when the grab toggles. */
  grab: attr(t.enum('all')),
  /** Key combination that toggles the grab between host and guest. */
  grabToggle: attr(t.enum('ctrl-ctrl', 'alt-alt', 'shift-shift', 'meta-meta', 'scrolllock', 'ctrl-scrolllock')),
  /** Auto-repeat events. */
  repeat: attr(t.onOff),
});
export type InputEvdevSource = Infer<typeof InputEvdevSource>;

/** `<input>` (formatdomain.rst "Input devices"). */
export const Input = el(
  'input',
  {
    type: attr(t.enum('tablet', 'mouse', 'keyboard', 'passthrough', 'evdev'), { required: true }),
    /** Bus of the emulated device; `virtio` only for `passthrough`. */
    bus: attr(t.enum('ps2', 'usb', 'xen', 'virtio')),
    /** Variant of a virtio device. */
    model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
    driver: child(InputDriver),
  },
  variants('type', {
    tablet: { ...deviceInfo },
    mouse: { ...deviceInfo },
    keyboard: { ...deviceInfo },
    passthrough: {
      source: child(InputPassthroughSource),
      ...deviceInfo,
    },
    evdev: {
      source: child(InputEvdevSource),
      ...deviceInfo,
    },
  }),
);
export type Input = Infer<typeof Input>;
