import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDomain, formatDomain, type Domain } from '../../src/index.js';
import type { Os, OsNvram } from '../../src/model/domain/os.js';
import type { Features } from '../../src/model/domain/features.js';
import type { Clock, Timer } from '../../src/model/domain/clock.js';
import type { Sysinfo } from '../../src/model/domain/sysinfo.js';
import type { LaunchSecurity, Seclabel } from '../../src/model/domain/security.js';
import { domWithSections as dom } from '../support/domain.js';

// ---------------------------------------------------------------------------
// <os>

test('os: UEFI firmware with typed loader, nvram, boot order, bootmenu, bios and smbios', () => {
  const xml = dom(`
<os firmware='efi'>
  <type arch='x86_64' machine='pc-q35-9.0'>hvm</type>
  <firmware>
    <feature enabled='no' name='enrolled-keys'/>
    <feature enabled='yes' name='secure-boot'/>
  </firmware>
  <loader readonly='yes' secure='yes' type='pflash' format='raw'>/usr/share/OVMF/OVMF_CODE.fd</loader>
  <nvram template='/usr/share/OVMF/OVMF_VARS.fd' templateFormat='raw' format='raw'>/var/lib/libvirt/nvram/t_VARS.fd</nvram>
  <boot dev='cdrom'/>
  <boot dev='hd'/>
  <bootmenu enable='yes' timeout='3000'/>
  <bios useserial='yes' rebootTimeout='-1'/>
  <smbios mode='sysinfo'/>
</os>`);
  const d = parseDomain(xml);
  const os = d.os!;
  assert.equal(os.firmware, 'efi');
  assert.deepEqual(os.type, { arch: 'x86_64', machine: 'pc-q35-9.0', value: 'hvm' });
  assert.deepEqual(os.firmwareFeatures, {
    feature: [
      { enabled: false, name: 'enrolled-keys' },
      { enabled: true, name: 'secure-boot' },
    ],
  });
  assert.deepEqual(os.loader, { readonly: true, secure: true, type: 'pflash', format: 'raw', path: '/usr/share/OVMF/OVMF_CODE.fd' });
  assert.deepEqual(os.nvram, {
    template: '/usr/share/OVMF/OVMF_VARS.fd',
    templateFormat: 'raw',
    format: 'raw',
    path: '/var/lib/libvirt/nvram/t_VARS.fd',
  });
  assert.deepEqual(os.boot, [{ dev: 'cdrom' }, { dev: 'hd' }]);
  assert.deepEqual(os.bootmenu, { enable: true, timeout: 3000 });
  assert.deepEqual(os.bios, { useserial: true, rebootTimeout: -1 });
  assert.deepEqual(os.smbios, { mode: 'sysinfo' });
  assert.equal(formatDomain(d), xml);

  // Editing one value changes exactly that spot.
  os.bootmenu!.timeout = 500;
  os.boot!.reverse();
  assert.equal(
    formatDomain(d),
    xml
      .replace("timeout='3000'", "timeout='500'")
      .replace("<boot dev='cdrom'/>\n    <boot dev='hd'/>", "<boot dev='hd'/>\n    <boot dev='cdrom'/>"),
  );
});

test('os: typed nvram with a network source', () => {
  const xml = dom(`
<os>
  <type arch='x86_64' machine='q35'>hvm</type>
  <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>
  <nvram type='network' format='raw'>
    <source protocol='nbd' name='bar'>
      <host name='example.org' port='6000'/>
    </source>
  </nvram>
</os>`);
  const d = parseDomain(xml);
  const nv = d.os!.nvram!;
  assert.equal(nv.type, 'network');
  assert.ok(nv.type === 'network');
  assert.equal(nv.source!.protocol, 'nbd');
  assert.equal(nv.source!.name, 'bar');
  assert.ok(nv.source!.protocol === 'nbd');
  assert.deepEqual(nv.source!.host, [{ name: 'example.org', port: 6000 }]);
  assert.equal(formatDomain(d), xml);
});

