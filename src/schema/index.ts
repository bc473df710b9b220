export * from './define.js';
export { t, type ValueType, type ValueInfo } from './values.js';
export { decodeElement, encodeElement, type DecodeOptions, type SourcePosition } from './codec.js';
export { defineDocument, parseDocument, decodeDocument, xmlOptions, formatDocument, type DocumentDef, type ParseOptions } from './document.js';
export { checkDocument, checkElement, type CheckOptions } from './check.js';
export { jsonSchema, valueSchema, type JsonSchema } from './jsonschema.js';
