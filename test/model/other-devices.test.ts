/**
 * Display, sound, input and the remaining devices: graphics, video, audio, sound, input, hub,
 * nvram, panic, shmem, memory devices, iommu, watchdog, memballoon, pstore.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDomain, parseDomain, type Devices } from '../../src/index.js';

type Item<K extends keyof Devices> = NonNullable<Devices[K]> extends (infer E)[] ? E : NonNullable<Devices[K]>;

/** A minimal domain around some device XML, formatted the way libvirt indents it. */
function domain(devices: string): string {
  return `<domain type='kvm'>\n  <name>t</name>\n  <devices>\n${devices}  </devices>\n</domain>\n`;
}

function devicesOf(xml: string): Devices {
  const d = parseDomain(xml);
  assert.ok(d.devices);
  return d.devices;
}

test('vnc graphics: typed attributes, listens and audio', () => {
  const xml = domain(
    `    <graphics type='vnc' port='-1' autoport='yes' websocket='5700' listen='0.0.0.0' keymap='en-us' sharePolicy='force-shared' powerControl='no' passwd='secret' passwdValidTo='2010-04-09T15:51:00' connected='keep'>
      <listen type='address' address='0.0.0.0'/>
      <listen type='network' address='192.168.122.1' network='default'/>
      <audio id='2'/>
    </graphics>
`,
  );
  const [g] = devicesOf(xml).graphics!;
  assert.equal(g.type, 'vnc');
  if (g.type !== 'vnc') return;
  assert.equal(g.port, -1);
  assert.equal(g.autoport, true);
  assert.equal(g.websocket, 5700);
  assert.equal(g.listen, '0.0.0.0');
  assert.equal(g.keymap, 'en-us');
  assert.equal(g.sharePolicy, 'force-shared');
  assert.equal(g.powerControl, false);
  assert.equal(g.passwd, 'secret');
  assert.equal(g.passwdValidTo, '2010-04-09T15:51:00');
  assert.equal(g.connected, 'keep');
  assert.deepEqual(g.listens, [
    { type: 'address', address: '0.0.0.0' },
    { type: 'network', address: '192.168.122.1', network: 'default' },
  ]);
  assert.deepEqual(g.audio, { id: 2 });
  assert.equal(formatDomain(parseDomain(xml)), xml);
});

test('spice graphics: channels, compression, clipboard, gl', () => {
  const xml = domain(
    `    <graphics type='spice' port='5903' tlsPort='5904' autoport='no' listen='127.0.0.1' defaultMode='secure'>
      <listen type='address' address='127.0.0.1'/>
      <channel name='main' mode='secure'/>
      <channel name='inputs' mode='insecure'/>
      <image compression='auto_glz'/>
      <jpeg compression='auto'/>
      <zlib compression='never'/>
      <playback compression='on'/>
      <streaming mode='filter'/>
      <mouse mode='client'/>
      <clipboard copypaste='no'/>
      <filetransfer enable='no'/>
      <gl enable='yes' rendernode='/dev/dri/renderD128'/>
    </graphics>
`,
  );
  const d = parseDomain(xml);
  const g = d.devices!.graphics![0];
  assert.equal(g.type, 'spice');
  if (g.type !== 'spice') return;
  assert.equal(g.port, 5903);
  assert.equal(g.tlsPort, 5904);
  assert.equal(g.autoport, false);
  assert.equal(g.defaultMode, 'secure');
  assert.deepEqual(g.channel, [
    { name: 'main', mode: 'secure' },
    { name: 'inputs', mode: 'insecure' },
  ]);
  assert.equal(g.image?.compression, 'auto_glz');
  assert.equal(g.zlib?.compression, 'never');
  assert.equal(g.playback?.compression, true);
  assert.equal(g.streaming?.mode, 'filter');
  assert.equal(g.mouse?.mode, 'client');
  assert.equal(g.clipboard?.copypaste, false);
  assert.equal(g.filetransfer?.enable, false);
  assert.deepEqual(g.gl, { enable: true, rendernode: '/dev/dri/renderD128' });
  assert.equal(formatDomain(d), xml);

  // Change one value: only that spot of the XML changes.
  g.clipboard = { copypaste: true };
  g.tlsPort = 5905;
  assert.equal(
    formatDomain(d),
    xml.replace("<clipboard copypaste='no'/>", "<clipboard copypaste='yes'/>").replace("tlsPort='5904'", "tlsPort='5905'"),
  );
});

