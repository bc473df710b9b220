/**
 * `<disk>`: hard drives, floppies, CD-ROMs and LUNs, with their storage source, backing
 * chain and block-job mirror (formatdomain.rst "Hard drives, floppy disks, CDROMs").
 *
 * The disk's `type` decides the shape of `<source>`; the same type-dependent source appears
 * again in `<backingStore>`, `<mirror>` and `<dataStore>`. Fields are listed in the order
 * libvirt writes them.
 */
import { attr, child, el, flag, leaf, many, t, text, variants, type ElDef, type Fields, type Infer, type XmlSide } from '../../schema/index.js';
import { sized } from '../common.js';
import { Boot, deviceInfo, virtioOptions } from './address.js';
import { Encryption } from './encryption.js';
import { hostPciAddressFields } from './hostdev.js';
import { DeviceSeclabel } from './seclabel-device.js';

// ---------------------------------------------------------------------------
// Shared value types and small elements

/** Storage image formats (storagecommon.rng `storageFormat`). */
export const storageFormat = t.enum(
  'raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'luks',
  'cow', 'qcow', 'qcow2', 'qed', 'vmdk',
);

/** Kinds of storage a disk, backing store, mirror or data store can use. */
export const diskType = t.enum('file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser', 'vhostvdpa');

/** What happens at start-up when the source is missing. */
export const startupPolicy = t.enum('mandatory', 'requisite', 'optional');

/** The virtio `<driver>` options, defined beside `deviceInfo`; still exported from here for existing importers. */
export { virtioOptions } from './address.js';

/** `<max_size unit='bytes'>N</max_size>`: upper bound of the qcow2 metadata cache. */
export const MetadataCacheMaxSize = sized('max_size');
export type MetadataCacheMaxSize = Infer<typeof MetadataCacheMaxSize>;

/** `<metadata_cache>` of a disk driver or image format. */
export const MetadataCache = el('metadata_cache', {
  max_size: child(MetadataCacheMaxSize),
});
export type MetadataCache = Infer<typeof MetadataCache>;

/** `<format type='qcow2'/>` of a backing store, mirror or data store. */
export const DiskFormat = el('format', {
  type: attr(storageFormat),
  metadata_cache: child(MetadataCache),
});
export type DiskFormat = Infer<typeof DiskFormat>;

/** `<queue id='N'/>`: a virtqueue handled by the enclosing iothread. */
export const IothreadQueue = el('queue', { id: attr(t.uint) });
export type IothreadQueue = Infer<typeof IothreadQueue>;

/** `<iothread id='N'>` of an iothread mapping. */
export const IothreadMap = el('iothread', {
  id: attr(t.uint),
  queue: many(IothreadQueue),
});
export type IothreadMap = Infer<typeof IothreadMap>;

/** `<iothreads>`: which iothreads (and which of their queues) serve a disk or controller. */
export const IothreadMapping = el('iothreads', {
  iothread: many(IothreadMap),
});
export type IothreadMapping = Infer<typeof IothreadMapping>;

/** `<secret type='ceph' usage='...'/>`: the libvirt secret holding network storage credentials. */
export const DiskAuthSecret = el('secret', {
  type: attr(t.enum('ceph', 'iscsi')),
  uuid: attr(t.uuid),
  usage: attr(t.string),
});
export type DiskAuthSecret = Infer<typeof DiskAuthSecret>;

/** `<auth username='...'>`: credentials for network storage (inside `<source>`, or the older placement in `<disk>`). */
export const DiskAuth = el('auth', {
  username: attr(t.string),
  secret: child(DiskAuthSecret),
});
export type DiskAuth = Infer<typeof DiskAuth>;

/** `<reconnect>`: reconnecting a lost connection, by `enabled`/`timeout` (vhost-user) or `delay` (NBD). */
export const Reconnect = el('reconnect', {
  enabled: attr(t.yesNo),
  /** Seconds between reconnection attempts. */
  timeout: attr(t.uint),
  /** NBD: seconds during which requests wait for the connection to come back. */
  delay: attr(t.uint),
});
export type Reconnect = Infer<typeof Reconnect>;

