/**
 * The definition language: one definition per element gives the parser, the formatter,
 * the static TypeScript type (`Infer`), the unmodeled-node report and the data a JSON
 * Schema needs. Nothing else in the project describes an element's shape.
 *
 * A definition is a plain object of fields keyed by property name:
 *
 *   export const DiskDriver = el('driver', {
 *     name: attr(t.string),
 *     cache: attr(t.enum('default', 'none', 'writethrough')),
 *     iothread: attr(t.uint),
 *   });
 *   export type DiskDriver = Infer<typeof DiskDriver>;
 */
import type { XmlNode } from '../xml/tree.js';
import type { ValueType } from './values.js';

export interface Namespace {
  uri: string;
  /** Prefix used when the library has to declare the namespace itself. */
  prefix: string;
}

export interface AttrField<T = unknown> {
  readonly kind: 'attr';
  readonly type: ValueType<T>;
  /** XML attribute name when it differs from the property name. */
  readonly xml?: string;
  readonly required?: boolean;
  readonly doc?: string;
}

/** The element's own text content. */
export interface TextField<T = unknown> {
  readonly kind: 'text';
  readonly type: ValueType<T>;
  readonly required?: boolean;
  readonly doc?: string;
}

/** A child element described by its own definition; `many` makes the property an array. */
export interface ChildField<T = unknown, M extends boolean = boolean> {
  readonly kind: 'child';
  readonly def: ElDef<T> | (() => ElDef<T>);
  readonly many: M;
  readonly required?: boolean;
  readonly doc?: string;
}

/** A child element that holds only text, mapped to a plain value (`<name>vm1</name>` -> `name: 'vm1'`). */
export interface LeafField<T = unknown, M extends boolean = boolean> {
  readonly kind: 'leaf';
  readonly type: ValueType<T>;
  readonly xml?: string;
  readonly ns?: Namespace;
  readonly many: M;
  readonly required?: boolean;
  readonly doc?: string;
}

/** An empty child element whose presence means true (`<readonly/>` -> `readonly: true`). */
export interface FlagField {
  readonly kind: 'flag';
  readonly xml?: string;
  readonly ns?: Namespace;
  readonly doc?: string;
}

/** Free-form content kept as XML nodes (`<metadata>` holds other applications' elements). */
export interface AnyField {
  readonly kind: 'any';
  readonly doc?: string;
}

export type Field = AttrField | TextField | ChildField | LeafField | FlagField | AnyField;
export type Fields = Readonly<Record<string, Field>>;

export interface Variants {
  /** Property name of the attribute that selects the variant (`type`). */
  readonly by: string;
  readonly cases: Readonly<Record<string, Fields>>;
  /** The case that applies when the attribute is absent. */
  readonly default?: string;
}

/** The definition of one element. `T` is the type of the object it maps to. */
export interface ElDef<T = unknown> {
  readonly name: string;
  readonly ns?: Namespace;
  readonly fields: Fields;
  readonly variants?: Variants;
  readonly doc?: string;
  /** Phantom: carries the object type for inference; never set. */
  readonly __type?: T;
}

/**
 * What the model cannot hold in typed fields rides along here, so that formatting a parsed
 * document (directly or through JSON) loses nothing. Absent when there is nothing to keep.
 */
export interface XmlSide {
  /** Attributes the model does not know, by qualified name as written, in document order (namespace declarations too). */
  attrs?: Record<string, string>;
  /** Original spellings of typed values that the library would write differently (`0x0a`, `+1`), by property. */
  spell?: Record<string, string>;
  /** Raw text of values that could not be read as their type (`<vcpu>many</vcpu>`), by property. */
  invalid?: Record<string, string>;
  /**
   * Children in document order, kept when that order differs from the model's or when
   * some children are not modeled: a string is a property name and stands for the next
   * item of that property; any other entry is a node kept as it was (`{ text }` for stray text).
   */
  order?: (string | XmlNode | { text: string })[];
  /** Side data of leaf and flag children (their unknown attributes), by property. */
  leaf?: Record<string, XmlSide | (XmlSide | null)[]>;
  /** Comments and processing instructions around the root element (root object only). */
  prolog?: XmlNode[];
  epilog?: XmlNode[];
}

