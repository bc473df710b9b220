import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkChardevs } from '../../src/validate/domain/chardevs.js';
import { brief, guest, run } from './domain-support.js';

test('file, dev and pipe devices need a path', () => {
  const xml = guest(["    <serial type='file'>", "      <target port='0'/>", '    </serial>', "    <parallel type='dev'>", '      <source/>', '    </parallel>'].join('\n'));
  const problems = run(checkChardevs, xml);
  assert.deepEqual(brief(problems), [
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/serial[1]/source/@path', line: 5 },
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/parallel[1]/source/@path', line: 9 },
  ]);
  assert.match(problems[0].message, /a 'file' character device needs a host path/);
  const good = xml.replace("<serial type='file'>", "<serial type='file'>\n      <source path='/var/log/serial.log'/>").replace('<source/>', "<source path='/dev/parport0'/>");
  assert.deepEqual(run(checkChardevs, good), []);
});

test('a unix socket without path, except for virtio channels (libvirt generates one)', () => {
  const xml = guest(
    [
      "    <serial type='unix'>",
      "      <source mode='bind'/>",
      '    </serial>',
      "    <channel type='unix'>",
      "      <source mode='bind'/>",
      "      <target type='virtio' name='org.qemu.guest_agent.0'/>",
      '    </channel>',
    ].join('\n'),
  );
  assert.deepEqual(brief(run(checkChardevs, xml)), [{ rule: 'chardev-source', severity: 'error', path: '/domain/devices/serial[1]/source/@path', line: 6 }]);
});

test('tcp needs host and service; udp needs a service to send to', () => {
  const xml = guest(
    [
      "    <serial type='tcp'>",
      "      <source mode='bind' service='4555'/>",
      '    </serial>',
      "    <serial type='tcp'>",
      "      <source mode='connect' host='127.0.0.1'/>",
      '    </serial>',
      "    <serial type='udp'>",
      "      <source mode='bind' host='0.0.0.0' service='2000'/>",
      "      <source mode='connect' host='192.0.2.1'/>",
      '    </serial>',
    ].join('\n'),
  );
  assert.deepEqual(brief(run(checkChardevs, xml)), [
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/serial[1]/source/@host', line: 6 },
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/serial[2]/source/@service', line: 9 },
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/serial[3]/source[2]/@service', line: 13 },
  ]);
  const good = xml
    .replace("<source mode='bind' service='4555'/>", "<source mode='bind' host='0.0.0.0' service='4555'/>")
    .replace("<source mode='connect' host='127.0.0.1'/>", "<source mode='connect' host='127.0.0.1' service='4556'/>")
    .replace("<source mode='connect' host='192.0.2.1'/>", "<source mode='connect' host='192.0.2.1' service='2001'/>");
  assert.deepEqual(run(checkChardevs, good), []);
});

test('the host side of redirdev, smartcard and rng egd devices is checked too', () => {
  const xml = guest(
    [
      "    <smartcard mode='passthrough' type='unix'>",
      "      <source mode='connect'/>",
      '    </smartcard>',
      "    <redirdev bus='usb' type='tcp'>",
      "      <source mode='connect' service='4000'/>",
      '    </redirdev>',
      "    <rng model='virtio'>",
      "      <backend model='egd' type='pipe'/>",
      '    </rng>',
    ].join('\n'),
  );
  assert.deepEqual(brief(run(checkChardevs, xml)), [
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/smartcard[1]/source[1]/@path', line: 6 },
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/redirdev[1]/source/@host', line: 9 },
    { rule: 'chardev-source', severity: 'error', path: '/domain/devices/rng[1]/backend/source[1]/@path', line: 12 },
  ]);
});

test('reconnect: only when connecting, and with a timeout', () => {
  const src = (mode: string, reconnect: string) => `    <channel type='tcp'>\n      <source mode='${mode}' host='127.0.0.1' service='9999'>\n        ${reconnect}\n      </source>\n      <target type='virtio' name='a'/>\n    </channel>`;
  const xml = guest([src('bind', "<reconnect enabled='yes' timeout='5'/>"), src('connect', "<reconnect enabled='yes' timeout='0'/>")].join('\n'));
  assert.deepEqual(brief(run(checkChardevs, xml)), [
    { rule: 'chardev-reconnect', severity: 'error', path: '/domain/devices/channel[1]/source/reconnect/@enabled', line: 7 },
    { rule: 'chardev-reconnect', severity: 'error', path: '/domain/devices/channel[2]/source/reconnect/@timeout', line: 13 },
  ]);
  assert.deepEqual(run(checkChardevs, guest(src('connect', "<reconnect enabled='yes' timeout='10'/>"))), []);
});

test('spiceport channel names', () => {
  const xml = guest("    <serial type='spiceport'>\n      <source channel='org.qemu console'/>\n    </serial>");
  assert.deepEqual(brief(run(checkChardevs, xml)), [{ rule: 'chardev-source', severity: 'error', path: '/domain/devices/serial[1]/source/@channel', line: 6 }]);
  assert.deepEqual(run(checkChardevs, xml.replace('org.qemu console', 'org.qemu.console.serial.0')), []);
});

test('a serial console shares the serial port it shows, with no source of its own', () => {
  const xml = guest("    <serial type='file'>\n      <source path='/var/log/s.log'/>\n    </serial>\n    <console type='file'>\n      <target type='serial' port='0'/>\n    </console>");
  assert.deepEqual(run(checkChardevs, xml), []);
});