/** `<source type='unix' path='...' mode='client'/>` of the persistent reservation helper. */
export const ReservationsSource = el('source', {
  type: attr(t.enum('unix')),
  path: attr(t.string),
  mode: attr(t.enum('server', 'client')),
  reconnect: child(Reconnect),
});
export type ReservationsSource = Infer<typeof ReservationsSource>;

/** `<reservations managed='yes'>`: SCSI persistent reservations through qemu-pr-helper. */
export const Reservations = el('reservations', {
  /** Whether libvirt starts and manages the helper itself. */
  managed: attr(t.yesNo),
  source: child(ReservationsSource),
});
export type Reservations = Infer<typeof Reservations>;

/** `<slice type='storage' offset='0' size='N'/>`: the part of the storage that holds the image. */
export const DiskSlice = el('slice', {
  type: attr(t.enum('storage')),
  offset: attr(t.uint),
  size: attr(t.uint),
});
export type DiskSlice = Infer<typeof DiskSlice>;

/** `<slices>` of a storage source. */
export const DiskSlices = el('slices', {
  slice: many(DiskSlice),
});
export type DiskSlices = Infer<typeof DiskSlices>;

// ---------------------------------------------------------------------------
// Network storage pieces

/** `<host name='...' port='...'/>` or `<host transport='unix' socket='...'/>`: a server of network storage. */
export const DiskSourceHost = el('host', {
  name: attr(t.string),
  port: attr(t.uint),
  transport: attr(t.enum('tcp', 'rdma', 'unix')),
  socket: attr(t.string),
});
export type DiskSourceHost = Infer<typeof DiskSourceHost>;

/** `<snapshot name='...'/>`: an RBD snapshot to use instead of the image head. */
export const DiskSourceSnapshot = el('snapshot', { name: attr(t.string) });
export type DiskSourceSnapshot = Infer<typeof DiskSourceSnapshot>;

/** `<config file='...'/>`: the Ceph configuration file for RBD. */
export const DiskSourceConfig = el('config', { file: attr(t.string) });
export type DiskSourceConfig = Infer<typeof DiskSourceConfig>;

/** `<iqn name='...'/>`: the iSCSI qualified name of the initiator. */
export const DiskSourceIqn = el('iqn', { name: attr(t.string) });
export type DiskSourceIqn = Infer<typeof DiskSourceIqn>;

/** `<initiator>` of an iSCSI source. */
export const DiskSourceInitiator = el('initiator', { iqn: child(DiskSourceIqn) });
export type DiskSourceInitiator = Infer<typeof DiskSourceInitiator>;

/** `<ssl verify='no'/>`: whether to verify the server certificate (HTTPS, FTPS). */
export const DiskSourceSsl = el('ssl', { verify: attr(t.yesNo) });
export type DiskSourceSsl = Infer<typeof DiskSourceSsl>;

/** `<cookie name='...'>value</cookie>`: an HTTP cookie sent with each request. */
export const DiskSourceCookie = el('cookie', {
  name: attr(t.string),
  value: text(t.string),
});
export type DiskSourceCookie = Infer<typeof DiskSourceCookie>;

/** `<cookies>` of an HTTP(S) source. */
export const DiskSourceCookies = el('cookies', { cookie: many(DiskSourceCookie) });
export type DiskSourceCookies = Infer<typeof DiskSourceCookies>;

/** `<readahead size='N'/>`: bytes to read ahead (curl-based protocols). */
export const DiskSourceReadahead = el('readahead', { size: attr(t.uint) });
export type DiskSourceReadahead = Infer<typeof DiskSourceReadahead>;

/** `<timeout seconds='N'/>`: connection timeout (curl-based protocols). */
export const DiskSourceTimeout = el('timeout', { seconds: attr(t.uint) });
export type DiskSourceTimeout = Infer<typeof DiskSourceTimeout>;

