/**
 * `<filesystem>`: a host directory, image or memory area shared with the guest as a
 * filesystem (formatdomain.rst "Filesystems"). The `type` decides `<source>`.
 */
import { attr, child, el, flag, t, variants, type Fields, type Infer } from '../../schema/index.js';
import { sized, sizeUnit } from '../common.js';
import { Acpi, Address, Alias, Boot, virtioOptions } from './address.js';
import { storageFormat } from './disk.js';
import { Idmap } from './idmap.js';

/** An octal permission mode as libvirt writes it (`0644`). */
const octalMode = t.pattern('octal mode', '^0?[0-7]{1,3}$');

/** Options of the classic filesystem drivers (path, handle, loop, nbd, ploop). */
const classicDriver = {
  /** Image format for `loop`/`nbd`/`ploop`. */
  format: attr(storageFormat),
  /** `immediate`: write through to the host at once. */
  wrpolicy: attr(t.enum('immediate')),
  ...virtioOptions,
} as const;

/** `<driver type='virtiofs' queue='1024'/>`: the filesystem driver; its `type` decides the options. */
export const FilesystemDriver = el(
  'driver',
  {
    type: attr(t.enum('path', 'handle', 'loop', 'nbd', 'ploop', 'virtiofs', 'mtp')),
  },
  variants(
    'type',
    {
      path: classicDriver,
      handle: classicDriver,
      loop: classicDriver,
      nbd: classicDriver,
      ploop: classicDriver,
      virtiofs: {
        /** Virtqueue size. */
        queue: attr(t.uint),
        ...virtioOptions,
      },
      mtp: {},
    },
    'path',
  ),
);
export type FilesystemDriver = Infer<typeof FilesystemDriver>;

/** `<cache mode='always'/>` of virtiofsd. */
export const FilesystemBinaryCache = el('cache', { mode: attr(t.enum('none', 'always')) });
export type FilesystemBinaryCache = Infer<typeof FilesystemBinaryCache>;

/** `<sandbox mode='chroot'/>`: how virtiofsd isolates itself. */
export const FilesystemBinarySandbox = el('sandbox', { mode: attr(t.enum('namespace', 'chroot')) });
export type FilesystemBinarySandbox = Infer<typeof FilesystemBinarySandbox>;

/** `<lock posix='on' flock='on'/>`: which lock kinds virtiofsd supports. */
export const FilesystemBinaryLock = el('lock', {
  posix: attr(t.onOff),
  flock: attr(t.onOff),
});
export type FilesystemBinaryLock = Infer<typeof FilesystemBinaryLock>;

/** `<thread_pool size='16'/>`: virtiofsd worker threads (0 disables the pool). */
export const FilesystemBinaryThreadPool = el('thread_pool', { size: attr(t.int) });
export type FilesystemBinaryThreadPool = Infer<typeof FilesystemBinaryThreadPool>;

/** `<openfiles max='N'/>`: virtiofsd's open file limit. */
export const FilesystemBinaryOpenfiles = el('openfiles', { max: attr(t.uint) });
export type FilesystemBinaryOpenfiles = Infer<typeof FilesystemBinaryOpenfiles>;

/** `<binary path='/usr/libexec/virtiofsd' xattr='on'>`: the virtiofsd daemon and its options. */
export const FilesystemBinary = el('binary', {
  path: attr(t.string),
  /** Extended attribute support. */
  xattr: attr(t.onOff),
  cache: child(FilesystemBinaryCache),
  sandbox: child(FilesystemBinarySandbox),
  lock: child(FilesystemBinaryLock),
  thread_pool: child(FilesystemBinaryThreadPool),
  openfiles: child(FilesystemBinaryOpenfiles),
});
export type FilesystemBinary = Infer<typeof FilesystemBinary>;

/** `<source dir='...'/>` or `<source socket='...'/>` of a `type='mount'` filesystem (socket: an externally started virtiofsd). */
export const FilesystemSourceMount = el('source', {
  dir: attr(t.string),
  socket: attr(t.string),
});
export type FilesystemSourceMount = Infer<typeof FilesystemSourceMount>;

/** `<source dir='...'/>` of a `type='bind'` filesystem. */
export const FilesystemSourceBind = el('source', { dir: attr(t.string) });
export type FilesystemSourceBind = Infer<typeof FilesystemSourceBind>;

