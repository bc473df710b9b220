/**
 * Shapes shared by storage pools and volumes (formatstorage.rst "Storage pool target
 * elements" and "Storage volume target elements").
 */
import { el, leaf, t, type Infer, type ValueType } from '../../schema/index.js';

const OCTAL = /^\s*[0-7]+\s*$/;

/**
 * A file mode written in octal with a leading zero, as libvirt writes it (`0700`, `00`).
 * The typed value is the number (`0o700`); another spelling of the same number is kept.
 */
export const octalMode: ValueType<number> = {
  name: 'octal mode',
  decode: (raw) => {
    const n = OCTAL.test(raw) ? parseInt(raw.trim(), 8) : NaN;
    // Too many digits overflow to Infinity: keep such a spelling as unreadable raw text.
    return Number.isFinite(n) ? n : undefined;
  },
  encode: (v) => '0' + v.toString(8),
  is: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  exact: false,
  info: { json: 'integer', minimum: 0, maximum: 0o7777 },
};

/**
 * `<permissions>` of a pool or volume target (and a volume's backing store): mode,
 * numeric owner and group (-1 for unset) and the security (e.g. SELinux) label.
 */
export const StoragePermissions = el('permissions', {
  /** Octal permission bits, `0o700` for `<mode>0700</mode>`. */
  mode: leaf(octalMode),
  /** Numeric user ID; -1 means not set. */
  owner: leaf(t.int),
  /** Numeric group ID; -1 means not set. */
  group: leaf(t.int),
  /** MAC label, e.g. `system_u:object_r:virt_image_t:s0`. */
  label: leaf(t.string),
});
export type StoragePermissions = Infer<typeof StoragePermissions>;
