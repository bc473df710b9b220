import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ModelError } from '../../src/errors.js';
import { parseXml } from '../../src/xml/parser.js';
import type { XmlDocument, XmlElement, XmlNode } from '../../src/xml/tree.js';
import { checkXmlChars, escapeAttr, escapeText, formatXmlDocument, writeNode } from '../../src/xml/writer.js';

function el(name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return { name, attrs, children };
}

function modelError(reason: RegExp): (e: unknown) => boolean {
  return (e) => e instanceof ModelError && reason.test(e.reason);
}

describe('escaping', () => {
  test('escapeText escapes &, <, >, quotes and CR only', () => {
    assert.equal(escapeText(`a&b<c>d\re'f"g\th\ni`), `a&amp;b&lt;c&gt;d&#13;e&apos;f&quot;g\th\ni`);
    assert.equal(escapeText('&&'), '&amp;&amp;');
  });

  test('escapeAttr escapes quotes and the whitespace attribute normalisation would eat', () => {
    assert.equal(escapeAttr(`a&b<c>d'e"f\tg\nh\ri`), 'a&amp;b&lt;c&gt;d&apos;e&quot;f&#9;g&#10;h&#13;i');
  });

  test('strings that need nothing come back unchanged', () => {
    for (const s of ['', 'plain', '/var/lib/libvirt/images/a.qcow2', 'é 😀 \u007F \uFDD0', '\uD83D\uDE00']) {
      assert.equal(escapeText(s), s);
      assert.equal(escapeAttr(s), s);
    }
    assert.equal(escapeText(`its x\t\n`), `its x\t\n`);
  });

  test('characters XML cannot carry are a ModelError, never written', () => {
    for (const [s, code] of [
      ['a\u0001', 'U+0001'],
      ['\u0000', 'U+0000'],
      ['x\u001Fy&', 'U+001F'],
      ['\uFFFE', 'U+FFFE'],
      ['\uFFFF', 'U+FFFF'],
      ['a\uD800b', 'U+D800'],
      ['\uDC00', 'U+DC00'],
      ['\uDE00\uD83D', 'U+DE00'],
    ]) {
      const message = `character ${code} cannot be written in XML`;
      assert.throws(() => escapeText(s), (e: unknown) => e instanceof ModelError && e.message === message, JSON.stringify(s));
      assert.throws(() => escapeAttr(s), (e: unknown) => e instanceof ModelError && e.message === message);
      assert.throws(() => checkXmlChars(s), (e: unknown) => e instanceof ModelError && e.message === message);
    }
    assert.doesNotThrow(() => checkXmlChars('tab\tnl\ncr\r😀\uFFFD'));
  });

  test('escaped values read back as the original', () => {
    const value = `a&b<c>d'e"f\tg\nh\ri  j`;
    const back = parseXml(`<a v='${escapeAttr(value)}'>${escapeText(value)}</a>`).root;
    assert.equal(back.attrs.v, value);
    assert.equal(back.children[0], value);
  });
});

