/**
 * `<domainsnapshot>`: a snapshot of a domain's disks and/or memory (formatsnapshot.rst
 * "Snapshot XML"). Fields are in the order libvirt writes them.
 */
import { any, attr, child, el, flag, leaf, many, t, variants, type AttrField, type ElDef, type Infer, type ValueType, type XmlSide } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import {
  DiskSourceBlock, DiskSourceFile, DiskSourceNetwork, DiskSourceNvme, DiskSourceVhostUser, DiskSourceVhostVdpa,
  MetadataCache, storageFormat,
} from '../domain/disk.js';
import { Domain } from '../domain/domain.js';
import { MomentParent, zeroOne } from './moment.js';

/** Where a disk's or the memory's snapshot goes (formatsnapshot.rst, `disk` `snapshot`). */
const snapshotLocation = t.enum('no', 'internal', 'external', 'manual');

/** `<driver type='qcow2'>` of a snapshot disk: the format of the new overlay image. */
export const SnapshotDiskDriver = el('driver', {
  type: attr(storageFormat),
  metadata_cache: child(MetadataCache),
});
export type SnapshotDiskDriver = Infer<typeof SnapshotDiskDriver>;

/**
 * `<disk name='vda' snapshot='external' type='file'>` in `<disks>` (formatsnapshot.rst, `disks`).
 * `type` (file by default) decides the shape of `<source>`, as for a domain disk. The schema
 * lists file, block and network; libvirt also accepts nvme, vhostuser and vhostvdpa.
 */
export const SnapshotDisk = el(
  'disk',
  {
    /** Target device (`vda`) or source path of the domain disk. */
    name: attr(t.string, { required: true }),
    snapshot: attr(snapshotLocation),
    type: attr(t.enum('file', 'block', 'network', 'nvme', 'vhostuser', 'vhostvdpa')),
    /** Stored metadata only: a deletion of this snapshot was interrupted and must be re-run. */
    snapshotDeleteInProgress: flag(),
    driver: child(SnapshotDiskDriver),
  },
  variants(
    'type',
    {
      file: { source: child(DiskSourceFile) },
      block: { source: child(DiskSourceBlock) },
      network: { source: child(DiskSourceNetwork) },
      nvme: { source: child(DiskSourceNvme) },
      vhostuser: { source: child(DiskSourceVhostUser) },
      vhostvdpa: { source: child(DiskSourceVhostVdpa) },
    },
    'file',
  ),
);
export type SnapshotDisk = Infer<typeof SnapshotDisk>;

/** `<disks>`: per-disk snapshot settings. */
export const SnapshotDisks = el('disks', {
  disk: many(SnapshotDisk),
});
export type SnapshotDisks = Infer<typeof SnapshotDisks>;

/** `<revertDisks>`: stored metadata only: the disk overlays to use when reverting to the snapshot. */
export const SnapshotRevertDisks = el('revertDisks', {
  disk: many(SnapshotDisk),
});
export type SnapshotRevertDisks = Infer<typeof SnapshotRevertDisks>;

/** `<memory snapshot='external' file='/path'/>`: whether and where the guest memory is saved (formatsnapshot.rst, `memory`). */
export const SnapshotMemory = el('memory', {
  /** `no`, `internal`, or `external` (implied by `file`). */
  snapshot: attr(t.enum('no', 'internal', 'external')),
  /** Absolute path of the memory state file of an external snapshot. */
  file: attr(t.string),
});
export type SnapshotMemory = Infer<typeof SnapshotMemory>;

/** `<cookie>`: hypervisor data needed to restore an active snapshot (QEMU: the guest `<cpu>`), kept as XML. */
export const SnapshotCookie = el('cookie', {
  content: any(),
});
export type SnapshotCookie = Infer<typeof SnapshotCookie>;

/**
 * `<inactiveDomain>`: the persistent definition of a domain that was running when the snapshot
 * was taken; the same content as `<domain>` under another name.
 */
export const InactiveDomain: ElDef<Domain> = { ...Domain, name: 'inactiveDomain' };

/** `<domain>` of a snapshot: a full definition, or (older snapshots) only its `<uuid>`, so `type` is optional here. */
export const SnapshotDomain: ElDef<Domain> = { ...Domain, fields: { ...Domain.fields, type: { ...(Domain.fields.type as AttrField), required: false } } };


/** Domain states a snapshot records. */
const snapshotState = t.enum('nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended', 'disk-snapshot');
export type SnapshotState = typeof snapshotState extends ValueType<infer V> ? V : never;

/**
 * The object a `<domainsnapshot>` maps to. Written out (rather than inferred) because the two
 * embedded domains make the inferred type too large for declaration files.
 */
export interface DomainSnapshot {
  name?: string;
  description?: string;
  state?: SnapshotState;
  parent?: MomentParent;
  creationTime?: number;
  memory?: SnapshotMemory;
  disks?: SnapshotDisks;
  revertDisks?: SnapshotRevertDisks;
  domain?: Domain;
  inactiveDomain?: Domain;
  cookie?: SnapshotCookie;
  active?: boolean;
  $xml?: XmlSide;
}

/** `<domainsnapshot>` (formatsnapshot.rst "Snapshot XML"). */
export const DomainSnapshot: ElDef<DomainSnapshot> = el('domainsnapshot', {
  /** Defaults to the creation time when omitted. */
  name: leaf(t.string),
  description: leaf(t.string),
  /** Domain state when the snapshot was taken (output); `disk-snapshot` for disk-only snapshots. */
  state: leaf(snapshotState),
  parent: child(MomentParent),
  /** Seconds since the Unix epoch (output). */
  creationTime: leaf(t.int),
  memory: child(SnapshotMemory),
  disks: child(SnapshotDisks),
  revertDisks: child(SnapshotRevertDisks),
  /** The domain the snapshot was taken of; older snapshots hold only its `<uuid>`. */
  domain: child(SnapshotDomain),
  inactiveDomain: child(InactiveDomain),
  cookie: child(SnapshotCookie),
  /** libvirt's internal metadata only: whether this is the domain's current snapshot. */
  active: leaf(zeroOne),
});

export const domainsnapshotDocument = defineDocument(DomainSnapshot);
