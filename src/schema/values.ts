/**
 * Value types: how one attribute value or text content maps between its XML spelling
 * and a typed JavaScript value.
 *
 * `decode` returns undefined for a spelling it cannot read; the codec then keeps the raw
 * text so that nothing is lost. `encode` gives the canonical spelling; the codec writes
 * the original spelling instead whenever the value was not changed.
 */
export interface ValueType<T> {
  /** Short name for messages and schemas: 'integer', 'yes|no', 'uuid' ... */
  readonly name: string;
  decode(raw: string): T | undefined;
  encode(value: T): string;
  /** Type guard used when formatting objects that came from code or JSON. */
  is(value: unknown): value is T;
  /** True when every spelling decodes to itself (strings): no original spelling to keep. */
  readonly exact: boolean;
  /** What a JSON Schema and a validator need to know about the value. */
  readonly info: ValueInfo;
}

export interface ValueInfo {
  json: 'string' | 'integer' | 'number' | 'boolean';
  enum?: readonly string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

const stringType: ValueType<string> = {
  name: 'string',
  decode: (raw) => raw,
  encode: (v) => v,
  is: isString,
  exact: true,
  info: { json: 'string' },
};

/** A string constrained by a pattern. Parsing keeps any spelling; validation checks the pattern. */
function patterned(name: string, pattern: string): ValueType<string> {
  return { ...stringType, name, info: { json: 'string', pattern } };
}

/**
 * An enumeration. Unknown values still parse (a newer libvirt may add some) and are kept;
 * validation reports them. The static type is the union of the known values.
 */
function enumOf<const V extends string>(...values: V[]): ValueType<V> {
  return {
    name: values.join('|'),
    decode: (raw) => raw as V,
    encode: (v) => v,
    is: (v): v is V => typeof v === 'string',
    exact: true,
    info: { json: 'string', enum: values },
  };
}

const DECIMAL = /^\s*[+-]?[0-9]+\s*$/;
const HEX = /^\s*0[xX][0-9a-fA-F]+\s*$/;
const FLOAT = /^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$/;

/**
 * Integers parse whatever their range: like an unknown enumeration value, an out-of-range
 * number (`queues='-5'`) is kept typed and left for validation to report, using `info`.
 */
function integerType(name: string, minimum: number | undefined, maximum?: number): ValueType<number> {
  return {
    name,
    decode(raw) {
      // libvirt reads most integers with base auto-detection; accept 0x too.
      const n = DECIMAL.test(raw) ? Number(raw) : HEX.test(raw) ? parseInt(raw.trim().slice(2), 16) : NaN;
      return Number.isFinite(n) ? n : undefined;
    },
    encode: (v) => String(v),
    is: (v): v is number => typeof v === 'number' && Number.isInteger(v),
    exact: false,
    info: { json: 'integer', minimum, maximum },
  };
}

/** An integer written in hex by default (`0x0a`), as libvirt writes PCI address parts. */
function hexInt(width: number, maximum?: number): ValueType<number> {
  const base = integerType('hex integer', 0, maximum);
  return {
    ...base,
    encode: (v) => '0x' + v.toString(16).padStart(width, '0'),
  };
}

function boolType(yes: string, no: string): ValueType<boolean> {
  return {
    name: `${yes}|${no}`,
    decode: (raw) => (raw === yes ? true : raw === no ? false : undefined),
    encode: (v) => (v ? yes : no),
    is: (v): v is boolean => typeof v === 'boolean',
    exact: false,
    info: { json: 'boolean' },
  };
}

const numberType: ValueType<number> = {
  name: 'number',
  decode: (raw) => (FLOAT.test(raw) ? Number(raw) : undefined),
  encode: (v) => String(v),
  is: (v): v is number => typeof v === 'number' && Number.isFinite(v),
  exact: false,
  info: { json: 'number' },
};

export const t = {
  string: stringType,
  enum: enumOf,
  /** Any integer, decimal or 0x-hex. */
  int: integerType('integer', undefined),
  /** A non-negative integer, decimal or 0x-hex. Unsigned 64-bit values beyond 2^53 keep their spelling. */
  uint: integerType('unsigned integer', 0),
  /** A non-negative integer written as hex, zero-padded to `width` digits when libvirt does. */
  hex: hexInt,
  /** A decimal number that may have a fraction. */
  number: numberType,
  /** yes/no */
  yesNo: boolType('yes', 'no'),
  /** on/off */
  onOff: boolType('on', 'off'),
  /** 1/0 (`<active>` of snapshots, `<media_available>` of node devices) */
  oneZero: boolType('1', '0'),
  uuid: patterned('uuid', '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$'),
  mac: patterned('mac address', '^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$'),
  /** A string with a custom pattern (checked by validation, never by parsing). */
  pattern: patterned,
} as const;