describe('writeNode', () => {
  test('an empty element is self-closing, attributes in order with single quotes', () => {
    assert.equal(writeNode(el('disk', { type: 'file', device: 'disk' }), ''), "<disk type='file' device='disk'/>\n");
    assert.equal(writeNode(el('a', { z: '1', a: `it's` }), '    '), "    <a z='1' a='it&apos;s'/>\n");
  });

  test('element-only content goes one child per line, two spaces deeper; blank text is dropped', () => {
    const tree = parseXml(`<domain type='kvm'>\n\n    <name>vm</name><devices>  <disk/> <!--c--><?p d?>\n</devices></domain>`).root;
    assert.equal(
      writeNode(tree, '  '),
      [
        "  <domain type='kvm'>",
        '    <name>vm</name>',
        '    <devices>',
        '      <disk/>',
        '      <!--c-->',
        '      <?p d?>',
        '    </devices>',
        '  </domain>',
        '',
      ].join('\n'),
    );
  });

  test('an element holding only blank text is not empty: its whitespace is dropped but it keeps both tags', () => {
    assert.equal(writeNode(el('a', {}, ['  \n ']), ''), '<a>\n</a>\n');
  });

  test('any non-blank text or CDATA makes the element inline, written exactly', () => {
    const tree = parseXml(`<p>Hello <b x='1'>big <i/>\n world</b> &amp; <![CDATA[<raw>]]><!--c--> bye\n</p>`).root;
    assert.equal(writeNode(tree, '  '), `  <p>Hello <b x='1'>big <i/>\n world</b> &amp; <![CDATA[<raw>]]><!--c--> bye\n</p>\n`);
    assert.equal(writeNode(el('a', {}, [{ cdata: 'x' }]), ''), '<a><![CDATA[x]]></a>\n');
    assert.equal(writeNode(el('a', {}, [' ', el('b', {}, [el('c')]), ' x']), ''), '<a> <b><c/></b> x</a>\n');
  });

  test('text is escaped, CR included', () => {
    assert.equal(writeNode(el('a', { v: 'x\ny' }, ['1 < 2 & 3 > 2\r']), ''), "<a v='x&#10;y'>1 &lt; 2 &amp; 3 &gt; 2&#13;</a>\n");
  });

  test('leaf nodes on their own', () => {
    assert.equal(writeNode({ comment: ' note ' }, '  '), '  <!-- note -->\n');
    assert.equal(writeNode({ pi: 'target', data: 'some data' }, ''), '<?target some data?>\n');
    assert.equal(writeNode({ pi: 'target', data: '' }, ''), '<?target?>\n');
    assert.equal(writeNode({ cdata: 'a<b' }, ''), '<![CDATA[a<b]]>\n');
    assert.equal(writeNode('a&b', ' '), ' a&amp;b\n');
  });

  test("']]>' in CDATA is split across two sections", () => {
    const written = writeNode(el('a', {}, [{ cdata: 'x]]>y]]>' }]), '');
    assert.equal(written, '<a><![CDATA[x]]]]><![CDATA[>y]]]]><![CDATA[>]]></a>\n');
    const back = parseXml(written).root.children.map((c) => (c as { cdata: string }).cdata).join('');
    assert.equal(back, 'x]]>y]]>');
  });

  test('comments that XML cannot carry are a ModelError', () => {
    assert.throws(() => writeNode({ comment: 'a--b' }, ''), modelError(/'--'/));
    assert.throws(() => writeNode({ comment: 'ends-' }, ''), modelError(/ends in '-'/));
    assert.throws(() => writeNode(el('a', {}, [{ comment: '-' }]), ''), ModelError);
    assert.throws(() => writeNode({ comment: '\u0002' }, ''), modelError(/U\+0002/));
    assert.equal(writeNode({ comment: '-a - b' }, ''), '<!---a - b-->\n');
  });

  test('other unwritable content is a ModelError', () => {
    assert.throws(() => writeNode(el('a', { v: 'x\u0001' }), ''), modelError(/U\+0001/));
    assert.throws(() => writeNode(el('a', {}, ['x\uFFFF']), ''), modelError(/U\+FFFF/));
    assert.throws(() => writeNode({ cdata: '\u0003' }, ''), modelError(/U\+0003/));
    assert.throws(() => writeNode({ pi: 'p', data: 'a?>b' }, ''), modelError(/\?>/));
    assert.throws(() => writeNode({ pi: 'xml', data: "version='1.0'" }, ''), modelError(/reserved/));
    assert.throws(() => writeNode({ pi: 'a:b', data: '' }, ''), modelError(/must not contain ':'/));
    assert.throws(() => writeNode(el('a b'), ''), modelError(/not a valid XML element name/));
    assert.throws(() => writeNode(el('1a'), ''), modelError(/not a valid XML element name/));
    assert.throws(() => writeNode(el('a:b:c'), ''), modelError(/not a valid qualified element name/));
    assert.throws(() => writeNode(el('a', { 'x y': '1' }), ''), modelError(/not a valid XML attribute name/));
    assert.throws(() => writeNode(el('a', { v: 3 as unknown as string }), ''), modelError(/is a number, not a string/));
    assert.doesNotThrow(() => writeNode(el('état', { 'été': '1', 'xml:lang': 'fr' }), ''));
  });

  test('deep trees are written without recursion', () => {
    // Mixed content is written inline, with no indentation, so it can go far past any
    // call-stack limit.
    const depth = 100_000;
    let inline = el('a', {}, ['x']);
    for (let i = 1; i < depth; i++) inline = el('a', {}, ['x', inline]);
    const written = writeNode(inline, '');
    assert.equal(written.length, 8 * depth + 1);
    assert.ok(written.startsWith('<a>x<a>x<a>x') && written.endsWith('</a></a></a>\n'));
    // Indented output grows with depth squared; a few thousand levels are enough to check it.
    const blockDepth = 3000;
    let block = el('a');
    for (let i = 1; i < blockDepth; i++) block = el('a', {}, [block]);
    const lines = writeNode(block, '').split('\n');
    assert.equal(lines.length, 2 * blockDepth);
    assert.equal(lines[blockDepth - 1], ' '.repeat(2 * (blockDepth - 1)) + '<a/>');
  });
});

