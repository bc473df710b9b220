import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDisks } from '../../src/validate/domain/disks.js';
import { brief, guest, ofRule, run } from './domain-support.js';

const disk = (target: string, source = "<source file='/var/lib/images/a.img'/>", extra = '') =>
  `    <disk type='file' device='disk'>\n      ${source}\n      ${target}${extra}\n    </disk>`;

test('duplicate disk targets: the second disk is reported at its <target>', () => {
  const xml = guest([disk("<target dev='vda' bus='virtio'/>"), disk("<target dev='vda' bus='virtio'/>", "<source file='/b.img'/>")].join('\n'));
  const problems = run(checkDisks, xml);
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-disk-target', severity: 'error', path: '/domain/devices/disk[2]/target/@dev', line: 11 }]);
  assert.equal(problems[0].value, 'vda');
  assert.match(problems[0].message, /'vda' is already used by \/domain\/devices\/disk\[1\]/);
  assert.equal(problems[0].column, 7);
});

test('distinct disk targets pass', () => {
  const xml = guest([disk("<target dev='vda' bus='virtio'/>"), disk("<target dev='vdb' bus='virtio'/>", "<source file='/b.img'/>")].join('\n'));
  assert.deepEqual(run(checkDisks, xml), []);
});

test('a disk without a target name', () => {
  const problems = run(checkDisks, guest(disk("<target bus='virtio'/>")));
  assert.deepEqual(brief(problems), [{ rule: 'disk-target-missing', severity: 'error', path: '/domain/devices/disk[1]/target/@dev', line: 7 }]);
});

test('target names must fit the device: hard disks hd/sd/vd/xvd/ubd, floppies fd', () => {
  const bad = guest(
    [
      disk("<target dev='fda' bus='virtio'/>"),
      `    <disk type='file' device='floppy'>\n      <source file='/f.img'/>\n      <target dev='hdb' bus='fdc'/>\n    </disk>`,
    ].join('\n'),
  );
  assert.deepEqual(brief(ofRule(run(checkDisks, bad), 'disk-target-name')), [
    { rule: 'disk-target-name', severity: 'error', path: '/domain/devices/disk[1]/target/@dev', line: 7 },
    { rule: 'disk-target-name', severity: 'error', path: '/domain/devices/disk[2]/target/@dev', line: 11 },
  ]);
  const good = guest(
    [disk("<target dev='xvda' bus='xen'/>"), `    <disk type='file' device='floppy'>\n      <source file='/f.img'/>\n      <target dev='fda'/>\n    </disk>`].join('\n'),
  );
  assert.deepEqual(run(checkDisks, good), []);
});

test('a floppy needs the fdc bus, and only floppies use it', () => {
  const bad = guest(`    <disk type='file' device='floppy'>\n      <source file='/f.img'/>\n      <target dev='fda' bus='ide'/>\n    </disk>`);
  assert.deepEqual(brief(run(checkDisks, bad)), [{ rule: 'disk-bus', severity: 'error', path: '/domain/devices/disk[1]/target/@bus', line: 7 }]);
  const cdrom = guest(`    <disk type='file' device='cdrom'>\n      <target dev='hdc' bus='fdc'/>\n    </disk>`);
  assert.deepEqual(brief(ofRule(run(checkDisks, cdrom), 'disk-bus')), [{ rule: 'disk-bus', severity: 'error', path: '/domain/devices/disk[1]/target/@bus', line: 6 }]);
});

test('a disk device needs a source; an empty cdrom is fine', () => {
  const bad = guest(`    <disk type='file' device='disk'>\n      <target dev='vda' bus='virtio'/>\n    </disk>`);
  assert.deepEqual(brief(run(checkDisks, bad)), [{ rule: 'disk-source-missing', severity: 'error', path: '/domain/devices/disk[1]/source', line: 5 }]);
  const network = guest(`    <disk type='network' device='disk'>\n      <source/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`);
  assert.deepEqual(brief(run(checkDisks, network)), [{ rule: 'disk-source-missing', severity: 'error', path: '/domain/devices/disk[1]/source', line: 6 }]);
  const cdrom = guest(`    <disk type='file' device='cdrom'>\n      <target dev='sda' bus='sata'/>\n      <readonly/>\n    </disk>`);
  assert.deepEqual(run(checkDisks, cdrom), []);
});

test('SCSI vendor and product length limits (8 and 16)', () => {
  const bad = guest(disk("<target dev='sda' bus='scsi'/>", undefined, "\n      <vendor>ABCDEFGHI</vendor>\n      <product>WD10EZEX-00BN5A00</product>"));
  const problems = run(checkDisks, bad);
  assert.deepEqual(brief(problems), [
    { rule: 'disk-vendor-length', severity: 'error', path: '/domain/devices/disk[1]/vendor', line: 5 },
    { rule: 'disk-product-length', severity: 'error', path: '/domain/devices/disk[1]/product', line: 5 },
  ]);
  assert.match(problems[1].message, /has 17 characters; expected at most 16/);
  const good = guest(disk("<target dev='sda' bus='scsi'/>", undefined, '\n      <vendor>ABCDEFGH</vendor>\n      <product>WD10EZEX-00BN5A0</product>'));
  assert.deepEqual(run(checkDisks, good), []);
});

test('identical serial or WWN on two disks is a warning', () => {
  const bad = guest(
    [
      disk("<target dev='vda' bus='virtio'/>", undefined, '\n      <serial>S1</serial>'),
      disk("<target dev='sda' bus='scsi'/>", "<source file='/b.img'/>", '\n      <serial>S1</serial>\n      <wwn>5000c50015ea71ac</wwn>'),
      disk("<target dev='sdb' bus='scsi'/>", "<source file='/c.img'/>", '\n      <wwn>5000c50015ea71ac</wwn>'),
    ].join('\n'),
  );
  assert.deepEqual(brief(run(checkDisks, bad)), [
    { rule: 'duplicate-disk-serial', severity: 'warning', path: '/domain/devices/disk[2]/serial', line: 10 },
    { rule: 'duplicate-disk-wwn', severity: 'warning', path: '/domain/devices/disk[3]/wwn', line: 16 },
  ]);
  const good = guest([disk("<target dev='vda'/>", undefined, '\n      <serial>S1</serial>'), disk("<target dev='vdb'/>", "<source file='/b.img'/>", '\n      <serial>S2</serial>')].join('\n'));
  assert.deepEqual(run(checkDisks, good), []);
});

test("io='native' without cache='none' or 'directsync' is a warning", () => {
  const bad = guest(`    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw' cache='writeback' io='native'/>\n      <source file='/a.img'/>\n      <target dev='vda'/>\n    </disk>`);
  const problems = run(checkDisks, bad);
  assert.deepEqual(brief(problems), [{ rule: 'disk-io-native-cache', severity: 'warning', path: '/domain/devices/disk[1]/driver/@io', line: 6 }]);
  assert.match(problems[0].message, /cache='writeback'/);
  const good = guest(`    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw' cache='none' io='native'/>\n      <source file='/a.img'/>\n      <target dev='vda'/>\n    </disk>`);
  assert.deepEqual(run(checkDisks, good), []);
});