/** `<knownHosts path='...'/>`: the SSH known-hosts file. */
export const DiskSourceKnownHosts = el('knownHosts', { path: attr(t.string) });
export type DiskSourceKnownHosts = Infer<typeof DiskSourceKnownHosts>;

/** `<identity username='...' keyfile='...'/>`: SSH login by key file or agent socket. */
export const DiskSourceSshIdentity = el('identity', {
  username: attr(t.string),
  keyfile: attr(t.string),
  agentsock: attr(t.string),
});
export type DiskSourceSshIdentity = Infer<typeof DiskSourceSshIdentity>;

/** `<identity user='...' group='...'/>`: the NFS user and group to act as. */
export const DiskSourceNfsIdentity = el('identity', {
  user: attr(t.string),
  group: attr(t.string),
});
export type DiskSourceNfsIdentity = Infer<typeof DiskSourceNfsIdentity>;

// ---------------------------------------------------------------------------
// Sources, by storage type. `index`, slices and dataStore are common to all of them
// (RNG `diskSourceCommon`); libvirt writes them in these positions.

/** `<dataStore>` inside a source: a separate qcow2 data file (formatdomain.rst, dataStore). */
export type DataStore = { format?: DiskFormat; $xml?: XmlSide } & DiskSourceByType;

/** `index` of a source: the node's number in the backing chain (output). */
const index = { index: attr(t.uint) } as const;
const slices = { slices: child(DiskSlices) } as const;
const dataStore = { dataStore: child((): ElDef<DataStore> => DataStore) } as const;
/** What follows the location in a local source (file, block, dir, volume). */
const localSource = {
  startupPolicy: attr(startupPolicy),
  ...index,
  ...slices,
  seclabel: many(DeviceSeclabel),
  encryption: child(Encryption),
} as const;

/** `<source file='...'/>` of a `type='file'` disk. */
export const DiskSourceFile = el('source', {
  file: attr(t.string),
  /** Name of a file-descriptor group passed to libvirt in place of opening `file`. */
  fdgroup: attr(t.string),
  ...localSource,
  ...dataStore,
});
export type DiskSourceFile = Infer<typeof DiskSourceFile>;

/** `<source dev='...'/>` of a `type='block'` disk. */
export const DiskSourceBlock = el('source', {
  dev: attr(t.string),
  ...localSource,
  reservations: child(Reservations),
  ...dataStore,
});
export type DiskSourceBlock = Infer<typeof DiskSourceBlock>;

/** `<source dir='...'/>` of a `type='dir'` disk (a directory exposed as a FAT image). */
export const DiskSourceDir = el('source', {
  dir: attr(t.string),
  ...localSource,
  ...dataStore,
});
export type DiskSourceDir = Infer<typeof DiskSourceDir>;

/** `<source pool='...' volume='...'/>` of a `type='volume'` disk (a storage pool volume). */
export const DiskSourceVolume = el('source', {
  pool: attr(t.string),
  volume: attr(t.string),
  /** iSCSI pools: use the volume through the host (`host`) or directly (`direct`). */
  mode: attr(t.enum('host', 'direct')),
  ...localSource,
  ...dataStore,
});
export type DiskSourceVolume = Infer<typeof DiskSourceVolume>;

/** `<address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>`: the host PCI address of an NVMe controller. */
export const NvmeAddress = el('address', hostPciAddressFields);
export type NvmeAddress = Infer<typeof NvmeAddress>;

/** `<source type='pci' managed='yes' namespace='1'>` of a `type='nvme'` disk. */
export const DiskSourceNvme = el('source', {
  type: attr(t.enum('pci')),
  /** Whether libvirt detaches the controller from its host driver. */
  managed: attr(t.yesNo),
  namespace: attr(t.uint),
  startupPolicy: attr(startupPolicy),
  ...index,
  address: child(NvmeAddress),
  ...slices,
  encryption: child(Encryption),
  ...dataStore,
});
export type DiskSourceNvme = Infer<typeof DiskSourceNvme>;

