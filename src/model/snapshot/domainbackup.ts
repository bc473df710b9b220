/**
 * `<domainbackup>`: a backup job, either pushed by the hypervisor to backup files (`push`) or
 * served over NBD for a third party to pull (`pull`) (formatbackup.rst "Backup XML").
 * The `mode` decides whether disks have a `<target>` (push) or a `<scratch>` file and an NBD
 * export (pull). Fields are in the order libvirt writes them.
 */
import { attr, child, el, leaf, many, t, variants, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { storageFormat } from '../domain/disk.js';
import { Encryption } from '../domain/encryption.js';
import { DeviceSeclabel } from '../domain/seclabel-device.js';

// ---------------------------------------------------------------------------
// Disk attributes shared by both modes

/** Attributes every backup `<disk>` has, in libvirt's order; `type` selects the storage shape. */
const diskAttrs = {
  /** Target device of the domain disk (`vda`). */
  name: attr(t.string, { required: true }),
  /** Whether the disk takes part in the backup (default yes). */
  backup: attr(t.yesNo),
  /** Job status metadata only: progress of this disk's backup. */
  state: attr(t.enum('running', 'complete', 'failed', 'cancelling', 'cancelled')),
  /** Storage of the backup target or scratch image: a file (default) or a block device. */
  type: attr(t.enum('file', 'block')),
  /** `full` copies everything; `incremental` copies changes since a checkpoint. */
  backupmode: attr(t.enum('full', 'incremental')),
  /** Checkpoint the incremental backup of this disk starts from (overrides the top-level one). */
  incremental: attr(t.string),
} as const;

/** Children of a target or scratch image: per-image security labels and encryption. */
const imageChildren = {
  seclabel: many(DeviceSeclabel),
  /** Encrypts the image (LUKS, by QEMU). */
  encryption: child(Encryption),
} as const;

// ---------------------------------------------------------------------------
// Push mode

/** `<target file='/path'/>` of a push-mode file disk: the backup file to write. */
export const BackupTargetFile = el('target', {
  file: attr(t.string, { required: true }),
  ...imageChildren,
});
export type BackupTargetFile = Infer<typeof BackupTargetFile>;

/** `<target dev='/dev/sdb'/>` of a push-mode block disk: the block device to write. */
export const BackupTargetBlock = el('target', {
  dev: attr(t.string, { required: true }),
  ...imageChildren,
});
export type BackupTargetBlock = Infer<typeof BackupTargetBlock>;

/** `<driver type='qcow2'/>` of a push-mode disk: the format of the backup image. */
export const BackupPushDriver = el('driver', {
  type: attr(storageFormat, { required: true }),
});
export type BackupPushDriver = Infer<typeof BackupPushDriver>;

/** `<disk name='vda' type='file'>` of a push-mode backup (formatbackup.rst, `disks`). */
export const BackupPushDisk = el(
  'disk',
  {
    ...diskAttrs,
    /** Job status metadata only: position of the target in the block-node chain. */
    index: attr(t.uint),
  },
  variants(
    'type',
    {
      file: { driver: child(BackupPushDriver), target: child(BackupTargetFile) },
      block: { driver: child(BackupPushDriver), target: child(BackupTargetBlock) },
    },
    'file',
  ),
);
export type BackupPushDisk = Infer<typeof BackupPushDisk>;

/** `<disks>` of a push-mode backup. */
export const BackupPushDisks = el('disks', {
  disk: many(BackupPushDisk),
});
export type BackupPushDisks = Infer<typeof BackupPushDisks>;

// ---------------------------------------------------------------------------
// Pull mode

/** `<scratch file='/path'/>` of a pull-mode file disk: where the disk's point-in-time state is kept while it is served. */
export const BackupScratchFile = el('scratch', {
  file: attr(t.string, { required: true }),
  ...imageChildren,
});
export type BackupScratchFile = Infer<typeof BackupScratchFile>;

/** `<scratch dev='/dev/sdb'/>` of a pull-mode block disk. */
export const BackupScratchBlock = el('scratch', {
  dev: attr(t.string, { required: true }),
  ...imageChildren,
});
export type BackupScratchBlock = Infer<typeof BackupScratchBlock>;

/** `<driver type='qcow2'/>` of a pull-mode disk: the scratch image format (only qcow2). */
export const BackupPullDriver = el('driver', {
  type: attr(t.enum('qcow2'), { required: true }),
});
export type BackupPullDriver = Infer<typeof BackupPullDriver>;

/** `<disk name='vda' type='file' exportname='vda'>` of a pull-mode backup (formatbackup.rst, `disks`). */
export const BackupPullDisk = el(
  'disk',
  {
    ...diskAttrs,
    /** NBD export name of the disk (default: the disk's name). */
    exportname: attr(t.string),
    /** Name of the dirty bitmap exported alongside an incremental backup. */
    exportbitmap: attr(t.string),
    /** Job status metadata only: position of the scratch image in the block-node chain. */
    index: attr(t.uint),
  },
  variants(
    'type',
    {
      file: { driver: child(BackupPullDriver), scratch: child(BackupScratchFile) },
      block: { driver: child(BackupPullDriver), scratch: child(BackupScratchBlock) },
    },
    'file',
  ),
);
export type BackupPullDisk = Infer<typeof BackupPullDisk>;

/** `<disks>` of a pull-mode backup. */
export const BackupPullDisks = el('disks', {
  disk: many(BackupPullDisk),
});
export type BackupPullDisks = Infer<typeof BackupPullDisks>;

/**
 * `<server transport='tcp' name='localhost' port='10809'/>`: the NBD server a pull-mode backup
 * is served from (formatbackup.rst, `server`). `transport` (tcp by default) decides the address.
 */
export const BackupServer = el(
  'server',
  {
    transport: attr(t.enum('tcp', 'unix', 'fd')),
    /** Require TLS (certificates from qemu.conf `backup_tls_x509_*`). */
    tls: attr(t.yesNo),
  },
  variants(
    'transport',
    {
      tcp: {
        /** Host name or IP address to listen on. */
        name: attr(t.string),
        port: attr(t.uint),
      },
      unix: {
        /** Absolute path of the UNIX socket. */
        socket: attr(t.string),
      },
      fd: {
        /** Name of a file-descriptor group holding a listening socket passed to libvirt. */
        fdgroup: attr(t.string),
      },
    },
    'tcp',
  ),
);
export type BackupServer = Infer<typeof BackupServer>;

// ---------------------------------------------------------------------------
// Job status metadata

/** `<secret type='tlskey' alias='...'/>`: the QEMU object holding the TLS key secret. */
export const BackupPrivateSecret = el('secret', {
  type: attr(t.enum('tlskey')),
  alias: attr(t.string),
});
export type BackupPrivateSecret = Infer<typeof BackupPrivateSecret>;

/** `<TLSx509 alias='...'/>`: the QEMU TLS credentials object of the NBD server. */
export const BackupPrivateTls = el('TLSx509', {
  alias: attr(t.string),
});
export type BackupPrivateTls = Infer<typeof BackupPrivateTls>;

/** `<objects>` of the job's private data. */
export const BackupPrivateObjects = el('objects', {
  secret: child(BackupPrivateSecret),
  TLSx509: child(BackupPrivateTls),
});
export type BackupPrivateObjects = Infer<typeof BackupPrivateObjects>;

/** `<privateData>`: QEMU job status metadata only: objects created for the backup's NBD server. */
export const BackupPrivateData = el('privateData', {
  objects: child(BackupPrivateObjects),
});
export type BackupPrivateData = Infer<typeof BackupPrivateData>;

// ---------------------------------------------------------------------------

/** `<domainbackup mode='push'>` (formatbackup.rst "Backup XML"). */
export const DomainBackup = el(
  'domainbackup',
  {
    /** `push` (default) or `pull`. */
    mode: attr(t.enum('push', 'pull')),
    /** Checkpoint to back up changes from; absent for a full backup. */
    incremental: leaf(t.string),
  },
  variants(
    'mode',
    {
      push: {
        disks: child(BackupPushDisks),
        privateData: child(BackupPrivateData),
      },
      pull: {
        server: child(BackupServer),
        disks: child(BackupPullDisks),
        privateData: child(BackupPrivateData),
      },
    },
    'push',
  ),
);
export type DomainBackup = Infer<typeof DomainBackup>;

export const domainbackupDocument = defineDocument(DomainBackup);
