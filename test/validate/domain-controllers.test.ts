import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkControllers } from '../../src/validate/domain/controllers.js';
import { brief, guest, run } from './domain-support.js';

test('two controllers of one type with one index', () => {
  const xml = guest(
    [
      "    <controller type='pci' index='0' model='pci-root'/>",
      "    <controller type='pci' index='1' model='pci-bridge'/>",
      "    <controller type='scsi' index='1'/>",
      "    <controller type='pci' index='1' model='pci-bridge'/>",
    ].join('\n'),
  );
  const problems = run(checkControllers, xml);
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-controller-index', severity: 'error', path: '/domain/devices/controller[4]/@index', line: 8 }]);
  assert.match(problems[0].message, /a pci controller with index 1 already exists at \/domain\/devices\/controller\[2\]/);
});

test('USB companion controllers share their master index', () => {
  const xml = guest(
    [
      "    <controller type='usb' index='0' model='ich9-ehci1'/>",
      "    <controller type='usb' index='0' model='ich9-uhci1'>",
      "      <master startport='0'/>",
      '    </controller>',
      "    <controller type='scsi' index='0'/>",
      "    <controller type='ide' index='0'/>",
    ].join('\n'),
  );
  assert.deepEqual(run(checkControllers, xml), []);
});

test('PCI controller options out of range', () => {
  const xml = guest(
    [
      "    <controller type='pci' index='0' model='pci-root'>",
      "      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>",
      '    </controller>',
      "    <controller type='pci' index='1' model='pci-bridge'>",
      "      <target chassisNr='0'/>",
      '    </controller>',
      "    <controller type='pci' index='2' model='pci-root'>",
      "      <model name='spapr-pci-host-bridge'/>",
      "      <target index='31'/>",
      '    </controller>',
      "    <controller type='pci' index='3' model='pci-root'>",
      "      <target index='0'/>",
      '    </controller>',
    ].join('\n'),
  );
  assert.deepEqual(brief(run(checkControllers, xml)), [
    { rule: 'pci-root-address', severity: 'error', path: '/domain/devices/controller[1]/address', line: 6 },
    { rule: 'pci-target-range', severity: 'error', path: '/domain/devices/controller[2]/target/@chassisNr', line: 9 },
    { rule: 'pci-target-index', severity: 'error', path: '/domain/devices/controller[3]/target/@index', line: 13 },
    { rule: 'pci-target-index', severity: 'error', path: '/domain/devices/controller[4]/target/@index', line: 16 },
  ]);
});

test('PCI controller options in range pass', () => {
  const xml = guest(
    [
      "    <controller type='pci' index='0' model='pci-root'>",
      "      <target index='0'/>",
      '    </controller>',
      "    <controller type='pci' index='1' model='pci-bridge'>",
      "      <target chassisNr='1'/>",
      '    </controller>',
      "    <controller type='pci' index='2' model='pci-expander-bus'>",
      "      <target busNr='254'>",
      '        <node>0</node>',
      '      </target>',
      '    </controller>',
    ].join('\n'),
  );
  assert.deepEqual(run(checkControllers, xml), []);
});

test('the PCI root cannot be tied to a NUMA node', () => {
  const xml = guest("    <controller type='pci' index='0' model='pci-root'>\n      <target>\n        <node>1</node>\n      </target>\n    </controller>");
  assert.deepEqual(brief(run(checkControllers, xml)), [{ rule: 'pci-root-numa-node', severity: 'error', path: '/domain/devices/controller[1]/target/node', line: 6 }]);
});
