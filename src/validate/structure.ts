// Placeholder: structural validation derived from the model definitions.
import type { AnyDocument } from '../model/index.js';
import type { Problem } from '../schema/problem.js';
import type { ValidateOptions } from './index.js';

export function checkStructure(_document: AnyDocument, _options: ValidateOptions): Problem[] {
  return [];
}
