import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBoot } from '../../src/validate/domain/boot.js';
import { brief, run } from './domain-support.js';

/** Two disks with boot orders `a` and `b`; `osBoot` adds `<os><boot dev='hd'/>`. */
function bootGuest(a: number, b: number, osBoot = false): string {
  return `<domain type='kvm'>
  <name>t</name>
  <memory>1048576</memory>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>${osBoot ? "\n    <boot dev='hd'/>" : ''}
  </os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/a.img'/>
      <target dev='vda' bus='virtio'/>
      <boot order='${a}'/>
    </disk>
    <interface type='network'>
      <source network='default'/>
      <boot order='${b}'/>
    </interface>
  </devices>
</domain>`;
}

test('per-device boot orders together with <os><boot>', () => {
  const problems = run(checkBoot, bootGuest(1, 2, true));
  assert.deepEqual(brief(problems), [{ rule: 'boot-order-mixed', severity: 'error', path: '/domain/devices/disk[1]/boot/@order', line: 12 }]);
  assert.match(problems[0].message, /<os><boot dev='hd'\/>/);
});

test('one boot order used twice', () => {
  const problems = run(checkBoot, bootGuest(1, 1));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-boot-order', severity: 'error', path: '/domain/devices/interface[1]/boot/@order', line: 15 }]);
  assert.match(problems[0].message, /boot order 1 is already used by \/domain\/devices\/disk\[1\]/);
});

test('distinct per-device boot orders without <os><boot> pass', () => {
  assert.deepEqual(run(checkBoot, bootGuest(1, 2)), []);
});

test('boot order 0, and a filesystem that is not virtiofs', () => {
  const xml = `<domain type='kvm'>
  <name>t</name>
  <memory>1048576</memory>
  <devices>
    <disk type='file' device='disk'>
      <source file='/a.img'/>
      <target dev='vda'/>
      <boot order='0'/>
    </disk>
    <filesystem type='mount'>
      <driver type='path'/>
      <source dir='/srv'/>
      <target dir='srv'/>
      <boot order='2'/>
    </filesystem>
  </devices>
</domain>`;
  assert.deepEqual(brief(run(checkBoot, xml)), [
    { rule: 'boot-order-invalid', severity: 'error', path: '/domain/devices/disk[1]/boot/@order', line: 8 },
    { rule: 'boot-order-unsupported', severity: 'error', path: '/domain/devices/filesystem[1]/boot/@order', line: 14 },
  ]);
  assert.deepEqual(run(checkBoot, xml.replace("order='0'", "order='1'").replace("<driver type='path'/>", "<driver type='virtiofs'/>")), []);
});
