/**
 * `<pool>`: a storage pool (formatstorage.rst "Storage pool XML"). The pool `type` decides
 * what its `<source>` holds, whether it has a `<target>`, and which namespaced extension
 * (`fs:mount_opts`, `rbd:config_opts`) it accepts.
 */
import { attr, child, el, leaf, many, t, variants, type Infer, type Namespace } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';
import { sized } from '../common.js';
import { DiskSourceInitiator } from '../domain/disk.js';
import { HostdevAdapter } from '../domain/hostdev.js';
import { StoragePermissions } from './permissions.js';

/** Every pool type libvirt knows. */
export const poolType = t.enum(
  'dir', 'fs', 'netfs', 'logical', 'disk', 'iscsi', 'iscsi-direct', 'scsi', 'mpath',
  'rbd', 'sheepdog', 'gluster', 'zfs', 'vstorage',
);

// ---------------------------------------------------------------------------
// Source elements (formatstorage.rst "Source elements")

/** `<host name='...' port='...'/>`: a remote server of the pool (netfs, iscsi, iscsi-direct, rbd, sheepdog, gluster). */
export const PoolSourceHost = el('host', {
  /** Host name or IP address. */
  name: attr(t.string, { required: true }),
  port: attr(t.int),
});
export type PoolSourceHost = Infer<typeof PoolSourceHost>;

/** `<freeExtent start='...' end='...'/>`: a free region of a source device, in bytes (formatstorage.rst "Device extents"). */
export const PoolFreeExtent = el('freeExtent', {
  start: attr(t.uint, { required: true }),
  end: attr(t.uint, { required: true }),
});
export type PoolFreeExtent = Infer<typeof PoolFreeExtent>;

/** `<device path='...'>`: a block device (or for iSCSI the target IQN) backing the pool, with its free extents. */
export const PoolSourceDevice = el('device', {
  /** Device node path, or the target IQN for iscsi. */
  path: attr(t.string, { required: true }),
  /** For disk pools on multipath devices: whether partition names use a `p` separator. */
  part_separator: attr(t.yesNo),
  freeExtent: many(PoolFreeExtent),
});
export type PoolSourceDevice = Infer<typeof PoolSourceDevice>;

/** `<device path='iqn...'/>` of an iscsi-direct pool: the target IQN only. */
export const PoolSourceTargetIqn = el('device', {
  path: attr(t.string, { required: true }),
});
export type PoolSourceTargetIqn = Infer<typeof PoolSourceTargetIqn>;

/** `<dir path='...'/>`: the source directory (netfs export, or a gluster subdirectory; cifs: share name without leading slash). */
export const PoolSourceDir = el('dir', {
  path: attr(t.string, { required: true }),
});
export type PoolSourceDir = Infer<typeof PoolSourceDir>;

/** `<secret uuid='...'/>` or `<secret usage='...'/>` of a pool `<auth>`: the libvirt secret holding the password or key. */
export const PoolAuthSecret = el('secret', {
  uuid: attr(t.uuid),
  usage: attr(t.string),
});
export type PoolAuthSecret = Infer<typeof PoolAuthSecret>;

/** `<auth type='chap|ceph' username='...'>`: credentials for iscsi (CHAP) or rbd (cephx) sources. */
export const PoolAuth = el('auth', {
  type: attr(t.enum('chap', 'ceph'), { required: true }),
  username: attr(t.string, { required: true }),
  secret: child(PoolAuthSecret, { required: true }),
});
export type PoolAuth = Infer<typeof PoolAuth>;

/** `<vendor name='...'/>`: the storage device's vendor. */
export const PoolSourceVendor = el('vendor', { name: attr(t.string, { required: true }) });
export type PoolSourceVendor = Infer<typeof PoolSourceVendor>;

/** `<product name='...'/>`: the storage device's product name. */
export const PoolSourceProduct = el('product', { name: attr(t.string, { required: true }) });
export type PoolSourceProduct = Infer<typeof PoolSourceProduct>;

/** `<protocol ver='...'/>` of a netfs source: the NFS protocol version to mount with (`3`, `4.1`). */
export const PoolSourceProtocol = el('protocol', { ver: attr(t.string, { required: true }) });
export type PoolSourceProtocol = Infer<typeof PoolSourceProtocol>;

