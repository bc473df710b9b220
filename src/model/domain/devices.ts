/**
 * `<devices>`: every device of the guest (formatdomain.rst "Devices"). Each device kind is
 * an array named like its element (`devices.disk`, `devices.interface`), in the order libvirt
 * writes them.
 */
import { child, el, leaf, many, t, type Infer } from '../../schema/index.js';
import { Audio } from './audio.js';
import { Channel, Console, Parallel, Serial } from './chardev.js';
import { Controller } from './controller.js';
import { Crypto } from './crypto.js';
import { Disk } from './disk.js';
import { Filesystem } from './filesystem.js';
import { Graphics } from './graphics.js';
import { Hostdev } from './hostdev.js';
import { Hub } from './hub.js';
import { Input } from './input.js';
import { Interface } from './interface.js';
import { Iommu } from './iommu.js';
import { Lease } from './lease.js';
import { Memballoon } from './memballoon.js';
import { MemoryDevice } from './memorydev.js';
import { Nvram } from './nvram.js';
import { Panic } from './panic.js';
import { Pstore } from './pstore.js';
import { Redirdev, Redirfilter } from './redirdev.js';
import { Rng } from './rng.js';
import { Shmem } from './shmem.js';
import { Smartcard } from './smartcard.js';
import { Sound } from './sound.js';
import { Tpm } from './tpm.js';
import { Video } from './video.js';
import { Vsock } from './vsock.js';
import { Watchdog } from './watchdog.js';

export const Devices = el('devices', {
  /** Path of the device model emulator binary, e.g. `/usr/bin/qemu-system-x86_64`. */
  emulator: leaf(t.string),
  disk: many(Disk),
  controller: many(Controller),
  lease: many(Lease),
  filesystem: many(Filesystem),
  interface: many(Interface),
  smartcard: many(Smartcard),
  serial: many(Serial),
  parallel: many(Parallel),
  console: many(Console),
  channel: many(Channel),
  input: many(Input),
  tpm: many(Tpm),
  graphics: many(Graphics),
  sound: many(Sound),
  audio: many(Audio),
  video: many(Video),
  hostdev: many(Hostdev),
  redirdev: many(Redirdev),
  redirfilter: many(Redirfilter),
  hub: many(Hub),
  watchdog: many(Watchdog),
  memballoon: child(Memballoon),
  rng: many(Rng),
  nvram: child(Nvram),
  panic: many(Panic),
  shmem: many(Shmem),
  memory: many(MemoryDevice),
  iommu: child(Iommu),
  vsock: child(Vsock),
  crypto: many(Crypto),
  pstore: child(Pstore),
});
export type Devices = Infer<typeof Devices>;
