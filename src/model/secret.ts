/**
 * `<secret>`: a secret stored by libvirt, such as a passphrase or a key (formatsecret.rst).
 * The document describes the secret and what it is used for; the value itself is set
 * separately and never appears in the XML.
 */
import { attr, child, el, leaf, t, variants, type Infer } from '../schema/index.js';
import { defineDocument } from '../schema/document.js';

/**
 * `<usage type=...>`: what the secret is used for (formatsecret.rst "Usage type ..."). The
 * type decides the single child element naming the user of the secret.
 */
export const SecretUsage = el(
  'usage',
  { type: attr(t.enum('volume', 'ceph', 'iscsi', 'tls', 'vtpm'), { required: true }) },
  variants('type', {
    /** A (LUKS encrypted) storage volume, named by its absolute path. */
    volume: { volume: leaf(t.string) },
    /** A Ceph RBD client, by usage name (`client.admin secret`). */
    ceph: { name: leaf(t.string) },
    /** An iSCSI target's CHAP authentication, by usage name. */
    iscsi: { target: leaf(t.string) },
    /** The passphrase of a TLS private key, by usage name. */
    tls: { name: leaf(t.string) },
    /** The passphrase encrypting a vTPM's state, by usage name. */
    vtpm: { name: leaf(t.string) },
  }),
);
export type SecretUsage = Infer<typeof SecretUsage>;

/** `<secret>`: the root of a secret document (formatsecret.rst "Secret XML"). */
export const Secret = el('secret', {
  /** Keep the secret in memory only, never stored persistently (default no). */
  ephemeral: attr(t.yesNo),
  /** The value must never be revealed to callers of libvirt or to other nodes (default no). */
  private: attr(t.yesNo),
  /** Unique identifier; generated when absent at definition time. */
  uuid: leaf(t.uuid),
  /** Human-readable description of the secret's purpose. */
  description: leaf(t.string),
  usage: child(SecretUsage),
});
export type Secret = Infer<typeof Secret>;

export const secretDocument = defineDocument(Secret);
