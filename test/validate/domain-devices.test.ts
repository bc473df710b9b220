import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHostdevs } from '../../src/validate/domain/hostdevs.js';
import { checkShmem } from '../../src/validate/domain/shmem.js';
import { checkVideo } from '../../src/validate/domain/video.js';
import { brief, guest, run } from './domain-support.js';

const video = (type: string, primary = false) => `    <video>\n      <model type='${type}'${primary ? " primary='yes'" : ''}/>\n    </video>`;

test("a 'none' video model among other video devices", () => {
  assert.deepEqual(brief(run(checkVideo, guest([video('vga'), video('none')].join('\n')))), [
    { rule: 'video-none-alone', severity: 'error', path: '/domain/devices/video[2]/model/@type', line: 9 },
  ]);
  assert.deepEqual(run(checkVideo, guest(video('none'))), []);
});

test('two primary video devices', () => {
  assert.deepEqual(brief(run(checkVideo, guest([video('qxl', true), video('virtio', true)].join('\n')))), [
    { rule: 'video-primary', severity: 'error', path: '/domain/devices/video[2]/model/@primary', line: 9 },
  ]);
  assert.deepEqual(run(checkVideo, guest([video('qxl', true), video('virtio')].join('\n'))), []);
});

const pciHostdev = (fn: string) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='0x06' slot='0x12' function='${fn}'/>\n      </source>\n    </hostdev>`;

test('one host device assigned twice', () => {
  const problems = run(checkHostdevs, guest([pciHostdev('0x5'), pciHostdev('0x5')].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-hostdev', severity: 'error', path: '/domain/devices/hostdev[2]/source', line: 11 }]);
  assert.match(problems[0].message, /PCI host device 0000:06:12\.5 is already assigned by \/domain\/devices\/hostdev\[1\]/);
  assert.deepEqual(run(checkHostdevs, guest([pciHostdev('0x5'), pciHostdev('0x6')].join('\n'))), []);
});

test('one USB host device (by vendor and product) assigned twice', () => {
  const usb = `    <hostdev mode='subsystem' type='usb'>\n      <source>\n        <vendor id='0x1234'/>\n        <product id='0xbeef'/>\n      </source>\n    </hostdev>`;
  assert.deepEqual(brief(run(checkHostdevs, guest([usb, usb].join('\n')))), [{ rule: 'duplicate-hostdev', severity: 'error', path: '/domain/devices/hostdev[2]/source', line: 12 }]);
});

const shmem = (size: string) => `    <shmem name='s0'>\n      <model type='ivshmem-plain'/>\n      ${size}\n    </shmem>`;

test('shared memory must be a power of two of at least 1 MiB', () => {
  assert.deepEqual(brief(run(checkShmem, guest(shmem("<size unit='K'>12345</size>")))), [
    { rule: 'shmem-size', severity: 'error', path: '/domain/devices/shmem[1]/size', line: 7 },
  ]);
  assert.deepEqual(brief(run(checkShmem, guest(shmem("<size unit='K'>512</size>")))).map((p) => p.rule), ['shmem-size']);
  // Without a unit the size is in bytes.
  assert.deepEqual(run(checkShmem, guest(shmem('<size>4194304</size>'))), []);
  assert.deepEqual(run(checkShmem, guest(shmem("<size unit='M'>4</size>"))), []);
});