test('other graphics types: sdl, rdp, desktop, egl-headless, dbus', () => {
  const xml = domain(
    `    <graphics type='sdl' display=':0.0' xauth='/home/guest/.Xauthority' fullscreen='yes'>
      <gl enable='yes'/>
    </graphics>
    <graphics type='rdp' port='3389' autoport='no' replaceUser='yes' multiUser='no' username='admin' passwd='pw'/>
    <graphics type='desktop' display=':0.1' fullscreen='no'/>
    <graphics type='egl-headless'>
      <gl rendernode='/dev/dri/foo'/>
    </graphics>
    <graphics type='dbus' p2p='yes'>
      <gl enable='no'/>
      <audio id='1'/>
    </graphics>
`,
  );
  const gs = devicesOf(xml).graphics!;
  assert.deepEqual(
    gs.map((g) => g.type),
    ['sdl', 'rdp', 'desktop', 'egl-headless', 'dbus'],
  );
  const [sdl, rdp, desktop, egl, dbus] = gs;
  assert.ok(sdl.type === 'sdl' && sdl.fullscreen === true && sdl.gl?.enable === true && sdl.xauth === '/home/guest/.Xauthority');
  assert.ok(rdp.type === 'rdp' && rdp.replaceUser === true && rdp.multiUser === false && rdp.port === 3389 && rdp.username === 'admin');
  assert.ok(desktop.type === 'desktop' && desktop.display === ':0.1' && desktop.fullscreen === false);
  assert.ok(egl.type === 'egl-headless' && egl.gl?.rendernode === '/dev/dri/foo');
  assert.ok(dbus.type === 'dbus' && dbus.p2p === true && dbus.gl?.enable === false && dbus.audio?.id === 1);
  assert.equal(formatDomain(parseDomain(xml)), xml);
});

test('unknown attributes and elements inside graphics and memory devices survive', () => {
  const xml = domain(
    `    <graphics type='vnc' port='5900' future='1'>
      <listen type='socket' socket='/run/vnc.sock' extra='x'/>
      <newthing a='b'/>
    </graphics>
    <memory model='dimm' newattr='v'>
      <target>
        <size unit='KiB'>524288</size>
        <node>0</node>
        <future/>
      </target>
    </memory>
`,
  );
  const d = parseDomain(xml);
  const g = d.devices!.graphics![0];
  assert.ok(g.type === 'vnc');
  assert.equal(g.port, 5900);
  assert.deepEqual(g.listens?.[0].type, 'socket');
  assert.equal(formatDomain(d), xml);
  // After a change elsewhere the unknown nodes are still written.
  if (g.type === 'vnc') g.port = 5901;
  const out = formatDomain(d);
  assert.equal(out, xml.replace("port='5900'", "port='5901'"));
});

test('video: model, acceleration, resolution, driver, address', () => {
  const xml = domain(
    `    <video>
      <driver iommu='on' ats='on' packed='on' page_per_vq='on' name='vhostuser'/>
      <model type='qxl' ram='65536' vram='32768' vram64='131072' vgamem='8192' heads='1' primary='yes' blob='on'>
        <acceleration accel3d='yes' accel2d='no' rendernode='/dev/dri/renderD128'/>
        <resolution x='1920' y='1080'/>
      </model>
      <alias name='video0'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
    </video>
`,
  );
  const d = parseDomain(xml);
  const v = d.devices!.video![0];
  assert.deepEqual(v.driver, { iommu: true, ats: true, packed: true, page_per_vq: true, name: 'vhostuser' });
  assert.equal(v.model?.type, 'qxl');
  assert.equal(v.model?.ram, 65536);
  assert.equal(v.model?.vram64, 131072);
  assert.equal(v.model?.primary, true);
  assert.equal(v.model?.blob, true);
  assert.deepEqual(v.model?.acceleration, { accel3d: true, accel2d: false, rendernode: '/dev/dri/renderD128' });
  assert.deepEqual(v.model?.resolution, { x: 1920, y: 1080 });
  assert.equal(v.alias?.name, 'video0');
  assert.ok(v.address?.type === 'pci' && v.address.slot === 2);
  assert.equal(formatDomain(d), xml);
  v.model!.heads = 2;
  assert.equal(formatDomain(d), xml.replace("heads='1'", "heads='2'"));
});

