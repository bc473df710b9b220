import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDomain, formatDomain, type Domain } from '../../src/index.js';
import type { Channel, Serial } from '../../src/model/domain/chardev.js';
import type { Smartcard } from '../../src/model/domain/smartcard.js';
import type { Rng } from '../../src/model/domain/rng.js';
import type { Tpm, TpmActivePcrBanks } from '../../src/model/domain/tpm.js';
import { domWithDevices as dom } from '../support/domain.js';

test('serial pty: typed source, target, model, alias and address', () => {
  const xml = dom(`
<serial type='pty'>
  <source path='/dev/pts/3'/>
  <target type='isa-serial' port='0'>
    <model name='isa-serial'/>
  </target>
  <alias name='serial0'/>
  <address type='isa' iobase='0x3f8' irq='0x4'/>
</serial>`);
  const d = parseDomain(xml);
  const s = d.devices!.serial![0];
  assert.equal(s.type, 'pty');
  assert.ok(s.type === 'pty');
  assert.deepEqual(s.source, { path: '/dev/pts/3' });
  assert.deepEqual(s.target, { type: 'isa-serial', port: 0, model: { name: 'isa-serial' } });
  assert.deepEqual(s.alias, { name: 'serial0' });
  assert.equal(formatDomain(d), xml);
});

test('console with only tty is a pty console', () => {
  const xml = dom(`<console tty='/dev/pts/3'/>`);
  const d = parseDomain(xml);
  assert.deepEqual(d.devices!.console, [{ tty: '/dev/pts/3' }]);
  assert.equal(formatDomain(d), xml);
});

test('console target type and port', () => {
  const xml = dom(`
<console type='pty' tty='/dev/pts/5'>
  <source path='/dev/pts/5'/>
  <target type='serial' port='0'/>
</console>`);
  const d = parseDomain(xml);
  const c = d.devices!.console![0];
  assert.equal(c.tty, '/dev/pts/5');
  assert.deepEqual(c.target, { type: 'serial', port: 0 });
  assert.equal(formatDomain(d), xml);
});

test('tcp serial: tls boolean, reconnect, protocol; editing changes exactly that value', () => {
  const xml = dom(`
<serial type='tcp'>
  <source mode='connect' host='127.0.0.1' service='5555' tls='yes'>
    <reconnect enabled='yes' timeout='10'/>
  </source>
  <protocol type='telnet'/>
  <target port='0'/>
</serial>`);
  const d = parseDomain(xml);
  const s = d.devices!.serial![0];
  assert.ok(s.type === 'tcp');
  assert.deepEqual(s.source, { mode: 'connect', host: '127.0.0.1', service: '5555', tls: true, reconnect: { enabled: true, timeout: 10 } });
  assert.deepEqual(s.protocol, { type: 'telnet' });
  s.source!.service = '6000';
  s.source!.tls = false;
  s.protocol!.type = 'raw';
  assert.equal(
    formatDomain(d),
    xml
      .replace("service='5555' tls='yes'", "service='6000' tls='no'")
      .replace("<protocol type='telnet'/>", "<protocol type='raw'/>"),
  );
});

test('udp serial has a bind and a connect source', () => {
  const xml = dom(`
<serial type='udp'>
  <source mode='bind' host='0.0.0.0' service='2445'/>
  <source mode='connect' host='0.0.0.0' service='2446'/>
  <target port='1'/>
</serial>`);
  const d = parseDomain(xml);
  const s = d.devices!.serial![0];
  assert.ok(s.type === 'udp');
  assert.deepEqual(s.source, [
    { mode: 'bind', host: '0.0.0.0', service: '2445' },
    { mode: 'connect', host: '0.0.0.0', service: '2446' },
  ]);
  assert.deepEqual(s.target, { port: 1 });
  assert.equal(formatDomain(d), xml);
});

test('file serial: append on/off, seclabel and log', () => {
  const xml = dom(`
<serial type='file'>
  <source path='/tmp/file' append='on'>
    <seclabel model='dac' relabel='no'/>
  </source>
  <log file='/var/log/serial.log' append='off'/>
  <target port='0'/>
</serial>`);
  const d = parseDomain(xml);
  const s = d.devices!.serial![0];
  assert.ok(s.type === 'file');
  assert.equal(s.source!.append, true);
  assert.deepEqual(s.source!.seclabel, [{ model: 'dac', relabel: false }]);
  assert.deepEqual(s.log, { file: '/var/log/serial.log', append: false });
  assert.equal(formatDomain(d), xml);
});

