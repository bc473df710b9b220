/**
 * Guest-wide security: the security labels of the guest's processes and resources
 * (formatdomain.rst "Security label"), s390 key wrapping ("Key Wrap") and confidential
 * computing ("Launch Security").
 */
import { attr, child, el, leaf, many, t, variants, type Infer } from '../../schema/index.js';

/**
 * `<seclabel type='dynamic' model='selinux'>`: the security label of the guest, one per
 * security driver (formatdomain.rst "Security label"). The `type` decides which labels apply;
 * without it the label is dynamic.
 */
export const Seclabel = el(
  'seclabel',
  {
    type: attr(t.enum('dynamic', 'static', 'none')),
    /** Security driver: `selinux`, `apparmor`, `dac`, or `none`. */
    model: attr(t.string),
    /** Whether libvirt relabels the guest's resources (always for dynamic, never for none). */
    relabel: attr(t.yesNo),
  },
  variants(
    'type',
    {
      dynamic: {
        /** Output only: the label generated for the guest's processes. */
        label: leaf(t.string),
        /** Output only: the label of the guest's resources. */
        imagelabel: leaf(t.string),
        /** The label a dynamic label is derived from. */
        baselabel: leaf(t.string),
      },
      static: {
        /** The label of the guest's processes. */
        label: leaf(t.string),
        /** Output only: the label of the guest's resources. */
        imagelabel: leaf(t.string),
      },
      none: {},
    },
    'dynamic',
  ),
);
export type Seclabel = Infer<typeof Seclabel>;

/** `<cipher name='aes' state='off'/>`: whether an s390 key wrapping cipher is enabled. */
export const KeywrapCipher = el('cipher', {
  name: attr(t.enum('aes', 'dea')),
  state: attr(t.onOff),
});
export type KeywrapCipher = Infer<typeof KeywrapCipher>;

/** `<keywrap>`: s390 cryptographic key management (formatdomain.rst "Key Wrap"). */
export const Keywrap = el('keywrap', {
  cipher: many(KeywrapCipher),
});
export type Keywrap = Infer<typeof Keywrap>;

/** `<quoteGenerationService path='/var/run/tdx-qgs/qgs.socket'/>`: where TDX attestation quotes are obtained. */
export const QuoteGenerationService = el('quoteGenerationService', {
  /** Unix socket of the quote generation service; the default one when absent. */
  path: attr(t.string),
});
export type QuoteGenerationService = Infer<typeof QuoteGenerationService>;

/** Values written as Base64 strings in the SEV and SEV-SNP elements. */
const base64 = t.string;

/**
 * `<launchSecurity type='sev'>`: how a confidential guest is launched (formatdomain.rst
 * "Launch Security"). The `type` decides the content: AMD SEV, SEV-SNP, s390 Protected
 * Virtualization, or Intel TDX.
 */
export const LaunchSecurity = el(
  'launchSecurity',
  {
    type: attr(t.enum('sev', 'sev-snp', 's390-pv', 'tdx')),
  },
  variants('type', {
    sev: {
      /** Include kernel, initrd and command line hashes in the measurement (direct boot). */
      kernelHashes: attr(t.yesNo),
      /** Location of the C-bit in a page table entry. */
      cbitpos: leaf(t.uint),
      /** Physical address bits lost when SEV is enabled. */
      reducedPhysBits: leaf(t.uint),
      /** Guest policy (SEV API "Guest Policy"). */
      policy: leaf(t.hex(4)),
      /** Output only: the SEV firmware's handle for the guest. */
      handle: leaf(t.uint),
      /** The guest owner's Diffie-Hellman key (Base64). */
      dhCert: leaf(base64),
      /** The session blob (Base64). */
      session: leaf(base64),
    },
    'sev-snp': {
      kernelHashes: attr(t.yesNo),
      /** The ID authentication structure carries an author key. */
      authorKey: attr(t.yesNo),
      /** Use the versioned chip endorsement key to sign reports. */
      vcek: attr(t.yesNo),
      cbitpos: leaf(t.uint),
      reducedPhysBits: leaf(t.uint),
      /** Guest policy (SEV-SNP firmware ABI). */
      policy: leaf(t.hex(8)),
      /** Hypervisor-defined workarounds visible to the guest (Base64, 16 bytes). */
      guestVisibleWorkarounds: leaf(base64),
      /** The ID block (Base64, 96 bytes). */
      idBlock: leaf(base64),
      /** The ID authentication information structure (Base64, 4096 bytes). */
      idAuth: leaf(base64),
      /** Data reported in attestation (Base64, 32 bytes). */
      hostData: leaf(base64),
    },
    's390-pv': {},
    tdx: {
      /** TD attributes (Intel TDX module ABI). */
      policy: leaf(t.hex(0)),
      /** SHA-384 digest of the configuration id (Base64). */
      mrConfigId: leaf(base64),
      /** SHA-384 digest of the owner id (Base64). */
      mrOwner: leaf(base64),
      /** SHA-384 digest of owner-defined configuration (Base64). */
      mrOwnerConfig: leaf(base64),
      quoteGenerationService: child(QuoteGenerationService),
    },
  }),
);
export type LaunchSecurity = Infer<typeof LaunchSecurity>;