/** `<source dev='...'/>` of a `type='block'` filesystem. */
export const FilesystemSourceBlock = el('source', { dev: attr(t.string) });
export type FilesystemSourceBlock = Infer<typeof FilesystemSourceBlock>;

/** `<source file='...'/>` of a `type='file'` filesystem (an image). */
export const FilesystemSourceFile = el('source', { file: attr(t.string) });
export type FilesystemSourceFile = Infer<typeof FilesystemSourceFile>;

/** `<source name='...'/>` of a `type='template'` filesystem (an OpenVZ template). */
export const FilesystemSourceTemplate = el('source', { name: attr(t.string) });
export type FilesystemSourceTemplate = Infer<typeof FilesystemSourceTemplate>;

/** `<source usage='1024' units='MiB'/>` of a `type='ram'` filesystem (a tmpfs). */
export const FilesystemSourceRam = el('source', {
  /** Size of the memory filesystem, in `units` (KiB by default). */
  usage: attr(t.uint),
  units: attr(sizeUnit),
});
export type FilesystemSourceRam = Infer<typeof FilesystemSourceRam>;

/** `<source pool='...' volume='...'/>` of a `type='volume'` filesystem (a storage pool volume; not in the RNG). */
export const FilesystemSourceVolume = el('source', {
  pool: attr(t.string),
  volume: attr(t.string),
});
export type FilesystemSourceVolume = Infer<typeof FilesystemSourceVolume>;

/** `<target dir='...'/>`: the mount tag or guest path. */
export const FilesystemTarget = el('target', { dir: attr(t.string) });
export type FilesystemTarget = Infer<typeof FilesystemTarget>;

/** `<space_hard_limit unit='KiB'>N</space_hard_limit>` and its soft sibling: size limits of the filesystem. */
export const FilesystemSpaceHardLimit = sized('space_hard_limit');
export type FilesystemSpaceHardLimit = Infer<typeof FilesystemSpaceHardLimit>;
export const FilesystemSpaceSoftLimit = sized('space_soft_limit');
export type FilesystemSpaceSoftLimit = Infer<typeof FilesystemSpaceSoftLimit>;

/** Children after `<source>`, in libvirt's order. */
const tail = {
  target: child(FilesystemTarget),
  readonly: flag(),
  boot: child(Boot),
  alias: child(Alias),
  acpi: child(Acpi),
  address: child(Address),
  space_hard_limit: child(FilesystemSpaceHardLimit),
  space_soft_limit: child(FilesystemSpaceSoftLimit),
} as const;

/** A case whose only own child is its `<source>`. */
function withSource<const S extends Fields>(source: S) {
  return { driver: child(FilesystemDriver), ...source, ...tail };
}

/** `<filesystem type='mount' accessmode='passthrough'>` (formatdomain.rst "Filesystems"). */
export const Filesystem = el(
  'filesystem',
  {
    type: attr(t.enum('mount', 'block', 'file', 'template', 'ram', 'bind', 'volume')),
    /** Security model for host file access. */
    accessmode: attr(t.enum('passthrough', 'mapped', 'squash')),
    model: attr(t.enum('virtio', 'virtio-transitional', 'virtio-non-transitional')),
    /** 9p: how files from different host devices get distinct inode numbers. */
    multidevs: attr(t.enum('default', 'remap', 'forbid', 'warn')),
    /** Octal mode of files created by the guest (9p, `mapped`). */
    fmode: attr(octalMode),
    /** Octal mode of directories created by the guest (9p, `mapped`). */
    dmode: attr(octalMode),
  },
  variants(
    'type',
    {
      mount: {
        driver: child(FilesystemDriver),
        binary: child(FilesystemBinary),
        idmap: child(Idmap),
        source: child(FilesystemSourceMount),
        ...tail,
      },
      bind: withSource({ source: child(FilesystemSourceBind) }),
      block: withSource({ source: child(FilesystemSourceBlock) }),
      file: withSource({ source: child(FilesystemSourceFile) }),
      template: withSource({ source: child(FilesystemSourceTemplate) }),
      ram: withSource({ source: child(FilesystemSourceRam) }),
      volume: withSource({ source: child(FilesystemSourceVolume) }),
    },
    'mount',
  ),
);
export type Filesystem = Infer<typeof Filesystem>;
