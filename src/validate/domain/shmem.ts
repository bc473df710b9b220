/**
 * Shared memory devices (formatdomain.rst "Shared memory device"): QEMU's ivshmem maps the
 * region through a PCI BAR, so its size must be a power of two of at least 1 MiB.
 */
import type { Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed, sizeBytes } from './context.js';
import { devicePath } from './devices.js';

const MIN_BYTES = 1024n * 1024n;

export function checkShmem(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  for (const [shmem, n] of indexed(dom.devices?.shmem)) {
    // The size is in bytes unless a unit says otherwise.
    const size = sizeBytes(shmem.size?.value, shmem.size?.unit, 'B');
    if (size === undefined) continue;
    const powerOfTwo = size > 0n && (size & (size - 1n)) === 0n;
    if (powerOfTwo && size >= MIN_BYTES) continue;
    r.error({
      rule: 'shmem-size',
      path: `${devicePath('shmem', n)}/size`,
      value: `${size} bytes`,
      message: `shared memory size ${size} bytes is ${powerOfTwo ? 'below 1 MiB' : 'not a power of two'}; expected a power of two of at least 1 MiB`,
      at: [shmem, shmem.size],
    });
  }
  return r.problems;
}