test('parallel, nmdm and spiceport sources', () => {
  const xml = dom(`
<parallel type='pty'>
  <target port='0'/>
</parallel>
<serial type='nmdm'>
  <source master='/dev/nmdm0A' slave='/dev/nmdm0B'/>
</serial>
<serial type='spiceport'>
  <source channel='org.qemu.console.serial.0'/>
  <target port='1'/>
</serial>`);
  const d = parseDomain(xml);
  assert.deepEqual(d.devices!.parallel, [{ type: 'pty', target: { port: 0 } }]);
  assert.deepEqual(d.devices!.serial![0], { type: 'nmdm', source: { master: '/dev/nmdm0A', slave: '/dev/nmdm0B' } });
  assert.deepEqual(d.devices!.serial![1], { type: 'spiceport', source: { channel: 'org.qemu.console.serial.0' }, target: { port: 1 } });
  assert.equal(formatDomain(d), xml);
});

test('channel targets: guestfwd, virtio with state, xen; qemu-vdagent source', () => {
  const xml = dom(`
<channel type='unix'>
  <source mode='bind' path='/tmp/guestfwd'/>
  <target type='guestfwd' address='10.0.2.1' port='4600'/>
</channel>
<channel type='unix'>
  <source mode='bind' path='/var/lib/libvirt/qemu/f16x86_64.agent'/>
  <target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>
  <address type='virtio-serial' controller='0' bus='0' port='1'/>
</channel>
<channel type='pty'>
  <target type='xen' name='org.example.xen'/>
</channel>
<channel type='qemu-vdagent'>
  <source>
    <clipboard copypaste='yes'/>
    <mouse mode='client'/>
  </source>
  <target type='virtio' name='com.redhat.spice.0'/>
</channel>`);
  const d = parseDomain(xml);
  const [fwd, agent, xen, vdagent] = d.devices!.channel!;
  assert.deepEqual(fwd.target, { type: 'guestfwd', address: '10.0.2.1', port: 4600 });
  assert.deepEqual(agent.target, { type: 'virtio', name: 'org.qemu.guest_agent.0', state: 'connected' });
  assert.deepEqual(agent.address, { type: 'virtio-serial', controller: 0, bus: 0, port: 1 });
  assert.deepEqual(xen.target, { type: 'xen', name: 'org.example.xen' });
  assert.ok(vdagent.type === 'qemu-vdagent');
  assert.deepEqual(vdagent.source, { clipboard: { copypaste: true }, mouse: { mode: 'client' } });
  assert.equal(formatDomain(d), xml);
});

test('building character devices from scratch', () => {
  const serial: Serial = {
    type: 'unix',
    source: { mode: 'bind', path: '/tmp/serial.sock', reconnect: { enabled: false } },
    target: { type: 'pci-serial', port: 0, model: { name: 'pci-serial' } },
  };
  const channel: Channel = {
    type: 'spicevmc',
    target: { type: 'virtio', name: 'com.redhat.spice.0' },
  };
  const domain: Domain = { type: 'kvm', name: 't', devices: { serial: [serial], console: [{ tty: '/dev/pts/1' }], channel: [channel] } };
  assert.equal(
    formatDomain(domain),
    dom(`
<serial type='unix'>
  <source mode='bind' path='/tmp/serial.sock'>
    <reconnect enabled='no'/>
  </source>
  <target type='pci-serial' port='0'>
    <model name='pci-serial'/>
  </target>
</serial>
<console tty='/dev/pts/1'/>
<channel type='spicevmc'>
  <target type='virtio' name='com.redhat.spice.0'/>
</channel>`),
  );
});

test('unknown attributes and elements inside character devices survive', () => {
  const xml = dom(`
<serial type='pty' future='1'>
  <source path='/dev/pts/3' extra='x'>
    <newthing a='b'/>
  </source>
  <target port='0' newattr='y'/>
  <gadget/>
</serial>`);
  const d = parseDomain(xml);
  const s = d.devices!.serial![0];
  assert.ok(s.type === 'pty');
  assert.equal(s.source!.path, '/dev/pts/3');
  assert.equal(formatDomain(d), xml);
});