test('os: direct kernel boot, ACPI tables', () => {
  const xml = dom(`
<os>
  <type arch='aarch64' machine='virt'>hvm</type>
  <kernel>/boot/vmlinuz</kernel>
  <initrd>/boot/initrd</initrd>
  <cmdline>console=ttyAMA0 root=/dev/vda</cmdline>
  <dtb>/boot/virt.dtb</dtb>
  <acpi>
    <table type='slic'>/var/lib/libvirt/acpi/slic.dat</table>
  </acpi>
  <boot dev='hd'/>
</os>`);
  const d = parseDomain(xml);
  const os = d.os!;
  assert.equal(os.kernel, '/boot/vmlinuz');
  assert.equal(os.initrd, '/boot/initrd');
  assert.equal(os.cmdline, 'console=ttyAMA0 root=/dev/vda');
  assert.equal(os.dtb, '/boot/virt.dtb');
  assert.deepEqual(os.acpi, { table: [{ type: 'slic', path: '/var/lib/libvirt/acpi/slic.dat' }] });
  assert.equal(formatDomain(d), xml);
});

test('os: container init with arguments, environment, user and group', () => {
  const xml = `<domain type='lxc'>
  <name>c</name>
  <os>
    <type arch='x86_64'>exe</type>
    <init>/bin/systemd</init>
    <initarg>--unit</initarg>
    <initarg>emergency.service</initarg>
    <initenv name='MYENV'>some value</initenv>
    <initdir>/root</initdir>
    <inituser>tester</inituser>
    <initgroup>1000</initgroup>
  </os>
  <idmap>
    <uid start='0' target='1000' count='10'/>
    <gid start='0' target='1000' count='10'/>
  </idmap>
</domain>
`;
  const d = parseDomain(xml);
  const os = d.os!;
  assert.deepEqual(os.type, { arch: 'x86_64', value: 'exe' });
  assert.equal(os.init, '/bin/systemd');
  assert.deepEqual(os.initarg, ['--unit', 'emergency.service']);
  assert.deepEqual(os.initenv, [{ name: 'MYENV', value: 'some value' }]);
  assert.equal(os.initdir, '/root');
  assert.equal(os.inituser, 'tester');
  assert.equal(os.initgroup, '1000');
  assert.deepEqual(d.idmap, {
    uid: [{ start: 0, target: 1000, count: 10 }],
    gid: [{ start: 0, target: 1000, count: 10 }],
  });
  assert.equal(formatDomain(d), xml);
});

test('os: built in code, written in libvirt order', () => {
  const os: Os = {
    smbios: { mode: 'host' },
    boot: [{ dev: 'network' }],
    loader: { type: 'rom', path: '/usr/share/seabios/bios.bin' },
    type: { value: 'hvm', arch: 'i686' },
  };
  const nvram: OsNvram = { type: 'file', source: { file: '/var/lib/libvirt/nvram/x.fd' } };
  const d: Domain = { type: 'kvm', name: 't', os: { ...os, nvram } };
  assert.equal(
    formatDomain(d),
    dom(`
<os>
  <type arch='i686'>hvm</type>
  <loader type='rom'>/usr/share/seabios/bios.bin</loader>
  <nvram type='file'>
    <source file='/var/lib/libvirt/nvram/x.fd'/>
  </nvram>
  <boot dev='network'/>
  <smbios mode='host'/>
</os>`),
  );
  // @ts-expect-error: the form without `type` has no `type` value to write
  const bad: OsNvram = { type: 'path', path: '/x' };
  void bad;
});

// ---------------------------------------------------------------------------
// <features>

