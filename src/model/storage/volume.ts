/**
 * `<volume>`: a storage volume (formatstorage.rst "Storage volume XML").
 */
import { attr, child, el, flag, leaf, many, t, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { sized } from '../common.js';
import { Encryption } from '../domain/encryption.js';
import { StoragePermissions } from './permissions.js';

/**
 * Every volume format type: file formats (dir, fs, netfs, gluster, vstorage pools), file
 * system types (no backing files) and partition types (disk pools).
 */
export const volumeFormat = t.enum(
  // file formats
  'unknown', 'raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'luks',
  'cow', 'qcow', 'qcow2', 'qed', 'vmdk',
  // file system types
  'none', 'auto', 'ext2', 'ext3', 'ext4', 'ufs', 'iso9660', 'udf', 'gfs', 'gfs2', 'vfat', 'hfs+', 'xfs', 'ocfs2', 'vmfs',
  // partition types
  'linux', 'fat16', 'fat32', 'linux-swap', 'linux-lvm', 'linux-raid', 'extended',
);

/** `<extent start='...' end='...'/>`: a region of a source device used by the volume, in bytes. */
export const VolumeExtent = el('extent', {
  start: attr(t.uint, { required: true }),
  end: attr(t.uint, { required: true }),
});
export type VolumeExtent = Infer<typeof VolumeExtent>;

/** `<device path='...'>` of a volume source: a device holding some of the volume's extents. */
export const VolumeSourceDevice = el('device', {
  path: attr(t.string, { required: true }),
  extent: many(VolumeExtent),
});
export type VolumeSourceDevice = Infer<typeof VolumeSourceDevice>;

/** `<source>` of a volume: the underlying storage allocation (output; e.g. LVM extents). */
export const VolumeSource = el('source', {
  device: many(VolumeSourceDevice),
});
export type VolumeSource = Infer<typeof VolumeSource>;

/** `<format type='...'/>` of a volume target or backing store. */
export const VolumeFormat = el('format', {
  type: attr(volumeFormat, { required: true }),
});
export type VolumeFormat = Infer<typeof VolumeFormat>;

const timestamp = t.pattern('timestamp', '^[0-9]+(\\.[0-9]{0,9})?$');

/**
 * `<timestamps>` (output): access, modification, change and birth times as
 * `seconds[.nanoseconds]` since the epoch. Kept as strings: nanoseconds exceed a double's precision.
 */
export const VolumeTimestamps = el('timestamps', {
  atime: leaf(timestamp),
  mtime: leaf(timestamp),
  ctime: leaf(timestamp),
  btime: leaf(timestamp),
});
export type VolumeTimestamps = Infer<typeof VolumeTimestamps>;

/** `<features>` of a volume target: qcow2 format features. */
export const VolumeFeatures = el('features', {
  /** Delayed reference count updates. */
  lazy_refcounts: flag(),
  /** Subcluster allocation (32 subclusters per cluster). */
  extended_l2: flag(),
});
export type VolumeFeatures = Infer<typeof VolumeFeatures>;

/** `<clusterSize unit='...'>N</clusterSize>`: the qcow2 cluster size; bytes when no unit is given. */
export const VolumeClusterSize = sized('clusterSize');
export type VolumeClusterSize = Infer<typeof VolumeClusterSize>;

/** `<target>` of a volume (formatstorage.rst "Storage volume target elements"): how it appears on the host. */
export const VolumeTarget = el('target', {
  /** Absolute path or URI (output only). */
  path: leaf(t.string),
  format: child(VolumeFormat),
  permissions: child(StoragePermissions),
  timestamps: child(VolumeTimestamps),
  /** See formatstorageencryption.rst. */
  encryption: child(Encryption),
  /** qcow2 compatibility level: `0.10` (v2) or `1.1` (v3). */
  compat: leaf(t.pattern('compat', '^[0-9]+\\.[0-9]+$')),
  /** Turn off copy-on-write for the new file (btrfs; input only). */
  nocow: flag(),
  clusterSize: child(VolumeClusterSize),
  features: child(VolumeFeatures),
});
export type VolumeTarget = Infer<typeof VolumeTarget>;

/** `<backingStore>` of a volume (formatstorage.rst "Backing store elements"): the image it is layered on. */
export const VolumeBackingStore = el('backingStore', {
  path: leaf(t.string, { required: true }),
  format: child(VolumeFormat),
  permissions: child(StoragePermissions),
  timestamps: child(VolumeTimestamps),
});
export type VolumeBackingStore = Infer<typeof VolumeBackingStore>;

/** `<capacity unit='bytes'>N</capacity>` of a volume; without a unit the number is in bytes. */
export const VolumeCapacity = sized('capacity');
/** `<allocation unit='bytes'>N</allocation>` of a volume (bytes by default). */
export const VolumeAllocation = sized('allocation');
/** `<physical unit='bytes'>N</physical>` of a volume (bytes by default). */
export const VolumePhysical = sized('physical');

/** `<volume type='...'>` (formatstorage.rst "Storage volume XML", "Storage volume general metadata"). */
export const Volume = el('volume', {
  /** Output only: the actual kind of volume. */
  type: attr(t.enum('file', 'block', 'dir', 'network', 'netdir', 'ploop')),
  name: leaf(t.string, { required: true }),
  /** Identifier unique to the volume (output only). */
  key: leaf(t.string),
  source: child(VolumeSource),
  /** Logical size; required when creating a volume. */
  capacity: child(VolumeCapacity),
  /** Space actually allocated; may be less than the capacity for sparse volumes. */
  allocation: child(VolumeAllocation),
  /** Host physical size (output only). */
  physical: child(VolumePhysical),
  target: child(VolumeTarget, { required: true }),
  backingStore: child(VolumeBackingStore),
});
export type Volume = Infer<typeof Volume>;

export const volumeDocument = defineDocument(Volume);
