/**
 * Per-device `<seclabel>` override, inside a disk, chardev or filesystem `<source>`
 * (formatdomain.rst "Security label", per-device overrides).
 */
import { attr, el, leaves, t, type Infer } from '../../schema/index.js';

export const DeviceSeclabel = el('seclabel', {
  /** Security driver this override applies to: `selinux`, `dac`, `apparmor`. */
  model: attr(t.string),
  /** `false` leaves the resource's label alone. */
  relabel: attr(t.yesNo),
  /** Output only: libvirt skipped relabelling. */
  labelskip: attr(t.yesNo),
  /** Labels to use for this resource. */
  label: leaves(t.string),
});
export type DeviceSeclabel = Infer<typeof DeviceSeclabel>;