test('features: flags, states, hyperv, kvm, smm with tseg, gic, and typed values', () => {
  const xml = dom(`
<features>
  <acpi/>
  <apic eoi='on'/>
  <pae/>
  <hyperv mode='custom'>
    <relaxed state='on'/>
    <vapic state='on'/>
    <spinlocks state='on' retries='4096'/>
    <stimer state='on'>
      <direct state='on'/>
    </stimer>
    <vendor_id state='on' value='KVM Hv'/>
    <tlbflush state='on'>
      <direct state='on'/>
      <extended state='off'/>
    </tlbflush>
  </hyperv>
  <kvm>
    <hidden state='on'/>
    <hint-dedicated state='on'/>
    <dirty-ring state='on' size='4096'/>
  </kvm>
  <pvspinlock state='off'/>
  <pmu state='off'/>
  <vmport state='off'/>
  <smm state='on'>
    <tseg unit='MiB'>48</tseg>
  </smm>
  <ioapic driver='kvm'/>
  <msrs unknown='ignore'/>
  <async-teardown enabled='yes'/>
  <ps2 state='off'/>
</features>`);
  const d = parseDomain(xml);
  const f = d.features!;
  assert.equal(f.acpi, true);
  assert.equal(f.pae, true);
  assert.equal(f.viridian, undefined);
  assert.deepEqual(f.apic, { eoi: true });
  assert.equal(f.hyperv!.mode, 'custom');
  assert.deepEqual(f.hyperv!.spinlocks, { state: true, retries: 4096 });
  assert.deepEqual(f.hyperv!.stimer, { state: true, direct: { state: true } });
  assert.deepEqual(f.hyperv!.vendor_id, { state: true, value: 'KVM Hv' });
  assert.deepEqual(f.hyperv!.tlbflush, { state: true, direct: { state: true }, extended: { state: false } });
  assert.deepEqual(f.kvm, { hidden: { state: true }, hintDedicated: { state: true }, dirtyRing: { state: true, size: 4096 } });
  assert.deepEqual(f.pvspinlock, { state: false });
  assert.deepEqual(f.smm, { state: true, tseg: { unit: 'MiB', value: 48 } });
  assert.deepEqual(f.ioapic, { driver: 'kvm' });
  assert.deepEqual(f.msrs, { unknown: 'ignore' });
  assert.deepEqual(f.asyncTeardown, { enabled: true });
  assert.deepEqual(f.ps2, { state: false });
  assert.equal(formatDomain(d), xml);

  f.smm!.tseg!.value = 64;
  f.kvm!.hidden!.state = false;
  assert.equal(
    formatDomain(d),
    xml.replace("<tseg unit='MiB'>48</tseg>", "<tseg unit='MiB'>64</tseg>").replace("<hidden state='on'/>", "<hidden state='off'/>"),
  );
});

test('features: pSeries, s390, TCG, Xen and LXC capabilities', () => {
  const xml = dom(`
<features>
  <hap state='on'/>
  <viridian/>
  <privnet/>
  <capabilities policy='deny'>
    <chown state='on'/>
    <sys_admin state='off'/>
  </capabilities>
  <gic version='3'/>
  <hpt resizing='required'>
    <maxpagesize unit='KiB'>65536</maxpagesize>
  </hpt>
  <vmcoreinfo state='on'/>
  <htm state='on'/>
  <nested-hv state='off'/>
  <ccf-assist state='on'/>
  <xen>
    <e820_host state='on'/>
    <passthrough state='on' mode='share_pt'/>
  </xen>
  <cfpc value='workaround'/>
  <sbbc value='fixed'/>
  <ibs value='fixed-ccd'/>
  <tcg>
    <tb-cache unit='MiB'>128</tb-cache>
  </tcg>
  <ras state='on'/>
  <aia value='aplic-imsic'/>
</features>`);
  const d = parseDomain(xml);
  const f = d.features!;
  assert.deepEqual(f.hap, { state: true });
  assert.equal(f.viridian, true);
  assert.equal(f.privnet, true);
  assert.deepEqual(f.capabilities, { policy: 'deny', chown: { state: true }, sys_admin: { state: false } });
  assert.deepEqual(f.gic, { version: '3' });
  assert.deepEqual(f.hpt, { resizing: 'required', maxpagesize: { unit: 'KiB', value: 65536 } });
  assert.deepEqual(f.nestedHv, { state: false });
  assert.deepEqual(f.ccfAssist, { state: true });
  assert.deepEqual(f.xen, { e820_host: { state: true }, passthrough: { state: true, mode: 'share_pt' } });
  assert.deepEqual(f.ibs, { value: 'fixed-ccd' });
  assert.deepEqual(f.tcg, { tbCache: { unit: 'MiB', value: 128 } });
  assert.deepEqual(f.aia, { value: 'aplic-imsic' });
  assert.equal(formatDomain(d), xml);
});

