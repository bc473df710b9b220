/**
 * `<tpm>`: a TPM device and its backend (formatdomain.rst "TPM device").
 */
import { attr, child, el, flag, variants, t, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';

/** `<device path>` of a passthrough backend: the host TPM, `/dev/tpm0` when absent. */
export const TpmDevice = el('device', {
  path: attr(t.string),
});
export type TpmDevice = Infer<typeof TpmDevice>;

/** `<encryption secret>` of an emulator backend: the secret (by UUID) encrypting the TPM state. */
export const TpmEncryption = el('encryption', {
  secret: attr(t.uuid),
});
export type TpmEncryption = Infer<typeof TpmEncryption>;

/** `<active_pcr_banks>`: the PCR banks of a TPM 2.0 to activate at every start. */
export const TpmActivePcrBanks = el('active_pcr_banks', {
  sha1: flag(),
  sha256: flag(),
  sha384: flag(),
  sha512: flag(),
});
export type TpmActivePcrBanks = Infer<typeof TpmActivePcrBanks>;

/** `<source type path>` of an emulator backend: a state file or directory. */
export const TpmEmulatorSource = el('source', {
  type: attr(t.enum('file', 'dir')),
  path: attr(t.string),
});
export type TpmEmulatorSource = Infer<typeof TpmEmulatorSource>;

/** `<profile source removeDisabled name>` of an emulator backend: the TPM 2.0 profile set at creation. */
export const TpmProfile = el('profile', {
  /** Profile file, e.g. `local:restricted`. */
  source: attr(t.pattern('profile name', '^[A-Za-z0-9.\\-:]+$')),
  /** Which disabled algorithms to remove from the profile. */
  removeDisabled: attr(t.enum('check', 'fips-host')),
  /** Output: the name the profile got. */
  name: attr(t.pattern('profile name', '^[A-Za-z0-9.\\-:]+$')),
});
export type TpmProfile = Infer<typeof TpmProfile>;

/** `<source type='unix' mode='connect' path>` of an external backend: the emulator's socket. */
export const TpmExternalSource = el('source', {
  type: attr(t.enum('unix')),
  mode: attr(t.enum('connect')),
  path: attr(t.string),
});
export type TpmExternalSource = Infer<typeof TpmExternalSource>;

/** `<backend type>`: passthrough of a host TPM, a libvirt-started swtpm emulator, or an external emulator. */
export const TpmBackend = el(
  'backend',
  {
    type: attr(t.enum('passthrough', 'emulator', 'external')),
    /** TPM version; meaningful with the emulator backend. */
    version: attr(t.enum('1.2', '2.0')),
  },
  variants('type', {
    passthrough: {
      device: child(TpmDevice),
    },
    emulator: {
      /** Keep the TPM state when a transient domain goes away. */
      persistent_state: attr(t.yesNo),
      /** swtpm log level (non-zero enables logging). */
      debug: attr(t.uint),
      encryption: child(TpmEncryption),
      active_pcr_banks: child(TpmActivePcrBanks),
      source: child(TpmEmulatorSource),
      profile: child(TpmProfile),
    },
    external: {
      source: child(TpmExternalSource),
    },
  }),
);
export type TpmBackend = Infer<typeof TpmBackend>;

/** `<tpm>` device (formatdomain.rst "TPM device"). */
export const Tpm = el('tpm', {
  model: attr(t.enum('tpm-tis', 'tpm-crb', 'tpm-spapr', 'spapr-tpm-proxy')),
  backend: child(TpmBackend),
  ...deviceInfo,
});
export type Tpm = Infer<typeof Tpm>;