test('smartcard modes', () => {
  const xml = dom(`
<smartcard mode='host'/>
<smartcard mode='host-certificates'>
  <certificate>cert1</certificate>
  <certificate>cert2</certificate>
  <certificate>cert3</certificate>
  <database>/etc/pki/nssdb</database>
  <address type='ccid' controller='0' slot='0'/>
</smartcard>
<smartcard mode='passthrough' type='tcp'>
  <source mode='connect' host='127.0.0.1' service='2001'/>
  <protocol type='raw'/>
  <address type='ccid' controller='0' slot='1'/>
</smartcard>`);
  const d = parseDomain(xml);
  const [host, certs, pass] = d.devices!.smartcard!;
  assert.deepEqual(host, { mode: 'host' });
  assert.ok(certs.mode === 'host-certificates');
  assert.deepEqual(certs.certificate, ['cert1', 'cert2', 'cert3']);
  assert.equal(certs.database, '/etc/pki/nssdb');
  assert.ok(pass.mode === 'passthrough');
  assert.equal(pass.type, 'tcp');
  assert.deepEqual(pass.source, [{ mode: 'connect', host: '127.0.0.1', service: '2001' }]);
  assert.deepEqual(pass.address, { type: 'ccid', controller: 0, slot: 1 });
  assert.equal(formatDomain(d), xml);

  const built: Smartcard = { mode: 'passthrough', type: 'spicevmc' };
  assert.equal(formatDomain({ type: 'kvm', name: 't', devices: { smartcard: [built] } }), dom(`<smartcard mode='passthrough' type='spicevmc'/>`));
});

test('redirdev with boot order, and redirfilter rules', () => {
  const xml = dom(`
<redirdev bus='usb' type='tcp'>
  <source mode='connect' host='localhost' service='4000'/>
  <protocol type='raw'/>
  <boot order='1'/>
</redirdev>
<redirdev bus='usb' type='spicevmc'>
  <address type='usb' bus='0' port='4'/>
</redirdev>
<redirfilter>
  <usbdev class='0x08' vendor='0x15E1' product='0x2007' version='1.10' allow='yes'/>
  <usbdev allow='no'/>
</redirfilter>`);
  const d = parseDomain(xml);
  const [tcp, spice] = d.devices!.redirdev!;
  assert.ok(tcp.type === 'tcp');
  assert.equal(tcp.bus, 'usb');
  assert.deepEqual(tcp.source, { mode: 'connect', host: 'localhost', service: '4000' });
  assert.deepEqual(tcp.boot, { order: 1 });
  assert.deepEqual(spice.address, { type: 'usb', bus: 0, port: '4' });
  assert.deepEqual(d.devices!.redirfilter![0].usbdev, [
    { class: '0x08', vendor: '0x15E1', product: '0x2007', version: '1.10', allow: true },
    { allow: false },
  ]);
  d.devices!.redirfilter![0].usbdev![1].allow = true;
  assert.equal(formatDomain(d), xml.replace("<usbdev allow='no'/>", "<usbdev allow='yes'/>"));
});

test('rng backends, rate and virtio driver', () => {
  const xml = dom(`
<rng model='virtio'>
  <rate bytes='123' period='1234'/>
  <backend model='random'>/dev/urandom</backend>
  <driver iommu='on' packed='off'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>
</rng>
<rng model='virtio-transitional'>
  <backend model='egd' type='udp'>
    <source mode='bind' service='1234'/>
    <source mode='connect' host='1.2.3.4' service='1234'/>
  </backend>
</rng>
<rng model='virtio'>
  <backend model='builtin'/>
</rng>`);
  const d = parseDomain(xml);
  const [random, egd, builtin] = d.devices!.rng!;
  assert.deepEqual(random.rate, { bytes: 123, period: 1234 });
  assert.deepEqual(random.backend, { model: 'random', value: '/dev/urandom' });
  assert.deepEqual(random.driver, { iommu: true, packed: false });
  assert.ok(egd.backend!.model === 'egd');
  assert.equal(egd.backend!.type, 'udp');
  assert.deepEqual(egd.backend!.source, [
    { mode: 'bind', service: '1234' },
    { mode: 'connect', host: '1.2.3.4', service: '1234' },
  ]);
  assert.deepEqual(builtin.backend, { model: 'builtin' });
  random.rate!.bytes = 2048;
  assert.equal(formatDomain(d), xml.replace("bytes='123'", "bytes='2048'"));

  const built: Rng = { model: 'virtio', backend: { model: 'random', value: '/dev/hwrng' } };
  assert.equal(
    formatDomain({ type: 'kvm', name: 't', devices: { rng: [built] } }),
    dom(`
<rng model='virtio'>
  <backend model='random'>/dev/hwrng</backend>
</rng>`),
  );
});

