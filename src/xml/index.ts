export * from './tree.js';
export { parseXml, type ParseXmlOptions } from './parser.js';
export { escapeText, escapeAttr, checkXmlChars, writeNode, formatXmlDocument } from './writer.js';
export { XmlSyntaxError } from '../errors.js';