describe('formatXmlDocument', () => {
  test('prolog, root and epilog each on their own lines', () => {
    const doc = parseXml(`<?xml version="1.0" encoding="UTF-8"?><!--\n  WARNING\n--><domain><name>x</name></domain><!--end-->\n`);
    assert.equal(
      formatXmlDocument(doc),
      '<?xml version="1.0" encoding="UTF-8"?>\n<!--\n  WARNING\n-->\n<domain>\n  <name>x</name>\n</domain>\n<!--end-->\n',
    );
  });

  test('what cannot stand outside the root is a ModelError', () => {
    const root = el('a');
    const bad: XmlDocument[] = [
      { prolog: ['text'], root, epilog: [] },
      { prolog: [], root, epilog: [el('b')] },
      { prolog: [{ cdata: 'x' }], root, epilog: [] },
      { prolog: [{ comment: 'x' }, { pi: 'xml', data: "version='1.0'" }], root, epilog: [] },
      { prolog: [{ pi: 'xml', data: 'nonsense' }], root, epilog: [] },
    ];
    for (const doc of bad) assert.throws(() => formatXmlDocument(doc), ModelError, JSON.stringify(doc));
    assert.equal(formatXmlDocument({ prolog: ['\n'], root, epilog: [' '] }), '<a/>\n');
  });
});

// ---------------------------------------------------------------------------------------
// Round trip over libvirt's own test documents.

/** The tree without whitespace-only text, which the writer's layout is free to change. */
function withoutBlankText(node: XmlNode): XmlNode {
  if (typeof node !== 'object' || !('name' in node)) return node;
  const children = node.children.filter((c) => typeof c !== 'string' || c.trim() !== '').map(withoutBlankText);
  return node.uri === undefined ? { name: node.name, attrs: node.attrs, children } : { name: node.name, attrs: node.attrs, children, uri: node.uri };
}

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/libvirt/', import.meta.url));
const corpusMissing = existsSync(corpusDir) ? false : `libvirt corpus not found at ../shared/corpus/libvirt relative to the repository`;

describe('corpus round trip', () => {
  test('parse -> writeNode -> parse gives the same tree, modulo blank text', { skip: corpusMissing }, () => {
    const files = readdirSync(corpusDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml'));
    assert.ok(files.length > 100, `only ${files.length} corpus files`);
    const different: string[] = [];
    for (const name of files) {
      const original = parseXml(readFileSync(join(corpusDir, name)));
      const rewritten = parseXml(writeNode(original.root, ''));
      try {
        assert.deepEqual(withoutBlankText(rewritten.root), withoutBlankText(original.root));
      } catch {
        different.push(name);
      }
    }
    assert.deepEqual(different, []);
  });

  test('formatXmlDocument output parses back to the same document, modulo blank text', { skip: corpusMissing }, () => {
    const files = readdirSync(corpusDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml'));
    for (const name of files) {
      const original = parseXml(readFileSync(join(corpusDir, name)));
      const formatted = formatXmlDocument(original);
      const back = parseXml(formatted);
      assert.deepEqual(back.prolog, original.prolog, name);
      assert.deepEqual(back.epilog, original.epilog, name);
      assert.deepEqual(withoutBlankText(back.root), withoutBlankText(original.root), name);
      // Writing is stable: the formatted text formats to itself.
      assert.equal(formatXmlDocument(back), formatted, name);
    }
  });
});