test('audio backends: per-type attributes and stream settings', () => {
  const xml = domain(
    `    <audio id='1' type='pulseaudio' timerPeriod='50' serverName='acme.example.org'>
      <input mixingEngine='yes' fixedSettings='yes' voices='1' bufferLength='100' name='fish' streamName='food' latency='100'>
        <settings frequency='44100' channels='2' format='s16'/>
      </input>
      <output mixingEngine='no' name='fish'/>
    </audio>
    <audio id='2' type='oss' tryMMap='yes' exclusive='no' dspPolicy='-1'>
      <input dev='/dev/dsp0' bufferCount='50' tryPoll='yes'/>
    </audio>
    <audio id='3' type='file' path='/tmp/audio.wav'/>
    <audio id='4' type='jack'>
      <output serverName='jack' clientName='vm' connectPorts='system:.*' exactName='yes'/>
    </audio>
    <audio id='5' type='sdl' driver='pulseaudio'>
      <output bufferCount='4'/>
    </audio>
`,
  );
  const d = parseDomain(xml);
  const [pa, oss, file, jack, sdl] = d.devices!.audio!;
  assert.ok(pa.type === 'pulseaudio');
  if (pa.type === 'pulseaudio') {
    assert.equal(pa.id, 1);
    assert.equal(pa.timerPeriod, 50);
    assert.equal(pa.serverName, 'acme.example.org');
    assert.deepEqual(pa.input, {
      mixingEngine: true, fixedSettings: true, voices: 1, bufferLength: 100, name: 'fish', streamName: 'food', latency: 100,
      settings: { frequency: 44100, channels: 2, format: 's16' },
    });
    assert.deepEqual(pa.output, { mixingEngine: false, name: 'fish' });
  }
  assert.ok(oss.type === 'oss' && oss.tryMMap === true && oss.exclusive === false && oss.dspPolicy === -1);
  if (oss.type === 'oss') assert.deepEqual(oss.input, { dev: '/dev/dsp0', bufferCount: 50, tryPoll: true });
  assert.ok(file.type === 'file' && file.path === '/tmp/audio.wav');
  assert.ok(jack.type === 'jack' && jack.output?.exactName === true && jack.output.connectPorts === 'system:.*');
  assert.ok(sdl.type === 'sdl' && sdl.driver === 'pulseaudio' && sdl.output?.bufferCount === 4);
  assert.equal(formatDomain(d), xml);
});

test('sound with codecs, audio reference and virtio driver', () => {
  const xml = domain(
    `    <sound model='ich9'>
      <codec type='micro'/>
      <codec type='duplex'/>
      <audio id='1'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>
    </sound>
    <sound model='usb' multichannel='yes'/>
    <sound model='virtio' streams='2'>
      <driver iommu='on'/>
    </sound>
`,
  );
  const [ich9, usb, virtio] = devicesOf(xml).sound!;
  assert.deepEqual(ich9.codec, [{ type: 'micro' }, { type: 'duplex' }]);
  assert.equal(ich9.audio?.id, 1);
  assert.equal(usb.multichannel, true);
  assert.equal(virtio.streams, 2);
  assert.equal(virtio.driver?.iommu, true);
  assert.equal(formatDomain(parseDomain(xml)), xml);
});

test('input devices: plain, passthrough and evdev sources', () => {
  const xml = domain(
    `    <input type='tablet' bus='usb'>
      <alias name='input0'/>
      <address type='usb' bus='0' port='1'/>
    </input>
    <input type='passthrough' bus='virtio' model='virtio-non-transitional'>
      <driver packed='on'/>
      <source evdev='/dev/input/event1234'/>
    </input>
    <input type='evdev'>
      <source dev='/dev/input/event1' grab='all' grabToggle='alt-alt' repeat='on'/>
    </input>
`,
  );
  const d = parseDomain(xml);
  const [tablet, pass, evdev] = d.devices!.input!;
  assert.equal(tablet.type, 'tablet');
  assert.equal(tablet.bus, 'usb');
  assert.ok(tablet.type === 'tablet' && tablet.address?.type === 'usb' && tablet.address.port === '1');
  assert.ok(pass.type === 'passthrough' && pass.source?.evdev === '/dev/input/event1234');
  assert.equal(pass.model, 'virtio-non-transitional');
  assert.equal(pass.driver?.packed, true);
  assert.ok(evdev.type === 'evdev');
  if (evdev.type === 'evdev') {
    assert.deepEqual(evdev.source, { dev: '/dev/input/event1', grab: 'all', grabToggle: 'alt-alt', repeat: true });
    evdev.source!.repeat = false;
  }
  assert.equal(formatDomain(d), xml.replace("repeat='on'", "repeat='off'"));
});

