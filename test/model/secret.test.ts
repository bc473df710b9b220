import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSecret, formatSecret, type Secret } from '../../src/index.js';

test('secret: booleans, uuid, description and a volume usage', () => {
  const xml = `<secret ephemeral='yes' private='no'>
  <uuid>22e1353d-c27e-4d6d-bf15-465053e6ba0b</uuid>
  <description>Ephemeral secret</description>
  <usage type='volume'>
    <volume>/var/lib/libvirt/images/image.img</volume>
  </usage>
</secret>
`;
  const s = parseSecret(xml);
  assert.equal(s.ephemeral, true);
  assert.equal(s.private, false);
  assert.equal(s.uuid, '22e1353d-c27e-4d6d-bf15-465053e6ba0b');
  assert.equal(s.description, 'Ephemeral secret');
  assert.deepEqual(s.usage, { type: 'volume', volume: '/var/lib/libvirt/images/image.img' });
  assert.equal(formatSecret(s), xml);
});

test('secret: each usage type has its own child', () => {
  const cases: Array<[string, string, object]> = [
    ['ceph', '<name>client.admin secret</name>', { type: 'ceph', name: 'client.admin secret' }],
    ['iscsi', '<target>iscsitarget</target>', { type: 'iscsi', target: 'iscsitarget' }],
    ['tls', '<name>mumblyfratz</name>', { type: 'tls', name: 'mumblyfratz' }],
    ['vtpm', '<name>vTPMvTPMvTPM</name>', { type: 'vtpm', name: 'vTPMvTPMvTPM' }],
  ];
  for (const [type, child, expected] of cases) {
    const xml = `<secret ephemeral='no' private='yes'>\n  <usage type='${type}'>\n    ${child}\n  </usage>\n</secret>\n`;
    const s = parseSecret(xml);
    assert.deepEqual(s.usage, expected);
    assert.equal(formatSecret(s), xml);
  }
});

test('secret: changing a value changes exactly that place', () => {
  const xml = `<secret ephemeral='no' private='yes'>
  <uuid>27f25d34-aea6-4e2a-be85-fa2c18380be8</uuid>
  <description>iSCSI secret</description>
  <usage type='iscsi'>
    <target>iscsitarget</target>
  </usage>
</secret>
`;
  const s = parseSecret(xml);
  s.private = false;
  assert.ok(s.usage?.type === 'iscsi');
  s.usage.target = 'other';
  assert.equal(formatSecret(s), xml.replace("private='yes'", "private='no'").replace('>iscsitarget<', '>other<'));
});

test('secret: built in code', () => {
  const s: Secret = {
    ephemeral: false,
    private: true,
    uuid: 'aa6c7af2-45a7-477c-85a2-fe86d9f2514e',
    description: 'vTPM secret',
    usage: { type: 'vtpm', name: 'VTPM_example' },
  };
  assert.equal(
    formatSecret(s),
    `<secret ephemeral='no' private='yes'>
  <uuid>aa6c7af2-45a7-477c-85a2-fe86d9f2514e</uuid>
  <description>vTPM secret</description>
  <usage type='vtpm'>
    <name>VTPM_example</name>
  </usage>
</secret>
`,
  );
});

test('secret: unknown attributes and elements survive', () => {
  const xml = `<secret private='yes' extra='1'>
  <description>x</description>
  <usage type='ceph' flavour='new'>
    <name>client</name>
    <pool>rbd</pool>
  </usage>
  <future/>
</secret>
`;
  const problems: string[] = [];
  const s = parseSecret(xml, { report: (p) => problems.push(p) });
  assert.deepEqual(problems.sort(), ['/secret/@extra', '/secret/future[1]', '/secret/usage/@flavour', '/secret/usage/pool[1]']);
  assert.equal(s.private, true);
  assert.equal(formatSecret(s), xml);
  assert.equal(formatSecret(JSON.parse(JSON.stringify(s)) as Secret), xml);
});