test('features: built in code, written in libvirt order', () => {
  const features: Features = {
    smm: { state: true },
    hyperv: { mode: 'passthrough' },
    acpi: true,
    apic: {},
    vmport: { state: false },
  };
  const d: Domain = { type: 'kvm', name: 't', features };
  assert.equal(
    formatDomain(d),
    dom(`
<features>
  <acpi/>
  <apic/>
  <hyperv mode='passthrough'/>
  <vmport state='off'/>
  <smm state='on'/>
</features>`),
  );
});

test('features: unknown elements and attributes survive', () => {
  const xml = dom(`
<features>
  <acpi/>
  <future-thing state='on'/>
  <kvm>
    <hidden state='on' extra='1'/>
  </kvm>
</features>`);
  const d = parseDomain(xml);
  assert.deepEqual(d.features!.kvm!.hidden!.state, true);
  assert.equal(formatDomain(d), xml);
});

// ---------------------------------------------------------------------------
// <clock>

test('clock: offset variants and timers by name', () => {
  const xml = dom(`
<clock offset='variable' adjustment='-3600' basis='localtime'>
  <timer name='rtc' tickpolicy='catchup' track='guest'>
    <catchup threshold='123' slew='120' limit='10000'/>
  </timer>
  <timer name='pit' tickpolicy='delay'/>
  <timer name='hpet' present='no'/>
  <timer name='tsc' frequency='4567890000' mode='paravirt'/>
  <timer name='kvmclock' present='yes'/>
</clock>`);
  const d = parseDomain(xml);
  const c = d.clock!;
  assert.equal(c.offset, 'variable');
  assert.ok(c.offset === 'variable');
  assert.equal(c.adjustment, -3600);
  assert.equal(c.basis, 'localtime');
  const [rtc, pit, hpet, tsc, kvmclock] = c.timer!;
  assert.deepEqual(rtc, { name: 'rtc', tickpolicy: 'catchup', track: 'guest', catchup: { threshold: 123, slew: 120, limit: 10000 } });
  assert.deepEqual(pit, { name: 'pit', tickpolicy: 'delay' });
  assert.deepEqual(hpet, { name: 'hpet', present: false });
  assert.deepEqual(tsc, { name: 'tsc', frequency: 4567890000, mode: 'paravirt' });
  assert.deepEqual(kvmclock, { name: 'kvmclock', present: true });
  assert.equal(formatDomain(d), xml);

  if (c.offset === 'variable') c.adjustment = 60;
  assert.equal(formatDomain(d), xml.replace("adjustment='-3600'", "adjustment='60'"));
});

test('clock: utc reset, timezone and absolute', () => {
  for (const open of ["<clock offset='utc' adjustment='reset'/>", "<clock offset='timezone' timezone='Europe/Paris'/>", "<clock offset='absolute' start='1234567890'/>"]) {
    const xml = dom(open);
    assert.equal(formatDomain(parseDomain(xml)), xml);
  }
  const abs = parseDomain(dom("<clock offset='absolute' start='1234567890'/>")).clock!;
  assert.ok(abs.offset === 'absolute');
  assert.equal(abs.start, 1234567890);
  const tz = parseDomain(dom("<clock offset='timezone' timezone='Europe/Paris'/>")).clock!;
  assert.ok(tz.offset === 'timezone');
  assert.equal(tz.timezone, 'Europe/Paris');
});

test('clock: built in code', () => {
  const timer: Timer[] = [
    { name: 'rtc', tickpolicy: 'catchup' },
    { name: 'tsc', present: true, mode: 'native' },
  ];
  const clock: Clock = { offset: 'localtime', timer };
  const d: Domain = { type: 'kvm', name: 't', clock };
  assert.equal(
    formatDomain(d),
    dom(`
<clock offset='localtime'>
  <timer name='rtc' tickpolicy='catchup'/>
  <timer name='tsc' present='yes' mode='native'/>
</clock>`),
  );
});