/** `<format type='...'/>` of an fs pool source: the file system type. */
export const FsPoolFormat = el('format', {
  type: attr(t.enum('auto', 'ext2', 'ext3', 'ext4', 'ufs', 'iso9660', 'udf', 'gfs', 'gfs2', 'vfat', 'hfs+', 'xfs', 'ocfs2', 'vmfs'), { required: true }),
});
export type FsPoolFormat = Infer<typeof FsPoolFormat>;

/** `<format type='...'/>` of a netfs pool source: the network file system type. */
export const NetfsPoolFormat = el('format', {
  type: attr(t.enum('auto', 'nfs', 'cifs', 'glusterfs'), { required: true }),
});
export type NetfsPoolFormat = Infer<typeof NetfsPoolFormat>;

/** `<format type='...'/>` of a disk pool source: the partition table type (vendor and product may sit inside). */
export const DiskPoolFormat = el('format', {
  type: attr(t.enum('unknown', 'dos', 'dvh', 'gpt', 'mac', 'bsd', 'pc98', 'sun', 'lvm2'), { required: true }),
  vendor: child(PoolSourceVendor),
  product: child(PoolSourceProduct),
});
export type DiskPoolFormat = Infer<typeof DiskPoolFormat>;

/** `<format type='...'/>` of a logical pool source: the LVM metadata type (vendor and product may sit inside). */
export const LogicalPoolFormat = el('format', {
  type: attr(t.enum('unknown', 'lvm2'), { required: true }),
  vendor: child(PoolSourceVendor),
  product: child(PoolSourceProduct),
});
export type LogicalPoolFormat = Infer<typeof LogicalPoolFormat>;

/** Vendor and product, which most source types accept; libvirt writes them last. */
const vendorProduct = {
  vendor: child(PoolSourceVendor),
  product: child(PoolSourceProduct),
} as const;

// One `<source>` definition per pool type. Fields follow libvirt's writing order:
// host, device, dir, adapter, name, initiator, format, auth, protocol, vendor, product.

/** `<source>` of a dir pool: nothing but optional vendor and product. */
export const DirPoolSource = el('source', { ...vendorProduct });
export type DirPoolSource = Infer<typeof DirPoolSource>;

/** `<source>` of an fs pool: the block device holding the file system and its format. */
export const FsPoolSource = el('source', {
  device: child(PoolSourceDevice, { required: true }),
  format: child(FsPoolFormat),
  ...vendorProduct,
});
export type FsPoolSource = Infer<typeof FsPoolSource>;

/** `<source>` of a netfs pool: server(s), exported directory, file system type and NFS version. */
export const NetfsPoolSource = el('source', {
  host: many(PoolSourceHost, { required: true }),
  dir: child(PoolSourceDir, { required: true }),
  format: child(NetfsPoolFormat),
  protocol: child(PoolSourceProtocol),
  ...vendorProduct,
});
export type NetfsPoolSource = Infer<typeof NetfsPoolSource>;

/** `<source>` of a logical pool: the volume group name and its physical volumes. */
export const LogicalPoolSource = el('source', {
  device: many(PoolSourceDevice),
  /** Volume group name; defaults to the pool name. */
  name: leaf(t.string),
  format: child(LogicalPoolFormat),
  ...vendorProduct,
});
export type LogicalPoolSource = Infer<typeof LogicalPoolSource>;

/** `<source>` of a disk pool: the partitioned device and its partition table type. */
export const DiskPoolSource = el('source', {
  device: child(PoolSourceDevice, { required: true }),
  format: child(DiskPoolFormat),
  ...vendorProduct,
});
export type DiskPoolSource = Infer<typeof DiskPoolSource>;

/** `<source>` of an iscsi pool: portal host(s), target IQN, optional initiator IQN and CHAP credentials. */
export const IscsiPoolSource = el('source', {
  host: many(PoolSourceHost, { required: true }),
  device: child(PoolSourceDevice, { required: true }),
  initiator: child(DiskSourceInitiator),
  auth: child(PoolAuth),
  ...vendorProduct,
});
export type IscsiPoolSource = Infer<typeof IscsiPoolSource>;

