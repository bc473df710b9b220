/**
 * The semantic checks of a `<domain>`: the rules libvirt applies when it defines a guest,
 * one family per file, plus a few warnings for legal but probably unintended settings.
 */
import type { Check } from '../semantic.js';
import { checkAddresses } from './addresses.js';
import { checkBoot } from './boot.js';
import { checkChardevs } from './chardevs.js';
import { checkControllers } from './controllers.js';
import { checkCpus } from './cpus.js';
import { checkDisks } from './disks.js';
import { checkGraphics } from './graphics.js';
import { checkHostdevs } from './hostdevs.js';
import { checkInterfaces } from './interfaces.js';
import { checkMemory } from './memory.js';
import { checkNuma } from './numa.js';
import { checkShmem } from './shmem.js';
import { checkVideo } from './video.js';

export const domainChecks: Check<'domain'>[] = [
  checkMemory,
  checkCpus,
  checkNuma,
  checkDisks,
  checkControllers,
  checkAddresses,
  checkHostdevs,
  checkBoot,
  checkInterfaces,
  checkGraphics,
  checkChardevs,
  checkVideo,
  checkShmem,
];