// ---------------------------------------------------------------------------
// <sysinfo>, <pm>, <perf>, <resource>

test('sysinfo: smbios blocks and fwcfg entries', () => {
  const xml = dom(`
<resource>
  <partition>/machine</partition>
  <fibrechannel appid='someapp'/>
</resource>
<sysinfo type='smbios'>
  <bios>
    <entry name='vendor'>LENOVO</entry>
  </bios>
  <system>
    <entry name='manufacturer'>Fedora</entry>
    <entry name='uuid'>c7a5fdbd-edaf-9455-926a-d65c16db1809</entry>
  </system>
  <baseBoard>
    <entry name='asset'>abc</entry>
  </baseBoard>
  <baseBoard>
    <entry name='location'>slot 2</entry>
  </baseBoard>
  <chassis>
    <entry name='sku'>Type3Sku1</entry>
  </chassis>
  <oemStrings>
    <entry>myappname:some arbitrary data</entry>
    <entry>otherappname:more arbitrary data</entry>
  </oemStrings>
</sysinfo>
<sysinfo type='fwcfg'>
  <entry name='opt/com.example/name'>example value</entry>
  <entry name='opt/com.coreos/config' file='/tmp/provision.ign'/>
</sysinfo>`);
  const d = parseDomain(xml);
  assert.deepEqual(d.resource, { partition: '/machine', fibrechannel: { appid: 'someapp' } });
  const [smbios, fwcfg] = d.sysinfo!;
  assert.ok(smbios.type === 'smbios');
  assert.deepEqual(smbios.bios, { entry: [{ name: 'vendor', value: 'LENOVO' }] });
  assert.equal(smbios.system!.entry![1].value, 'c7a5fdbd-edaf-9455-926a-d65c16db1809');
  assert.equal(smbios.baseBoard!.length, 2);
  assert.deepEqual(smbios.oemStrings, { entry: ['myappname:some arbitrary data', 'otherappname:more arbitrary data'] });
  assert.ok(fwcfg.type === 'fwcfg');
  assert.deepEqual(fwcfg.entry, [
    { name: 'opt/com.example/name', value: 'example value' },
    { name: 'opt/com.coreos/config', file: '/tmp/provision.ign' },
  ]);
  assert.equal(formatDomain(d), xml);

  const built: Sysinfo = { type: 'smbios', chassis: { entry: [{ name: 'serial', value: '42' }] } };
  assert.equal(
    formatDomain({ type: 'kvm', name: 't', sysinfo: [built] }),
    dom(`
<sysinfo type='smbios'>
  <chassis>
    <entry name='serial'>42</entry>
  </chassis>
</sysinfo>`),
  );
});

test('pm and perf', () => {
  const xml = dom(`
<pm>
  <suspend-to-mem enabled='no'/>
  <suspend-to-disk enabled='yes'/>
</pm>
<perf>
  <event name='cmt' enabled='yes'/>
  <event name='cpu_cycles' enabled='no'/>
</perf>`);
  const d = parseDomain(xml);
  assert.deepEqual(d.pm, { suspendToMem: { enabled: false }, suspendToDisk: { enabled: true } });
  assert.deepEqual(d.perf, { event: [{ name: 'cmt', enabled: true }, { name: 'cpu_cycles', enabled: false }] });
  assert.equal(formatDomain(d), xml);
  d.pm!.suspendToMem!.enabled = true;
  assert.equal(formatDomain(d), xml.replace("<suspend-to-mem enabled='no'/>", "<suspend-to-mem enabled='yes'/>"));
});

// ---------------------------------------------------------------------------
// <seclabel>, <keywrap>, <launchSecurity>