/** `<source>` of an iscsi-direct pool (libiscsi): portal host(s), target IQN and the required initiator IQN. */
export const IscsiDirectPoolSource = el('source', {
  host: many(PoolSourceHost, { required: true }),
  device: child(PoolSourceTargetIqn, { required: true }),
  initiator: child(DiskSourceInitiator, { required: true }),
  auth: child(PoolAuth),
});
export type IscsiDirectPoolSource = Infer<typeof IscsiDirectPoolSource>;

/** `<source>` of a scsi pool: the SCSI host adapter (scsi_host by name or PCI parent address, or fc_host vHBA). */
export const ScsiPoolSource = el('source', {
  adapter: child(HostdevAdapter, { required: true }),
  ...vendorProduct,
});
export type ScsiPoolSource = Infer<typeof ScsiPoolSource>;

/** `<source>` of an mpath pool: always empty. */
export const MpathPoolSource = el('source', {});
export type MpathPoolSource = Infer<typeof MpathPoolSource>;

/** `<source>` of an rbd pool: Ceph monitors, the RADOS pool name and cephx credentials. */
export const RbdPoolSource = el('source', {
  host: many(PoolSourceHost, { required: true }),
  /** RADOS pool name. */
  name: leaf(t.string, { required: true }),
  auth: child(PoolAuth),
});
export type RbdPoolSource = Infer<typeof RbdPoolSource>;

/** `<source>` of a sheepdog pool: the cluster's host(s) and name. */
export const SheepdogPoolSource = el('source', {
  host: many(PoolSourceHost, { required: true }),
  name: leaf(t.string, { required: true }),
});
export type SheepdogPoolSource = Infer<typeof SheepdogPoolSource>;

/** `<source>` of a gluster pool: server(s), optional subdirectory and the gluster volume name. */
export const GlusterPoolSource = el('source', {
  host: many(PoolSourceHost, { required: true }),
  dir: child(PoolSourceDir),
  /** Gluster volume name. */
  name: leaf(t.string, { required: true }),
});
export type GlusterPoolSource = Infer<typeof GlusterPoolSource>;

/** `<source>` of a zfs pool: the ZFS pool name and optionally the device to create it on. */
export const ZfsPoolSource = el('source', {
  device: child(PoolSourceDevice),
  name: leaf(t.string, { required: true }),
});
export type ZfsPoolSource = Infer<typeof ZfsPoolSource>;

/** `<source>` of a vstorage (Virtuozzo Storage) pool: the cluster name. */
export const VstoragePoolSource = el('source', {
  name: leaf(t.string, { required: true }),
});
export type VstoragePoolSource = Infer<typeof VstoragePoolSource>;

// ---------------------------------------------------------------------------
// Target, features, refresh

/** `<target>` of a pool (formatstorage.rst "Storage pool target elements"): where it is mapped on the host. */
export const PoolTarget = el('target', {
  /** Directory of the pool's volumes (or device nodes); libvirt generates it for logical, zfs and mpath pools. */
  path: leaf(t.string),
  permissions: child(StoragePermissions),
});
export type PoolTarget = Infer<typeof PoolTarget>;

/** `<cow state='yes|no'/>`: copy-on-write for the pool's files (btrfs; dir and fs pools). */
export const PoolCow = el('cow', { state: attr(t.yesNo, { required: true }) });
export type PoolCow = Infer<typeof PoolCow>;

/** `<features>` of a pool (formatstorage.rst "Features"). */
export const PoolFeatures = el('features', { cow: child(PoolCow) });
export type PoolFeatures = Infer<typeof PoolFeatures>;

/** `<volume allocation='default|capacity'/>` in `<refresh>`: how volume allocation is computed. */
export const PoolRefreshVolume = el('volume', {
  /** `capacity` reports the capacity instead of computing the real usage. */
  allocation: attr(t.enum('default', 'capacity')),
});
export type PoolRefreshVolume = Infer<typeof PoolRefreshVolume>;

/** `<refresh>` of an rbd pool (formatstorage.rst "Refresh overrides"). */
export const PoolRefresh = el('refresh', { volume: child(PoolRefreshVolume) });
export type PoolRefresh = Infer<typeof PoolRefresh>;

// ---------------------------------------------------------------------------
// Namespaced extensions (formatstorage.rst "Storage Pool Namespaces")