/** `<source type='unix' path='...'/>` of a `type='vhostuser'` disk. */
export const DiskSourceVhostUser = el('source', {
  type: attr(t.enum('unix')),
  path: attr(t.string),
  reconnect: child(Reconnect),
});
export type DiskSourceVhostUser = Infer<typeof DiskSourceVhostUser>;

/** `<source dev='/dev/vhost-vdpa-0'/>` of a `type='vhostvdpa'` disk. */
export const DiskSourceVhostVdpa = el('source', {
  dev: attr(t.string),
});
export type DiskSourceVhostVdpa = Infer<typeof DiskSourceVhostVdpa>;

/** Children that end every network source: common source parts, then credentials and encryption. */
const hosts = { host: many(DiskSourceHost) } as const;
const curlProps = { readahead: child(DiskSourceReadahead), timeout: child(DiskSourceTimeout) } as const;
/**
 * libvirt's parser reads a `<seclabel>` in every source type, network ones included, though
 * the RNG leaves it out there; modeled so such documents parse typed and validation can judge.
 */
const netTail = { ...slices, seclabel: many(DeviceSeclabel), auth: child(DiskAuth), encryption: child(Encryption), ...dataStore } as const;

/**
 * `<source protocol='...' name='...'>` of a `type='network'` disk. The `protocol` decides
 * what else may appear (formatdomain.rst, source `protocol`).
 */
export const DiskSourceNetwork = el(
  'source',
  {
    protocol: attr(t.enum('nbd', 'gluster', 'rbd', 'iscsi', 'http', 'https', 'ftp', 'ftps', 'ssh', 'sheepdog', 'tftp', 'vxhs', 'nfs')),
    /** Image, volume or export name (for iSCSI `iqn/lun`). */
    name: attr(t.string),
  },
  variants('protocol', {
    nbd: {
      /** Use TLS for the connection. */
      tls: attr(t.yesNo),
      /** Host name to check the server certificate against. */
      tlsHostname: attr(t.string),
      ...index,
      ...hosts,
      reconnect: child(Reconnect),
      ...netTail,
    },
    gluster: { ...index, ...hosts, ...netTail },
    rbd: {
      ...index,
      ...hosts,
      snapshot: child(DiskSourceSnapshot),
      config: child(DiskSourceConfig),
      ...netTail,
    },
    iscsi: { ...index, ...hosts, initiator: child(DiskSourceInitiator), ...netTail },
    http: {
      /** Query part of the URL. */
      query: attr(t.string),
      ...index,
      ...hosts,
      cookies: child(DiskSourceCookies),
      ...curlProps,
      ...netTail,
    },
    https: {
      query: attr(t.string),
      ...index,
      ...hosts,
      ssl: child(DiskSourceSsl),
      cookies: child(DiskSourceCookies),
      ...curlProps,
      ...netTail,
    },
    ftp: { ...index, ...hosts, ...curlProps, ...netTail },
    ftps: { ...index, ...hosts, ssl: child(DiskSourceSsl), ...curlProps, ...netTail },
    ssh: {
      ...index,
      ...hosts,
      ...curlProps,
      knownHosts: child(DiskSourceKnownHosts),
      identity: child(DiskSourceSshIdentity),
      ...netTail,
    },
    sheepdog: { ...index, ...hosts, ...curlProps, ...netTail },
    tftp: { ...index, ...hosts, ...curlProps, ...netTail },
    vxhs: { tls: attr(t.yesNo), ...index, ...hosts, ...netTail },
    nfs: { ...index, ...hosts, identity: child(DiskSourceNfsIdentity), ...netTail },
  }),
);
export type DiskSourceNetwork = Infer<typeof DiskSourceNetwork>;

/** The `type` attribute of a disk-like element and the `<source>` it selects. */
export type DiskSourceByType =
  | { type?: 'file'; source?: DiskSourceFile }
  | { type: 'block'; source?: DiskSourceBlock }
  | { type: 'dir'; source?: DiskSourceDir }
  | { type: 'network'; source?: DiskSourceNetwork }
  | { type: 'volume'; source?: DiskSourceVolume }
  | { type: 'nvme'; source?: DiskSourceNvme }
  | { type: 'vhostuser'; source?: DiskSourceVhostUser }
  | { type: 'vhostvdpa'; source?: DiskSourceVhostVdpa };

