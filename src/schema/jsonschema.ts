/**
 * JSON Schema (draft 2020-12) of a document kind's JSON form, `{ "<kind>": { ... } }` as
 * `toJson` gives it, derived from the element definitions like everything else.
 *
 * Design:
 * - Each element definition appears once: a definition used from two places goes into `$defs`
 *   under its element name (made unique with where it was first met: `interface.driver`,
 *   `disk(network).source`) and is referenced with `$ref`; a definition used once is inlined.
 *   A recursive definition is met at least twice (the root counts once), so it is in `$defs`.
 * - Objects are closed, as the formatter rejects unknown properties. An element with variants
 *   lists its common fields, and per case an `if` keyed on the discriminator (`const`; the
 *   default case's also matches when it is absent) whose `then` adds the case's fields; a last
 *   `if` catches any other value (and absence without a default case) and allows the common
 *   fields only, as the codec does. Exactly one `then` applies, and its `propertyNames` closes
 *   the object. `if`/`then` rather than `oneOf`: a validator that evaluates every `oneOf`
 *   branch in full (ajv with `allErrors`, many others always) takes time exponential in the
 *   depth of nested variant elements (a 7-deep disk backing chain never finished). Not
 *   `unevaluatedProperties`: when a case's `then` fails on one nested value, it would also
 *   report every property of that case as unexpected.
 * - Enumerations are exact `enum`s, so a form can offer them as choices. Parsing keeps any value,
 *   so the JSON form of a document with a value outside the enumeration does not validate: the
 *   schema says what libvirt accepts, like structural validation (src/schema/check.ts), which
 *   reports the same values. Likewise for ranges, patterns and required fields. (Model
 *   enumerations list every value libvirt's own schemas allow; the corpus documents whose JSON
 *   form fails are libvirt's deliberately invalid test inputs.)
 * - Every object may carry `$xml`, the side data of src/schema/define.ts (`XmlSide`), with kept
 *   XML nodes shaped as in src/xml/tree.ts; those shapes are in `$defs` under names starting
 *   with `$`, which no element name can.
 * - `description` comes from the `doc` option of definitions and fields (comments in the model
 *   source are not available at run time).
 */
import type { ElDef, Field, Fields } from './define.js';
import type { DocumentDef } from './document.js';
import type { ValueType } from './values.js';

/** A JSON Schema, as a plain JSON-serialisable object. */
export type JsonSchema = { [keyword: string]: unknown };

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const SIDE = '$xml';
const NODE = '$xml.node';
const ELEMENT = '$xml.element';

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** The JSON Schema of a document kind's JSON form. */
export function jsonSchema(def: DocumentDef): JsonSchema {
  const uses = countUses(def.root);
  const names = nameDefs(def.root, uses);
  const defs: Record<string, JsonSchema> = {};
  const builder = new Builder(names, defs);
  const root = builder.element(def.root);
  return {
    $schema: DIALECT,
    title: `libvirt <${def.root.name}> document, JSON form`,
    description: `The typed object of a <${def.root.name}> document under its kind name; "$xml" fields carry what typed fields cannot hold, so that it converts back to XML with nothing lost.`,
    type: 'object',
    properties: { [def.kind]: root },
    required: [def.kind],
    additionalProperties: false,
    $defs: { ...defs, ...xmlDefs() },
  };
}

function resolve(def: ElDef | (() => ElDef)): ElDef {
  return typeof def === 'function' ? def() : def;
}

/** The field sets of a definition: its own fields, then each variant case's. */
function fieldSets(def: ElDef): Fields[] {
  return def.variants ? [def.fields, ...Object.values(def.variants.cases)] : [def.fields];
}

/** How many fields refer to each definition reachable from `root` (the root counts as used once more). */
function countUses(root: ElDef): Map<ElDef, number> {
  const uses = new Map<ElDef, number>([[root, 1]]);
  const walk = (def: ElDef) => {
    for (const fields of fieldSets(def)) {
      for (const field of Object.values(fields)) {
        if (field.kind !== 'child') continue;
        const child = resolve(field.def);
        const n = uses.get(child);
        uses.set(child, (n ?? 0) + 1);
        if (n === undefined) walk(child);
      }
    }
  };
  walk(root);
  return uses;
}

/**
 * `$defs` names for the definitions used more than once, in order of first meeting: the element
 * name, or when taken, prefixed by where it was first met (`interface.driver`), with the case
 * of a variant parent in parentheses (`disk(network).source`).
 */
function nameDefs(root: ElDef, uses: Map<ElDef, number>): Map<ElDef, string> {
  const names = new Map<ElDef, string>();
  const taken = new Set<string>();
  const seen = new Set<ElDef>();
  const walk = (def: ElDef, trail: string[]) => {
    if (seen.has(def)) return;
    seen.add(def);
    const here = [...trail, def.name];
    if ((uses.get(def) ?? 0) > 1) {
      let name = '';
      for (let i = here.length - 1; i >= 0 && (name === '' || taken.has(name)); i--) name = here.slice(i).join('.');
      for (let n = 2; taken.has(name); n++) name = `${here.join('.')}-${n}`;
      taken.add(name);
      names.set(def, name);
    }
    const visit = (fields: Fields, at: string[]) => {
      for (const field of Object.values(fields)) if (field.kind === 'child') walk(resolve(field.def), at);
    };
    visit(def.fields, here);
    for (const [name, fields] of Object.entries(def.variants?.cases ?? {})) visit(fields, [...trail, `${def.name}(${name})`]);
  };
  walk(root, []);
  return names;
}

class Builder {
  constructor(
    private readonly names: Map<ElDef, string>,
    private readonly defs: Record<string, JsonSchema>,
  ) {}

