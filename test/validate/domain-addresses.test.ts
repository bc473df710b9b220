import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAddresses } from '../../src/validate/domain/addresses.js';
import { brief, guest, ofRule, run } from './domain-support.js';

const nic = (address: string) => `    <interface type='network'>\n      <source network='default'/>\n      ${address}\n    </interface>`;
const pci = (slot: string, fn = '0x0', extra = '') => `<address type='pci' domain='0x0000' bus='0x00' slot='${slot}' function='${fn}'${extra}/>`;

test('two devices at one PCI address', () => {
  const problems = run(checkAddresses, guest([nic(pci('0x03')), nic(pci('0x03'))].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-pci-address', severity: 'error', path: '/domain/devices/interface[2]/address', line: 11 }]);
  assert.equal(problems[0].value, '0000:00:03.0');
  assert.match(problems[0].message, /PCI address 0000:00:03\.0 is already used by \/domain\/devices\/interface\[1\]/);
});

test('functions of one slot, and all-zero PCI addresses (chosen by libvirt), do not clash', () => {
  const xml = guest([nic(pci('0x03', '0x0', " multifunction='on'")), nic(pci('0x03', '0x1')), nic("<address type='pci'/>"), nic("<address type='pci'/>")].join('\n'));
  assert.deepEqual(run(checkAddresses, xml), []);
});

test('PCI address parts out of range', () => {
  const problems = run(checkAddresses, guest(nic(pci('0x20'))));
  assert.deepEqual(brief(problems), [{ rule: 'pci-address-range', severity: 'error', path: '/domain/devices/interface[1]/address/@slot', line: 7 }]);
});

test("several functions with multifunction='off' on function 0 is a warning", () => {
  const problems = run(checkAddresses, guest([nic(pci('0x04', '0x0', " multifunction='off'")), nic(pci('0x04', '0x1'))].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'pci-multifunction-off', severity: 'warning', path: '/domain/devices/interface[1]/address/@multifunction', line: 7 }]);
});

test('an endpoint on a PCI bus without controller is fine (libvirt adds one); a controller is not', () => {
  const endpoint = guest(nic("<address type='pci' domain='0x0000' bus='0x02' slot='0x01' function='0x0'/>"));
  assert.deepEqual(run(checkAddresses, endpoint), []);
  const controller = guest(
    [
      "    <controller type='pci' index='0' model='pcie-root'/>",
      "    <controller type='pci' index='5' model='pcie-switch-downstream-port'>",
      "      <address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>",
      '    </controller>',
    ].join('\n'),
  );
  const problems = run(checkAddresses, controller);
  assert.deepEqual(brief(problems), [{ rule: 'pci-bus-missing', severity: 'error', path: '/domain/devices/controller[2]/address/@bus', line: 7 }]);
  assert.match(problems[0].message, /no PCI controller has index 4/);
  const present = controller.replace("<controller type='pci' index='0' model='pcie-root'/>", "<controller type='pci' index='0' model='pcie-root'/>\n    <controller type='pci' index='4' model='pcie-switch-upstream-port'/>");
  assert.deepEqual(run(checkAddresses, present), []);
});

const scsiDisk = (dev: string, address = '') =>
  `    <disk type='file' device='disk'>\n      <source file='/${dev}.img'/>\n      <target dev='${dev}' bus='scsi'/>${address ? `\n      ${address}` : ''}\n    </disk>`;
const drive = (unit: number, controller = 0) => `<address type='drive' controller='${controller}' bus='0' target='0' unit='${unit}'/>`;

test('two disks at one drive address on the same bus', () => {
  const problems = run(checkAddresses, guest([scsiDisk('sda', drive(0)), scsiDisk('sdb', drive(0))].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-drive-address', severity: 'error', path: '/domain/devices/disk[2]/address', line: 13 }]);
  assert.equal(problems[0].value, 'controller=0 bus=0 target=0 unit=0');
});

test('an explicit drive address that takes the place a target name implies', () => {
  // sda is placed at SATA controller 0 unit 0 by its name; sdb asks for the same unit.
  const xml = guest(
    `    <disk type='file' device='disk'>\n      <source file='/a.img'/>\n      <target dev='sda' bus='sata'/>\n    </disk>\n` +
      `    <disk type='file' device='disk'>\n      <source file='/b.img'/>\n      <target dev='sdb' bus='sata'/>\n      ${drive(0)}\n    </disk>`,
  );
  const problems = run(checkAddresses, xml);
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-drive-address', severity: 'error', path: '/domain/devices/disk[2]/address', line: 12 }]);
  assert.match(problems[0].message, /placed there by its target name 'sda'/);
});

test('same drive numbers on different buses, and a drive address on an absent controller, are fine', () => {
  const ide = `    <disk type='file' device='disk'>\n      <source file='/h.img'/>\n      <target dev='hda' bus='ide'/>\n      ${drive(0)}\n    </disk>`;
  // No SCSI controller 3 is defined: libvirt adds controllers 0-3 itself.
  assert.deepEqual(run(checkAddresses, guest([scsiDisk('sda', drive(0)), ide, scsiDisk('sdb', drive(0, 3))].join('\n'))), []);
});

test('a SCSI host device on a SCSI disk unit', () => {
  const hostdev = [
    "    <hostdev mode='subsystem' type='scsi'>",
    '      <source>',
    "        <adapter name='scsi_host0'/>",
    "        <address bus='0' target='0' unit='0'/>",
    '      </source>',
    `      ${drive(1)}`,
    '    </hostdev>',
  ].join('\n');
  const problems = run(checkAddresses, guest([scsiDisk('sda', drive(1)), hostdev].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-drive-address', severity: 'error', path: '/domain/devices/hostdev[1]/address', line: 15 }]);
});

const tablet = (bus: number, port: string) => `    <input type='tablet' bus='usb'>\n      <address type='usb' bus='${bus}' port='${port}'/>\n    </input>`;

test('two USB devices on one port', () => {
  const problems = run(checkAddresses, guest([tablet(0, '1'), tablet(0, '1')].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-usb-address', severity: 'error', path: '/domain/devices/input[2]/address', line: 9 }]);
  assert.deepEqual(run(checkAddresses, guest([tablet(0, '1'), tablet(0, '2')].join('\n'))), []);
});

test('a USB address on a bus without controller, or on a port the controller lacks', () => {
  const withController = (devices: string) => guest(`    <controller type='usb' index='0' model='piix3-uhci'/>\n${devices}`);
  assert.deepEqual(brief(run(checkAddresses, withController(tablet(1, '1')))), [
    { rule: 'usb-bus-missing', severity: 'error', path: '/domain/devices/input[1]/address/@bus', line: 7 },
  ]);
  // piix3-uhci has two root ports.
  assert.deepEqual(brief(run(checkAddresses, withController(tablet(0, '3')))), [
    { rule: 'usb-port-missing', severity: 'error', path: '/domain/devices/input[1]/address/@port', line: 7 },
  ]);
  // A deeper port needs a hub there.
  assert.deepEqual(brief(run(checkAddresses, withController(tablet(0, '1.2')))), [
    { rule: 'usb-port-missing', severity: 'error', path: '/domain/devices/input[1]/address/@port', line: 7 },
  ]);
  const hub = "    <hub type='usb'>\n      <address type='usb' bus='0' port='1'/>\n    </hub>";
  assert.deepEqual(run(checkAddresses, withController([hub, tablet(0, '1.2'), tablet(0, '2')].join('\n'))), []);
  // Without any USB controller the driver adds controller 0.
  assert.deepEqual(run(checkAddresses, guest(tablet(0, '1'))), []);
});

test('USB addresses when USB is disabled', () => {
  const problems = run(checkAddresses, guest(`    <controller type='usb' model='none'/>\n${tablet(0, '1')}`));
  assert.deepEqual(brief(problems), [{ rule: 'usb-bus-missing', severity: 'error', path: '/domain/devices/input[1]/address/@bus', line: 7 }]);
  assert.match(problems[0].message, /USB is disabled/);
});

const channel = (name: string, controller: number, port: number) =>
  `    <channel type='pty'>\n      <target type='virtio' name='${name}'/>\n      <address type='virtio-serial' controller='${controller}' bus='0' port='${port}'/>\n    </channel>`;

test('two channels on one virtio-serial port', () => {
  const problems = run(checkAddresses, guest([channel('a', 0, 1), channel('b', 0, 1)].join('\n')));
  assert.deepEqual(brief(problems), [{ rule: 'duplicate-virtio-serial-address', severity: 'error', path: '/domain/devices/channel[2]/address', line: 11 }]);
  // Port 0 asks libvirt to choose; controller 1 need not be defined.
  assert.deepEqual(run(checkAddresses, guest([channel('a', 0, 0), channel('b', 0, 0), channel('c', 1, 1)].join('\n'))), []);
});

test('a virtio-serial port beyond the controller ports', () => {
  const xml = guest(`    <controller type='virtio-serial' index='0' ports='4'/>\n${channel('a', 0, 4)}`);
  assert.deepEqual(brief(run(checkAddresses, xml)), [{ rule: 'virtio-serial-port-range', severity: 'error', path: '/domain/devices/channel[1]/address/@port', line: 8 }]);
  assert.deepEqual(run(checkAddresses, xml.replace("port='4'/>\n    </channel>", "port='3'/>\n    </channel>")), []);
});

test('two devices at one CCW device number', () => {
  const ccw = (devno: string) => nic(`<address type='ccw' cssid='0xfe' ssid='0x0' devno='${devno}'/>`);
  assert.deepEqual(brief(run(checkAddresses, guest([ccw('0x0001'), ccw('0x0001')].join('\n')))), [
    { rule: 'duplicate-ccw-address', severity: 'error', path: '/domain/devices/interface[2]/address', line: 11 },
  ]);
  assert.deepEqual(run(checkAddresses, guest([ccw('0x0001'), ccw('0x0002')].join('\n'))), []);
});

test('two smartcards in one CCID slot', () => {
  const card = (slot: number) => `    <smartcard mode='host'>\n      <address type='ccid' controller='0' slot='${slot}'/>\n    </smartcard>`;
  assert.deepEqual(brief(run(checkAddresses, guest([card(0), card(0)].join('\n')))), [
    { rule: 'duplicate-ccid-address', severity: 'error', path: '/domain/devices/smartcard[2]/address', line: 9 },
  ]);
  assert.deepEqual(run(checkAddresses, guest([card(0), card(1)].join('\n'))), []);
});

test('two devices at one spapr-vio register; without reg libvirt picks one', () => {
  const vio = (reg: string) => `    <serial type='pty'>\n      <address type='spapr-vio'${reg}/>\n    </serial>`;
  assert.deepEqual(brief(run(checkAddresses, guest([vio(" reg='0x4000'"), vio(''), vio(" reg='0x4000'")].join('\n')))), [
    { rule: 'duplicate-spapr-vio-address', severity: 'error', path: '/domain/devices/serial[3]/address', line: 12 },
  ]);
  assert.deepEqual(run(checkAddresses, guest([vio(" reg='0x4000'"), vio(''), vio('')].join('\n'))), []);
});

test('two memory modules in one DIMM slot', () => {
  const dimm = (slot: number) =>
    `    <memory model='dimm'>\n      <target>\n        <size unit='KiB'>524288</size>\n      </target>\n      <address type='dimm' slot='${slot}'/>\n    </memory>`;
  assert.deepEqual(brief(run(checkAddresses, guest([dimm(0), dimm(0)].join('\n')))), [
    { rule: 'duplicate-dimm-slot', severity: 'error', path: '/domain/devices/memory[2]/address', line: 15 },
  ]);
});

test('address types a device cannot use', () => {
  const ideDisk = `    <disk type='file' device='disk'>\n      <source file='/a.img'/>\n      <target dev='hda' bus='ide'/>\n      ${pci('0x05')}\n    </disk>`;
  const usbHost = `    <hostdev mode='subsystem' type='usb'>\n      <source>\n        <vendor id='0x1234'/>\n        <product id='0xbeef'/>\n      </source>\n      ${pci('0x06')}\n    </hostdev>`;
  const problems = run(checkAddresses, guest([ideDisk, usbHost, nic("<address type='unassigned'/>")].join('\n')));
  // Devices are visited in libvirt's order of device kinds: disks, ..., interfaces, ..., host devices.
  assert.deepEqual(brief(ofRule(problems, 'address-type')), [
    { rule: 'address-type', severity: 'error', path: '/domain/devices/disk[1]/address/@type', line: 8 },
    { rule: 'address-type', severity: 'error', path: '/domain/devices/interface[1]/address/@type', line: 19 },
    { rule: 'address-type', severity: 'error', path: '/domain/devices/hostdev[1]/address/@type', line: 15 },
  ]);
  assert.match(problems[0].message, /cannot use a 'pci' address; expected 'drive'/);
  const virtioDisk = ideDisk.replace("dev='hda' bus='ide'", "dev='vda' bus='virtio'");
  assert.deepEqual(run(checkAddresses, guest(virtioDisk)), []);
});