test('seclabel: dynamic, static and none', () => {
  const xml = dom(`
<seclabel type='dynamic' model='selinux' relabel='yes'>
  <label>system_u:system_r:svirt_t:s0:c41,c264</label>
  <imagelabel>system_u:object_r:svirt_image_t:s0:c41,c264</imagelabel>
  <baselabel>system_u:system_r:svirt_t:s0</baselabel>
</seclabel>
<seclabel type='static' model='dac' relabel='no'>
  <label>107:107</label>
</seclabel>
<seclabel type='none' model='apparmor'/>
<keywrap>
  <cipher name='aes' state='off'/>
  <cipher name='dea' state='on'/>
</keywrap>`);
  const d = parseDomain(xml);
  const [dyn, stat, none] = d.seclabel!;
  assert.ok(dyn.type === 'dynamic');
  assert.equal(dyn.relabel, true);
  assert.equal(dyn.baselabel, 'system_u:system_r:svirt_t:s0');
  assert.deepEqual(stat, { type: 'static', model: 'dac', relabel: false, label: '107:107' });
  assert.deepEqual(none, { type: 'none', model: 'apparmor' });
  assert.deepEqual(d.keywrap, { cipher: [{ name: 'aes', state: false }, { name: 'dea', state: true }] });
  assert.equal(formatDomain(d), xml);

  const s: Seclabel = { type: 'static', model: 'selinux', label: 'system_u:system_r:svirt_t:s0:c1,c2' };
  assert.equal(
    formatDomain({ type: 'kvm', name: 't', seclabel: [s] }),
    dom(`
<seclabel type='static' model='selinux'>
  <label>system_u:system_r:svirt_t:s0:c1,c2</label>
</seclabel>`),
  );
});

test('launchSecurity: SEV with hex policy, SEV-SNP, s390-pv, TDX', () => {
  const sev = dom(`
<launchSecurity type='sev' kernelHashes='yes'>
  <cbitpos>47</cbitpos>
  <reducedPhysBits>1</reducedPhysBits>
  <policy>0x0003</policy>
  <dhCert>AQAAAAOAAAA=</dhCert>
  <session>IHAVENOIDEABUTJUSTPROVIDINGASTRING</session>
</launchSecurity>`);
  const d = parseDomain(sev);
  const ls = d.launchSecurity!;
  assert.ok(ls.type === 'sev');
  assert.equal(ls.kernelHashes, true);
  assert.equal(ls.cbitpos, 47);
  assert.equal(ls.policy, 3);
  assert.equal(ls.dhCert, 'AQAAAAOAAAA=');
  assert.equal(formatDomain(d), sev);
  ls.policy = 0x07;
  assert.equal(formatDomain(d), sev.replace('<policy>0x0003</policy>', '<policy>0x0007</policy>'));

  const snp = dom(`
<launchSecurity type='sev-snp' authorKey='yes' vcek='no'>
  <policy>0x00030000</policy>
  <guestVisibleWorkarounds>AAAAAAAAAAAAAAAAAAAAAA==</guestVisibleWorkarounds>
  <hostData>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</hostData>
</launchSecurity>`);
  const s = parseDomain(snp).launchSecurity!;
  assert.ok(s.type === 'sev-snp');
  assert.equal(s.authorKey, true);
  assert.equal(s.vcek, false);
  assert.equal(s.policy, 0x30000);
  assert.equal(formatDomain(parseDomain(snp)), snp);

  const pv = dom(`<launchSecurity type='s390-pv'/>`);
  assert.deepEqual(parseDomain(pv).launchSecurity, { type: 's390-pv' });
  assert.equal(formatDomain(parseDomain(pv)), pv);

  const tdx: LaunchSecurity = {
    type: 'tdx',
    policy: 0x10000001,
    mrConfigId: 'AAAA',
    quoteGenerationService: { path: '/var/run/tdx-qgs/qgs.socket' },
  };
  assert.equal(
    formatDomain({ type: 'kvm', name: 't', launchSecurity: tdx }),
    dom(`
<launchSecurity type='tdx'>
  <policy>0x10000001</policy>
  <mrConfigId>AAAA</mrConfigId>
  <quoteGenerationService path='/var/run/tdx-qgs/qgs.socket'/>
</launchSecurity>`),
  );
});
