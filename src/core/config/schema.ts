/**
 * The JSON schema of `tokenomics.json` and of the `tokenomics.*` settings
 * values, shipped as media/tokenomics.schema.json (VS Code validates the file
 * with it as the user types; we validate with the same file here, so the two
 * never disagree). Compiled once, on first use.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../media/tokenomics.schema.json';

export type SchemaPart = 'root' | 'customModel' | 'priceOverride';

let validators: Record<SchemaPart, ValidateFunction> | undefined;

function compile(): Record<SchemaPart, ValidateFunction> {
  // strict: false because the schema carries editor-only keywords (descriptions in Markdown).
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, 'tokenomics');
  return {
    root: ajv.getSchema('tokenomics')!,
    customModel: ajv.getSchema('tokenomics#/definitions/customModel')!,
    priceOverride: ajv.getSchema('tokenomics#/definitions/priceOverride')!,
  };
}

export function validateSchema(part: SchemaPart, value: unknown): readonly ErrorObject[] {
  validators ??= compile();
  const validate = validators[part];
  return validate(value) ? [] : (validate.errors ?? []);
}

/** The top-level keys the schema knows (settings keys without the `tokenomics.` prefix). */
export const SCHEMA_KEYS: readonly string[] = Object.keys(schema.properties).filter((k) => k !== '$schema');

export type { ErrorObject };
