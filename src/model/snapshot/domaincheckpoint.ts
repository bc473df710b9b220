/**
 * `<domaincheckpoint>`: a point in time from which disk changes are tracked by dirty bitmaps,
 * for incremental backups (formatcheckpoint.rst "Checkpoint XML"). Fields are in the order
 * libvirt writes them.
 */
import { attr, child, el, leaf, many, t, variants, type ElDef, type Infer, type XmlSide } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { Domain } from '../domain/domain.js';
import { MomentParent, zeroOne } from './moment.js';

/**
 * `<disk name='vda' checkpoint='bitmap' bitmap='c1' size='1048576'/>` in `<disks>`
 * (formatcheckpoint.rst, `disks`). Without `checkpoint` the disk gets a bitmap.
 */
export const CheckpointDisk = el(
  'disk',
  {
    /** Target device (`vda`) or source path of the domain disk. */
    name: attr(t.string, { required: true }),
    /** Older libvirt's internal metadata only: the QEMU block node holding the bitmap. */
    node: attr(t.string),
    checkpoint: attr(t.enum('no', 'bitmap')),
  },
  variants(
    'checkpoint',
    {
      no: {},
      bitmap: {
        /** Name of the dirty bitmap; defaults to the checkpoint's name. */
        bitmap: attr(t.string),
        /** Output on request: bytes of the disk changed since the checkpoint (an estimate). */
        size: attr(t.uint),
      },
    },
    'bitmap',
  ),
);
export type CheckpointDisk = Infer<typeof CheckpointDisk>;

/** `<disks>`: which disks the checkpoint tracks. */
export const CheckpointDisks = el('disks', {
  disk: many(CheckpointDisk),
});
export type CheckpointDisks = Infer<typeof CheckpointDisks>;

/**
 * The object a `<domaincheckpoint>` maps to. Written out (rather than inferred) because the
 * embedded domain makes the inferred type too large for declaration files.
 */
export interface DomainCheckpoint {
  /** Defaults to the creation time; no leading `.`, no `/`. */
  name?: string;
  description?: string;
  parent?: MomentParent;
  creationTime?: number;
  disks?: CheckpointDisks;
  domain?: Domain;
  active?: boolean;
  $xml?: XmlSide;
}

/** `<domaincheckpoint>` (formatcheckpoint.rst "Checkpoint XML"). */
export const DomainCheckpoint: ElDef<DomainCheckpoint> = el('domaincheckpoint', {
  name: leaf(t.string),
  description: leaf(t.string),
  /** The previous checkpoint (output). */
  parent: child(MomentParent),
  /** Seconds since the Unix epoch (output). */
  creationTime: leaf(t.int),
  disks: child(CheckpointDisks),
  /** The domain definition at the time of the checkpoint (output). */
  domain: child(Domain),
  /** Older libvirt's internal metadata only: whether this is the current checkpoint. */
  active: leaf(zeroOne),
});

export const domaincheckpointDocument = defineDocument(DomainCheckpoint);