/** Builds the variant cases of a disk-like element: `before`, then the type's `<source>`, then `after`. */
function bySourceType<const B extends Fields, const A extends Fields>(before: B, after: A) {
  return variants(
    'type',
    {
      file: { ...before, source: child(DiskSourceFile), ...after },
      block: { ...before, source: child(DiskSourceBlock), ...after },
      dir: { ...before, source: child(DiskSourceDir), ...after },
      network: { ...before, source: child(DiskSourceNetwork), ...after },
      volume: { ...before, source: child(DiskSourceVolume), ...after },
      nvme: { ...before, source: child(DiskSourceNvme), ...after },
      vhostuser: { ...before, source: child(DiskSourceVhostUser), ...after },
      vhostvdpa: { ...before, source: child(DiskSourceVhostVdpa), ...after },
    },
    'file',
  );
}

/** `<dataStore type='file'>` (formatdomain.rst "Hard drives, floppy disks, CDROMs", dataStore). */
export const DataStore: ElDef<DataStore> = el('dataStore', { type: attr(diskType) }, bySourceType({ format: child(DiskFormat) }, {}));

// ---------------------------------------------------------------------------
// Backing chain and mirror

/** `<backingStore>`: the next image of the backing chain; an empty `<backingStore/>` ends the chain. */
export type BackingStore = {
  /** Position in the chain (output, and input for block jobs). */
  index?: number;
  format?: DiskFormat;
  backingStore?: BackingStore;
  $xml?: XmlSide;
} & DiskSourceByType;

/** `<backingStore type='file' index='1'>` (formatdomain.rst, backingStore). */
export const BackingStore: ElDef<BackingStore> = el(
  'backingStore',
  { type: attr(diskType), index: attr(t.uint) },
  bySourceType({ format: child(DiskFormat) }, { backingStore: child((): ElDef<BackingStore> => BackingStore) }),
);

/** `<mirror type='file' job='copy' ready='yes'>`: the destination of a running block copy or active commit. */
export const DiskMirror = el(
  'mirror',
  {
    type: attr(diskType),
    /** Older spelling of the destination file (block copy to a file). */
    file: attr(t.string),
    /** Older spelling of the destination format. */
    format: attr(storageFormat),
    job: attr(t.enum('copy', 'active-commit')),
    /** Whether the job is ready to pivot, or is being aborted or pivoted. */
    ready: attr(t.enum('yes', 'abort', 'pivot')),
  },
  bySourceType(
    {
      /** The `<format>` child element; named apart from the older `format` attribute. */
      imageFormat: child(DiskFormat),
    },
    { backingStore: child(BackingStore) },
  ),
);
export type DiskMirror = Infer<typeof DiskMirror>;

// ---------------------------------------------------------------------------
// Disk children

/** `<statistic interval='N'/>`: collect timed block statistics over windows of N seconds. */
export const DiskStatistic = el('statistic', { interval: attr(t.uint) });
export type DiskStatistic = Infer<typeof DiskStatistic>;

/** `<bin start='N'/>`: lower bound (nanoseconds) of one latency histogram bucket. */
export const DiskLatencyHistogramBin = el('bin', { start: attr(t.uint) });
export type DiskLatencyHistogramBin = Infer<typeof DiskLatencyHistogramBin>;

/** `<latency-histogram type='read'>`: I/O latency histogram; without `type` it applies to every operation. */
export const DiskLatencyHistogram = el('latency-histogram', {
  type: attr(t.enum('read', 'write', 'zone', 'flush')),
  bin: many(DiskLatencyHistogramBin),
});
export type DiskLatencyHistogram = Infer<typeof DiskLatencyHistogram>;

/** `<statistics>` of a disk driver: optional statistics collection (libvirt 11.2 and later; not in the bundled RNG). */
export const DiskStatistics = el('statistics', {
  statistic: many(DiskStatistic),
  latencyHistogram: many(DiskLatencyHistogram),
});
export type DiskStatistics = Infer<typeof DiskStatistics>;

