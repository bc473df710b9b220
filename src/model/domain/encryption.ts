/**
 * `<encryption>` of a storage source: how an image is encrypted and which secret opens it.
 * Shared by disk sources (formatdomain.rst "Hard drives, floppy disks, CDROMs", encryption)
 * and storage volumes (formatstorageencryption.rst).
 */
import { attr, child, el, many, t, type Infer } from '../../schema/index.js';

/** `<secret type='passphrase' uuid='...'/>`: the libvirt secret holding the passphrase, by UUID or usage. */
export const EncryptionSecret = el('secret', {
  type: attr(t.enum('passphrase')),
  uuid: attr(t.uuid),
  usage: attr(t.string),
});
export type EncryptionSecret = Infer<typeof EncryptionSecret>;

/** `<cipher name='aes' size='256' mode='cbc' hash='sha256'/>`: the LUKS payload cipher. */
export const EncryptionCipher = el('cipher', {
  name: attr(t.string),
  /** Key size in bits. */
  size: attr(t.uint),
  mode: attr(t.string),
  hash: attr(t.string),
});
export type EncryptionCipher = Infer<typeof EncryptionCipher>;

/** `<ivgen name='plain64' hash='sha256'/>`: the LUKS initialization vector generator. */
export const EncryptionIvgen = el('ivgen', {
  name: attr(t.string),
  hash: attr(t.string),
});
export type EncryptionIvgen = Infer<typeof EncryptionIvgen>;

/** `<encryption format='luks'>` (formatstorageencryption.rst). */
export const Encryption = el('encryption', {
  format: attr(t.enum('default', 'qcow', 'luks', 'luks2', 'luks-any')),
  /** Who decrypts: QEMU itself or the RBD library. */
  engine: attr(t.enum('qemu', 'librbd')),
  secret: many(EncryptionSecret),
  cipher: child(EncryptionCipher),
  ivgen: child(EncryptionIvgen),
});
export type Encryption = Infer<typeof Encryption>;