// ---------------------------------------------------------------------------
// Static types

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type FieldType<F> =
  F extends AttrField<infer T>
    ? T
    : F extends TextField<infer T>
      ? T
      : F extends LeafField<infer T, infer M>
        ? M extends true
          ? T[]
          : T
        : F extends ChildField<infer T, infer M>
          ? M extends true
            ? T[]
            : T
          : F extends FlagField
            ? boolean
            : F extends AnyField
              ? XmlNode[]
              : never;

/** The object type of a set of fields: every property optional, plus the side field. */
export type ObjectOf<F extends Fields> = { -readonly [K in keyof F]?: FieldType<F[K]> } & { $xml?: XmlSide };

type CaseOf<By extends string, K, F extends Fields, D> = (K extends D
  ? { [P in By]?: K }
  : { [P in By]: K }) &
  ObjectOf<F>;

export type VariantUnion<V> =
  V extends Variants & { by: infer By extends string; cases: infer C }
    ? { [K in keyof C]: C[K] extends Fields ? CaseOf<By, K, C[K], V extends { default: infer D } ? D : never> : never }[keyof C]
    : unknown;

/** The object type an element definition maps to. */
export type Infer<D> = D extends ElDef<infer T> ? T : never;

// ---------------------------------------------------------------------------
// Constructors

interface ElOptions {
  ns?: Namespace;
  doc?: string;
}

/** Defines an element. */
export function el<const F extends Fields>(name: string, fields: F, options?: ElOptions): ElDef<Simplify<ObjectOf<F>>>;
/** Defines an element whose fields depend on an attribute (`<disk type='file'>` vs `type='block'`). */
export function el<const F extends Fields, const V extends Variants>(
  name: string,
  fields: F,
  variants: V,
  options?: ElOptions,
): ElDef<ObjectOf<F> & VariantUnion<V>>;
export function el(name: string, fields: Fields, a?: Variants | ElOptions, b?: ElOptions): ElDef<unknown> {
  const variants = a && 'by' in a ? a : undefined;
  const options = (variants ? b : (a as ElOptions | undefined)) ?? {};
  return { name, fields, variants, ns: options.ns, doc: options.doc };
}

/** Variant cases for `el`, selected by the attribute property `by`. */
export function variants<const By extends string, const C extends Record<string, Fields>, const D extends keyof C & string = never>(
  by: By,
  cases: C,
  defaultCase?: D,
): { by: By; cases: C; default: D } {
  return { by, cases, default: defaultCase as D };
}

interface FieldOptions {
  /** XML name when it differs from the property name. */
  xml?: string;
  required?: boolean;
  doc?: string;
}

export function attr<T>(type: ValueType<T>, options?: FieldOptions): AttrField<T> {
  return { kind: 'attr', type, ...options };
}

export function text<T>(type: ValueType<T>, options?: Omit<FieldOptions, 'xml'>): TextField<T> {
  return { kind: 'text', type, ...options };
}

export function child<T>(def: ElDef<T> | (() => ElDef<T>), options?: Omit<FieldOptions, 'xml'>): ChildField<T, false> {
  return { kind: 'child', def, many: false, ...options };
}

export function many<T>(def: ElDef<T> | (() => ElDef<T>), options?: Omit<FieldOptions, 'xml'>): ChildField<T, true> {
  return { kind: 'child', def, many: true, ...options };
}

export function leaf<T>(type: ValueType<T>, options?: FieldOptions & { ns?: Namespace }): LeafField<T, false> {
  return { kind: 'leaf', type, many: false, ...options };
}

export function leaves<T>(type: ValueType<T>, options?: FieldOptions & { ns?: Namespace }): LeafField<T, true> {
  return { kind: 'leaf', type, many: true, ...options };
}

export function flag(options?: Omit<FieldOptions, 'required'> & { ns?: Namespace }): FlagField {
  return { kind: 'flag', ...options };
}

export function any(options?: { doc?: string }): AnyField {
  return { kind: 'any', ...options };
}

/** Property name to XML name for leaves and flags: `hintDedicated` stays as given unless `xml` is set. */
export function xmlNameOf(key: string, field: { xml?: string }): string {
  return field.xml ?? key;
}