/** `<driver name='qemu' type='qcow2' cache='none'/>`: the hypervisor side of the disk. */
export const DiskDriver = el('driver', {
  /** Backend driver: `qemu`, `tap`, `file`, `phy` ... */
  name: attr(t.string),
  /** Image format; `aio` is an old spelling of `raw`. */
  type: attr(t.enum('raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'luks', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk', 'aio')),
  cache: attr(t.enum('default', 'none', 'writeback', 'writethrough', 'directsync', 'unsafe')),
  /** On write errors (and read errors unless `rerror_policy` is set). */
  error_policy: attr(t.enum('stop', 'report', 'ignore', 'enospace')),
  rerror_policy: attr(t.enum('stop', 'report', 'ignore')),
  io: attr(t.enum('threads', 'native', 'io_uring')),
  ioeventfd: attr(t.onOff),
  event_idx: attr(t.onOff),
  copy_on_read: attr(t.onOff),
  discard: attr(t.enum('unmap', 'ignore')),
  iothread: attr(t.uint),
  detect_zeroes: attr(t.enum('off', 'on', 'unmap')),
  discard_no_unref: attr(t.onOff),
  queues: attr(t.uint),
  queue_size: attr(t.uint),
  ...virtioOptions,
  metadata_cache: child(MetadataCache),
  iothreads: child(IothreadMapping),
  statistics: child(DiskStatistics),
});
export type DiskDriver = Infer<typeof DiskDriver>;

/** `<backenddomain name='...'/>`: the Xen domain that provides the disk's backend. */
export const DiskBackendDomain = el('backenddomain', { name: attr(t.string) });
export type DiskBackendDomain = Infer<typeof DiskBackendDomain>;

/** `<geometry cyls='N' heads='N' secs='N' trans='lba'/>`: BIOS disk geometry. */
export const DiskGeometry = el('geometry', {
  cyls: attr(t.uint),
  heads: attr(t.uint),
  secs: attr(t.uint),
  /** BIOS translation mode. */
  trans: attr(t.enum('auto', 'none', 'lba')),
});
export type DiskGeometry = Infer<typeof DiskGeometry>;

/** `<blockio logical_block_size='512' .../>`: block sizes the guest sees, in bytes. */
export const DiskBlockIo = el('blockio', {
  logical_block_size: attr(t.uint),
  physical_block_size: attr(t.uint),
  discard_granularity: attr(t.uint),
});
export type DiskBlockIo = Infer<typeof DiskBlockIo>;

/** `<target dev='vda' bus='virtio'/>`: how the guest sees the disk. */
export const DiskTarget = el('target', {
  /** Device name hint: `vda`, `sda`, `hdc` ... (the guest may name it differently). */
  dev: attr(t.pattern('disk target', '^(ioemu:)?(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+$'), { required: true }),
  bus: attr(t.enum('ide', 'fdc', 'scsi', 'virtio', 'xen', 'usb', 'uml', 'sata', 'sd')),
  /** Tray state of a CD-ROM or floppy (output). */
  tray: attr(t.enum('open', 'closed')),
  /** USB disks: report as removable. */
  removable: attr(t.onOff),
  /** Rotation rate reported to the guest; 1 means solid-state. */
  rotation_rate: attr(t.uint),
});
export type DiskTarget = Infer<typeof DiskTarget>;