  /** A reference to a named definition (built on first use), or the inlined schema. */
  element(def: ElDef): JsonSchema {
    const name = this.names.get(def);
    if (name === undefined) return this.object(def);
    if (!(name in this.defs)) {
      this.defs[name] = {}; // placeholder: a recursive reference finds the name taken
      this.defs[name] = this.object(def);
    }
    return ref(name);
  }

  private object(def: ElDef): JsonSchema {
    const s: JsonSchema = { type: 'object' };
    if (def.doc) s.description = def.doc;
    const { properties, required } = this.fields(def.fields);
    properties[SIDE] = ref(SIDE);
    s.properties = properties;
    if (required.length > 0) s.required = required;
    const v = def.variants;
    if (!v) {
      s.additionalProperties = false;
      return s;
    }
    // One `if`/`then` per case: a validator looks into a case's fields only when the discriminator
    // selects it (a `oneOf` would validate every branch, exponential in nested backing chains).
    // Exactly one `then` applies, and its `propertyNames` closes the object.
    const common = Object.keys(properties);
    const cases = Object.keys(v.cases);
    const branches: JsonSchema[] = cases.map((name) => {
      const own = this.fields(v.cases[name]);
      const when: JsonSchema = { properties: { [v.by]: { const: name } } };
      if (name !== v.default) when.required = [v.by];
      const then: JsonSchema = { properties: own.properties };
      if (own.required.length > 0) then.required = own.required;
      then.propertyNames = { enum: [...common, ...Object.keys(own.properties)] };
      return { if: when, then };
    });
    const other: JsonSchema = { properties: { [v.by]: { not: { enum: cases } } } };
    if (v.default !== undefined) other.required = [v.by]; // (the default case may be named '')
    branches.push({
      description: `${v.default !== undefined ? '' : `'${v.by}' absent or `}not one of the cases: the common fields only`,
      if: other,
      then: { propertyNames: { enum: common } },
    });
    s.allOf = branches;
    return s;
  }

  private fields(fields: Fields): { properties: Record<string, JsonSchema>; required: string[] } {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [key, field] of Object.entries(fields)) {
      properties[key] = this.field(field);
      if ((field as { required?: boolean }).required) required.push(key);
    }
    return { properties, required };
  }

  private field(field: Field): JsonSchema {
    let s: JsonSchema;
    switch (field.kind) {
      case 'attr':
      case 'text':
        s = valueSchema(field.type);
        break;
      case 'leaf':
        s = field.many ? array(valueSchema(field.type), field.required) : valueSchema(field.type);
        break;
      case 'flag':
        s = { type: 'boolean' };
        break;
      case 'any':
        s = { type: 'array', items: ref(NODE) };
        break;
      case 'child': {
        const item = this.element(resolve(field.def));
        s = field.many ? array(item, field.required) : item;
        break;
      }
    }
    if (field.doc) s = { ...s, description: field.doc };
    return s;
  }
}

function array(items: JsonSchema, required: boolean | undefined): JsonSchema {
  return required ? { type: 'array', items, minItems: 1 } : { type: 'array', items };
}

/** A value type as JSON Schema: its JSON type and the constraints validation checks too. */
export function valueSchema(type: ValueType<unknown>): JsonSchema {
  const info = type.info;
  const s: JsonSchema = { type: info.json };
  if (info.enum) s.enum = [...info.enum];
  if (info.pattern) s.pattern = info.pattern;
  if (info.minimum !== undefined) s.minimum = info.minimum;
  if (info.maximum !== undefined) s.maximum = info.maximum;
  return s;
}

/** The side field and kept XML nodes (define.ts `XmlSide`, xml/tree.ts `XmlNode`). */
function xmlDefs(): Record<string, JsonSchema> {
  const strings = { type: 'object', additionalProperties: { type: 'string' } };
  const nodes = { type: 'array', items: ref(NODE) };
  const closed = (properties: Record<string, JsonSchema>, required: string[]) => ({ type: 'object', properties, required, additionalProperties: false });
  return {
    [SIDE]: {
      description: 'What typed fields cannot hold, kept so that the object converts back to the same XML.',
      type: 'object',
      properties: {
        attrs: { ...strings, description: 'Attributes the model does not know, by qualified name, in document order.' },
        spell: { ...strings, description: 'Original spellings of typed values, by property.' },
        invalid: { ...strings, description: 'Raw text of values that could not be read as their type, by property.' },
        order: {
          description: 'Children in document order: a property name stands for the next item of that property; anything else is a node kept as it was.',
          type: 'array',
          items: { anyOf: [ref(NODE), closed({ text: { type: 'string' } }, ['text'])] },
        },
        leaf: {
          description: 'Side data of leaf and flag children, by property.',
          type: 'object',
          additionalProperties: { anyOf: [ref(SIDE), { type: 'array', items: { anyOf: [ref(SIDE), { type: 'null' }] } }] },
        },
        prolog: { ...nodes, description: 'Comments and processing instructions before the root element.' },
        epilog: { ...nodes, description: 'Comments and processing instructions after the root element.' },
      },
      additionalProperties: false,
    },
    [NODE]: {
      description: 'An XML node kept as it was: text, an element, a comment, CDATA or a processing instruction.',
      anyOf: [
        { type: 'string' },
        ref(ELEMENT),
        closed({ comment: { type: 'string' } }, ['comment']),
        closed({ cdata: { type: 'string' } }, ['cdata']),
        closed({ pi: { type: 'string' }, data: { type: 'string' } }, ['pi', 'data']),
      ],
    },
    [ELEMENT]: closed(
      {
        name: { type: 'string', description: 'Qualified name as written.' },
        attrs: strings,
        children: nodes,
        uri: { type: 'string', description: 'Namespace URI.' },
      },
      ['name', 'attrs', 'children'],
    ),
  };
}