test('memory devices: dimm, nvdimm and virtio-mem', () => {
  const xml = domain(
    `    <memory model='nvdimm' access='shared' discard='yes'>
      <uuid>9066901e-c90a-46ad-8b55-c18868cf92ae</uuid>
      <source>
        <path>/dev/dax0.0</path>
        <alignsize unit='KiB'>2048</alignsize>
        <pmem/>
      </source>
      <target>
        <size unit='KiB'>524288</size>
        <node>1</node>
        <label>
          <size unit='KiB'>128</size>
        </label>
        <readonly/>
      </target>
      <address type='dimm' slot='0'/>
    </memory>
    <memory model='virtio-mem'>
      <source>
        <nodemask>1-3</nodemask>
        <pagesize unit='KiB'>2048</pagesize>
      </source>
      <target dynamicMemslots='yes'>
        <size unit='KiB'>2097152</size>
        <node>0</node>
        <block unit='KiB'>2048</block>
        <requested unit='KiB'>1048576</requested>
        <current unit='KiB'>524288</current>
        <address base='0x150000000'/>
      </target>
      <alias name='virtiomem0'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
    </memory>
`,
  );
  const d = parseDomain(xml);
  const [nv, vm] = d.devices!.memory!;
  assert.equal(nv.model, 'nvdimm');
  assert.equal(nv.access, 'shared');
  assert.equal(nv.discard, true);
  assert.equal(nv.uuid, '9066901e-c90a-46ad-8b55-c18868cf92ae');
  assert.deepEqual(nv.source, { path: '/dev/dax0.0', alignsize: { unit: 'KiB', value: 2048 }, pmem: true });
  assert.deepEqual(nv.target, {
    size: { unit: 'KiB', value: 524288 },
    node: 1,
    label: { size: { unit: 'KiB', value: 128 } },
    readonly: true,
  });
  assert.ok(nv.address?.type === 'dimm' && nv.address.slot === 0);
  assert.equal(vm.source?.nodemask, '1-3');
  assert.equal(vm.target?.dynamicMemslots, true);
  assert.deepEqual(vm.target?.requested, { unit: 'KiB', value: 1048576 });
  assert.deepEqual(vm.target?.current, { unit: 'KiB', value: 524288 });
  assert.equal(vm.target?.address?.base, 0x150000000);
  assert.equal(formatDomain(d), xml);
  vm.target!.requested = { unit: 'KiB', value: 2097152 };
  vm.target!.address = { base: 0x200000000 };
  assert.equal(
    formatDomain(d),
    xml
      .replace("<requested unit='KiB'>1048576</requested>", "<requested unit='KiB'>2097152</requested>")
      .replace("base='0x150000000'", "base='0x200000000'"),
  );
});

test('shmem, memballoon, iommu, watchdog, panic, hub, nvram, pstore parse to typed values', () => {
  const xml = domain(
    `    <hub type='usb'>
      <address type='usb' bus='0' port='1'/>
    </hub>
    <watchdog model='i6300esb' action='inject-nmi'>
      <alias name='watchdog0'/>
    </watchdog>
    <memballoon model='virtio' autodeflate='on' freePageReporting='off'>
      <stats period='10'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x12' function='0x0'/>
      <driver iommu='on' ats='off'/>
    </memballoon>
    <nvram>
      <address type='spapr-vio' reg='0x3000'/>
    </nvram>
    <panic model='isa'>
      <address type='isa' iobase='0x505'/>
    </panic>
    <shmem name='shmem_server' role='master'>
      <model type='ivshmem-doorbell'/>
      <size unit='M'>2</size>
      <server path='/tmp/socket-shmem'/>
      <msi vectors='32' ioeventfd='on'/>
    </shmem>
    <iommu model='intel'>
      <driver intremap='on' caching_mode='on' eim='on' iotlb='on' aw_bits='48' dma_translation='off'/>
    </iommu>
    <pstore backend='acpi-erst'>
      <path>/tmp/guest_acpi_esrt</path>
      <size unit='KiB'>8</size>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
    </pstore>
`,
  );
  const d = parseDomain(xml);
  const dev = d.devices!;
  assert.equal(dev.hub![0].type, 'usb');
  assert.deepEqual(dev.watchdog, [{ model: 'i6300esb', action: 'inject-nmi', alias: { name: 'watchdog0' } }]);
  assert.equal(dev.memballoon?.autodeflate, true);
  assert.equal(dev.memballoon?.freePageReporting, false);
  assert.equal(dev.memballoon?.stats?.period, 10);
  assert.deepEqual(dev.memballoon?.driver, { iommu: true, ats: false });
  assert.ok(dev.nvram?.address?.type === 'spapr-vio' && dev.nvram.address.reg === 0x3000);
  assert.equal(dev.panic![0].model, 'isa');
  assert.ok(dev.panic![0].address?.type === 'isa' && dev.panic![0].address.iobase === 0x505);
  const shmem = dev.shmem![0];
  assert.equal(shmem.name, 'shmem_server');
  assert.equal(shmem.role, 'master');
  assert.equal(shmem.model?.type, 'ivshmem-doorbell');
  assert.deepEqual(shmem.size, { unit: 'M', value: 2 });
  assert.equal(shmem.server?.path, '/tmp/socket-shmem');
  assert.deepEqual(shmem.msi, { vectors: 32, ioeventfd: true });
  assert.deepEqual(dev.iommu?.driver, {
    intremap: true, caching_mode: true, eim: true, iotlb: true, aw_bits: 48, dma_translation: false,
  });
  assert.equal(dev.pstore?.path, '/tmp/guest_acpi_esrt');
  assert.deepEqual(dev.pstore?.size, { unit: 'KiB', value: 8 });
  assert.equal(formatDomain(d), xml);
});