/** The namespace of `fs:mount_opts` (fs and netfs pools). */
export const FS_NS: Namespace = { uri: 'http://libvirt.org/schemas/storagepool/fs/1.0', prefix: 'fs' };
/** The namespace of `rbd:config_opts` (rbd pools). */
export const RBD_NS: Namespace = { uri: 'http://libvirt.org/schemas/storagepool/rbd/1.0', prefix: 'rbd' };

/** `<fs:option name='...'/>`: one extra mount option. */
export const FsMountOption = el('option', { name: attr(t.string, { required: true }) }, { ns: FS_NS });
export type FsMountOption = Infer<typeof FsMountOption>;

/** `<fs:mount_opts>`: extra options for `mount -o` (unsupported, for testing). */
export const FsMountOpts = el('mount_opts', { option: many(FsMountOption) }, { ns: FS_NS });
export type FsMountOpts = Infer<typeof FsMountOpts>;

/** `<rbd:option name='...' value='...'/>`: one RADOS configuration override. */
export const RbdConfigOption = el('option', {
  name: attr(t.string, { required: true }),
  value: attr(t.string, { required: true }),
}, { ns: RBD_NS });
export type RbdConfigOption = Infer<typeof RbdConfigOption>;

/** `<rbd:config_opts>`: settings passed to `rados_conf_set` (unsupported, for testing). */
export const RbdConfigOpts = el('config_opts', { option: many(RbdConfigOption) }, { ns: RBD_NS });
export type RbdConfigOpts = Infer<typeof RbdConfigOpts>;

// ---------------------------------------------------------------------------
// The pool

/** `<capacity unit='bytes'>N</capacity>` of a pool; without a unit the number is in bytes. */
export const PoolCapacity = sized('capacity');
/** `<allocation unit='bytes'>N</allocation>` of a pool (bytes by default). */
export const PoolAllocation = sized('allocation');
/** `<available unit='bytes'>N</available>` of a pool (bytes by default). */
export const PoolAvailable = sized('available');

/**
 * `<pool type='...'>` (formatstorage.rst "Storage pool XML", "Storage pool general metadata").
 * Name, UUID, sizes and features are common; `type` decides the source, the target and the extension.
 */
export const Pool = el(
  'pool',
  {
    type: attr(poolType, { required: true }),
    /** Pool name; optional for logical, rbd, sheepdog, gluster, zfs and vstorage, where it defaults to the source name. */
    name: leaf(t.string),
    uuid: leaf(t.uuid),
    /** Total size (output; ignored on input). */
    capacity: child(PoolCapacity),
    /** Space allocated to volumes (output). */
    allocation: child(PoolAllocation),
    /** Free space for new volumes (output). */
    available: child(PoolAvailable),
    features: child(PoolFeatures),
  },
  variants('type', {
    dir: { source: child(DirPoolSource), target: child(PoolTarget, { required: true }) },
    fs: {
      source: child(FsPoolSource, { required: true }),
      target: child(PoolTarget, { required: true }),
      mount_opts: child(FsMountOpts),
    },
    netfs: {
      source: child(NetfsPoolSource, { required: true }),
      target: child(PoolTarget, { required: true }),
      mount_opts: child(FsMountOpts),
    },
    logical: { source: child(LogicalPoolSource, { required: true }), target: child(PoolTarget, { required: true }) },
    disk: { source: child(DiskPoolSource, { required: true }), target: child(PoolTarget, { required: true }) },
    iscsi: { source: child(IscsiPoolSource, { required: true }), target: child(PoolTarget, { required: true }) },
    'iscsi-direct': { source: child(IscsiDirectPoolSource, { required: true }) },
    scsi: { source: child(ScsiPoolSource, { required: true }), target: child(PoolTarget, { required: true }) },
    mpath: { source: child(MpathPoolSource), target: child(PoolTarget, { required: true }) },
    rbd: {
      source: child(RbdPoolSource, { required: true }),
      refresh: child(PoolRefresh),
      config_opts: child(RbdConfigOpts),
    },
    sheepdog: { source: child(SheepdogPoolSource, { required: true }) },
    gluster: { source: child(GlusterPoolSource, { required: true }) },
    zfs: { source: child(ZfsPoolSource, { required: true }), target: child(PoolTarget) },
    vstorage: { source: child(VstoragePoolSource, { required: true }), target: child(PoolTarget, { required: true }) },
  }),
);
export type Pool = Infer<typeof Pool>;

export const poolDocument = defineDocument(Pool);