test('tpm backends: passthrough, emulator with everything, external', () => {
  const xml = dom(`
<tpm model='spapr-tpm-proxy'>
  <backend type='passthrough'>
    <device path='/dev/tpmrm0'/>
  </backend>
</tpm>
<tpm model='tpm-tis'>
  <backend type='emulator' version='2.0' persistent_state='yes' debug='3'>
    <encryption secret='b4a117f1-8af2-44a4-91b8-7f0d2d4d68a3'/>
    <active_pcr_banks>
      <sha256/>
      <sha512/>
    </active_pcr_banks>
    <source type='file' path='/path/to/state'/>
    <profile source='local:restricted' removeDisabled='check' name='custom:restricted'/>
  </backend>
  <alias name='tpm0'/>
</tpm>
<tpm model='tpm-crb'>
  <backend type='external'>
    <source type='unix' mode='connect' path='/tmp/path.sock'/>
  </backend>
</tpm>`);
  const d = parseDomain(xml);
  const [pass, emu, ext] = d.devices!.tpm!;
  assert.deepEqual(pass.backend, { type: 'passthrough', device: { path: '/dev/tpmrm0' } });
  const b = emu.backend!;
  assert.ok(b.type === 'emulator');
  assert.equal(b.version, '2.0');
  assert.equal(b.persistent_state, true);
  assert.equal(b.debug, 3);
  assert.deepEqual(b.encryption, { secret: 'b4a117f1-8af2-44a4-91b8-7f0d2d4d68a3' });
  assert.deepEqual(b.active_pcr_banks, { sha256: true, sha512: true });
  assert.deepEqual(b.source, { type: 'file', path: '/path/to/state' });
  assert.deepEqual(b.profile, { source: 'local:restricted', removeDisabled: 'check', name: 'custom:restricted' });
  assert.deepEqual(ext.backend, { type: 'external', source: { type: 'unix', mode: 'connect', path: '/tmp/path.sock' } });
  assert.equal(formatDomain(d), xml);

  const banks: TpmActivePcrBanks = b.active_pcr_banks!;
  banks.sha1 = true;
  b.persistent_state = false;
  assert.equal(
    formatDomain(d),
    xml.replace("persistent_state='yes'", "persistent_state='no'").replace('<active_pcr_banks>\n', '<active_pcr_banks>\n          <sha1/>\n'),
  );

  const built: Tpm = { model: 'tpm-crb', backend: { type: 'emulator', version: '2.0' } };
  assert.equal(
    formatDomain({ type: 'kvm', name: 't', devices: { tpm: [built] } }),
    dom(`
<tpm model='tpm-crb'>
  <backend type='emulator' version='2.0'/>
</tpm>`),
  );
});

test('vsock and crypto', () => {
  const xml = dom(`
<vsock model='virtio'>
  <cid auto='no' address='4'/>
  <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0002'/>
  <driver iommu='on'/>
</vsock>
<crypto model='virtio' type='qemu'>
  <backend model='builtin' queues='2'/>
  <alias name='crypto0'/>
</crypto>`);
  const d = parseDomain(xml);
  const v = d.devices!.vsock!;
  assert.deepEqual(v.cid, { auto: false, address: 4 });
  assert.deepEqual(v.driver, { iommu: true });
  assert.deepEqual(d.devices!.crypto, [{ model: 'virtio', type: 'qemu', backend: { model: 'builtin', queues: 2 }, alias: { name: 'crypto0' } }]);
  v.cid!.address = 5;
  assert.equal(formatDomain(d), xml.replace("address='4'", "address='5'"));

  assert.equal(
    formatDomain({ type: 'kvm', name: 't', devices: { vsock: { model: 'virtio', cid: { auto: true } }, crypto: [{ model: 'virtio', type: 'qemu', backend: { model: 'lkcf', queues: 1 } }] } }),
    dom(`
<vsock model='virtio'>
  <cid auto='yes'/>
</vsock>
<crypto model='virtio' type='qemu'>
  <backend model='lkcf' queues='1'/>
</crypto>`),
  );
});