/** `<iotune>`: I/O throttling; every value is a number per second, `_max` a burst, `_max_length` its duration in seconds. */
export const DiskIoTune = el('iotune', {
  total_bytes_sec: leaf(t.uint),
  read_bytes_sec: leaf(t.uint),
  write_bytes_sec: leaf(t.uint),
  total_iops_sec: leaf(t.uint),
  read_iops_sec: leaf(t.uint),
  write_iops_sec: leaf(t.uint),
  total_bytes_sec_max: leaf(t.uint),
  read_bytes_sec_max: leaf(t.uint),
  write_bytes_sec_max: leaf(t.uint),
  total_iops_sec_max: leaf(t.uint),
  read_iops_sec_max: leaf(t.uint),
  write_iops_sec_max: leaf(t.uint),
  /** Size in bytes of one I/O for the iops limits. */
  size_iops_sec: leaf(t.uint),
  /** Disks with the same group name share their limits. */
  group_name: leaf(t.string),
  total_bytes_sec_max_length: leaf(t.uint),
  read_bytes_sec_max_length: leaf(t.uint),
  write_bytes_sec_max_length: leaf(t.uint),
  total_iops_sec_max_length: leaf(t.uint),
  read_iops_sec_max_length: leaf(t.uint),
  write_iops_sec_max_length: leaf(t.uint),
});
export type DiskIoTune = Infer<typeof DiskIoTune>;

/** `<throttlefilter group='...'/>`: applies a domain-level `<throttlegroup>`. */
export const DiskThrottleFilter = el('throttlefilter', { group: attr(t.string) });
export type DiskThrottleFilter = Infer<typeof DiskThrottleFilter>;

/** `<throttlefilters>`: the throttle groups a disk belongs to (instead of `<iotune>`). */
export const DiskThrottleFilters = el('throttlefilters', { throttlefilter: many(DiskThrottleFilter) });
export type DiskThrottleFilters = Infer<typeof DiskThrottleFilters>;

/** `<transient/>`: changes are discarded when the guest stops. */
export const DiskTransient = el('transient', {
  /** Share the original image between guests, each with its own overlay. */
  shareBacking: attr(t.yesNo),
});
export type DiskTransient = Infer<typeof DiskTransient>;

/** Children of `<disk>` before `<source>`. */
const diskHead = {
  driver: child(DiskDriver),
  /** Older placement of the source's credentials. */
  auth: child(DiskAuth),
} as const;

/** Children of `<disk>` after `<source>`, in libvirt's order. */
const diskTail = {
  backingStore: child(BackingStore),
  backenddomain: child(DiskBackendDomain),
  geometry: child(DiskGeometry),
  blockio: child(DiskBlockIo),
  mirror: child(DiskMirror),
  target: child(DiskTarget, { required: true }),
  iotune: child(DiskIoTune),
  throttlefilters: child(DiskThrottleFilters),
  readonly: flag(),
  shareable: flag(),
  transient: child(DiskTransient),
  serial: leaf(t.pattern('disk serial', '^[A-Za-z0-9_.+\\- ]+$')),
  /** World Wide Name, 16 hex digits. */
  wwn: leaf(t.pattern('wwn', '^(0x)?[0-9a-fA-F]{16}$')),
  /** SCSI vendor, up to 8 printable characters. */
  vendor: leaf(t.pattern('scsi vendor', '^[\\x20-\\x7E]{0,8}$')),
  /** SCSI product, up to 40 printable characters. */
  product: leaf(t.pattern('scsi product', '^[\\x20-\\x7E]{0,40}$')),
  /** Older placement of the source's encryption. */
  encryption: child(Encryption),
  boot: child(Boot),
  ...deviceInfo,
} as const;

/**
 * `<disk type='file' device='disk'>` (formatdomain.rst "Hard drives, floppy disks, CDROMs").
 * The `type` decides `<source>`; without it the disk is a file.
 */
export const Disk = el(
  'disk',
  {
    type: attr(diskType),
    device: attr(t.enum('disk', 'cdrom', 'floppy', 'lun')),
    /** Virtio variant of the disk device. */
    model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
    /** LUNs: allow raw SCSI I/O (needs CAP_SYS_RAWIO). */
    rawio: attr(t.yesNo),
    /** LUNs: whether unprivileged SG_IO commands are filtered. */
    sgio: attr(t.enum('filtered', 'unfiltered')),
    /** Default snapshot behaviour for this disk. */
    snapshot: attr(t.enum('no', 'internal', 'external', 'manual')),
  },
  bySourceType(diskHead, diskTail),
);
export type Disk = Infer<typeof Disk>;
