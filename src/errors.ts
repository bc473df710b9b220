/**
 * Every error the library throws on purpose is a LibvirtXmlError, so callers can tell
 * "your input is wrong" from a bug with one instanceof check.
 */
export class LibvirtXmlError extends Error {
  override name = 'LibvirtXmlError';
}

/** Malformed XML: the message says what is wrong, `line` and `column` say where (1-based). */
export class XmlSyntaxError extends LibvirtXmlError {
  override name = 'XmlSyntaxError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

/**
 * A value that cannot be written as XML or does not fit its field: a character XML 1.0
 * cannot carry, a number where a string belongs, an unknown document kind.
 * `path` locates it in the document (`/domain/devices/disk[1]/source/@file`).
 */
export class ModelError extends LibvirtXmlError {
  override name = 'ModelError';
  constructor(
    readonly reason: string,
    readonly path: string = '',
  ) {
    super(path ? `${path}: ${reason}` : reason);
  }
}
