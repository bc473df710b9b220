/**
 * Minimal `<domain>` documents around a piece of XML, for the model tests, indented as
 * libvirt writes them.
 */

/** `xml` trimmed, with `prefix` before every line. */
function indent(xml: string, prefix: string): string {
  return xml
    .trim()
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/** A minimal domain around some device XML. */
export function domWithDevices(devices: string): string {
  return `<domain type='kvm'>\n  <name>t</name>\n  <devices>\n${indent(devices, '    ')}\n  </devices>\n</domain>\n`;
}

/** A minimal domain around some top-level sections. */
export function domWithSections(sections: string): string {
  return `<domain type='kvm'>\n  <name>t</name>\n${indent(sections, '  ')}\n</domain>\n`;
}