test('devices built from scratch in code format as libvirt writes them', () => {
  const graphics: Item<'graphics'>[] = [
    { type: 'vnc', port: -1, autoport: true, listens: [{ type: 'address', address: '127.0.0.1' }], audio: { id: 1 } },
    { type: 'spice', autoport: true, listens: [{ type: 'none' }], image: { compression: 'off' }, gl: { enable: true, rendernode: '/dev/dri/renderD128' } },
  ];
  const audio: Item<'audio'>[] = [
    { id: 1, type: 'pipewire', runtimeDir: '/run/user/1000', output: { latency: 20000, settings: { channels: 2 } } },
  ];
  const video: Item<'video'> = { model: { type: 'virtio', heads: 1, primary: true, acceleration: { accel3d: true } } };
  const input: Item<'input'>[] = [
    { type: 'keyboard', bus: 'virtio' },
    { type: 'evdev', source: { dev: '/dev/input/event2', grabToggle: 'ctrl-scrolllock' } },
  ];
  const memory: Item<'memory'> = {
    model: 'dimm',
    source: { pagesize: { unit: 'KiB', value: 2048 } },
    target: { size: { unit: 'GiB', value: 1 }, node: 0 },
  };
  const memballoon: Item<'memballoon'> = { model: 'virtio', stats: { period: 5 }, address: { type: 'pci', domain: 0, bus: 0, slot: 5, function: 0 } };
  const out = formatDomain({
    type: 'kvm',
    name: 't',
    devices: {
      input, graphics, sound: [{ model: 'ich9', audio: { id: 1 } }], audio, video: [video],
      watchdog: [{ model: 'itco', action: 'reset' }], memballoon, panic: [{ model: 'pvpanic' }],
      shmem: [{ name: 'm', model: { type: 'ivshmem-plain' }, size: { unit: 'M', value: 4 } }],
      memory: [memory], iommu: { model: 'virtio' }, pstore: { backend: 'acpi-erst', size: { unit: 'KiB', value: 8 } },
    },
  });
  assert.equal(
    out,
    domain(
      `    <input type='keyboard' bus='virtio'/>
    <input type='evdev'>
      <source dev='/dev/input/event2' grabToggle='ctrl-scrolllock'/>
    </input>
    <graphics type='vnc' port='-1' autoport='yes'>
      <listen type='address' address='127.0.0.1'/>
      <audio id='1'/>
    </graphics>
    <graphics type='spice' autoport='yes'>
      <listen type='none'/>
      <image compression='off'/>
      <gl enable='yes' rendernode='/dev/dri/renderD128'/>
    </graphics>
    <sound model='ich9'>
      <audio id='1'/>
    </sound>
    <audio id='1' type='pipewire' runtimeDir='/run/user/1000'>
      <output latency='20000'>
        <settings channels='2'/>
      </output>
    </audio>
    <video>
      <model type='virtio' heads='1' primary='yes'>
        <acceleration accel3d='yes'/>
      </model>
    </video>
    <watchdog model='itco' action='reset'/>
    <memballoon model='virtio'>
      <stats period='5'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
    </memballoon>
    <panic model='pvpanic'/>
    <shmem name='m'>
      <model type='ivshmem-plain'/>
      <size unit='M'>4</size>
    </shmem>
    <memory model='dimm'>
      <source>
        <pagesize unit='KiB'>2048</pagesize>
      </source>
      <target>
        <size unit='GiB'>1</size>
        <node>0</node>
      </target>
    </memory>
    <iommu model='virtio'/>
    <pstore backend='acpi-erst'>
      <size unit='KiB'>8</size>
    </pstore>
`,
    ),
  );
});
