/**
 * Python: a structured-output model built at run time with pydantic's `create_model(name, field=(type,
 * Field(description=…)), **{field: (type, Field(description=…))})` and handed to a request as its output format
 * (`client.beta.chat.completions.parse(response_format=translation_model(lang))`, the Responses API's
 * `responses.parse(text_format=…)`). The SDK turns the model into the request's JSON schema (openai-python
 * `lib/_pydantic.py` `to_strict_json_schema`), field descriptions included: the model reads each as it fills the field.
 *
 * Followed: the format given as the call of a function of this file (or `create_model(…)` in place) that returns the
 * `create_model(…)` call; each field's `Field(description=…)` given as a text or as the call of a helper of this file
 * returning one (`Field(description=_batch_field_description(language))`, returned-parts.ts). A `create_model` used
 * for validation or a settings class reaches no request and is not read.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import { returnedParts } from './returned-parts';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

/** Keyword arguments of a request that take an output model: Chat Completions `parse`, Responses `parse`. */
const FORMAT_KEYS = ['response_format', 'text_format'];
const CREATE_MODEL = /(^|\.)create_model$/;
const MAX_CALLS = 400;
const MAX_FIELDS = 40;

export function createdModelFieldsPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python') return;
  let prompts: PromptReader | undefined;
  for (const call of collected.calls.slice(0, MAX_CALLS)) {
    const args = call.childForFieldName('arguments');
    if (!args || !FORMAT_KEYS.some((k) => args.text.includes(k))) continue;
    const named = syntax.args(call).named;
    for (const key of FORMAT_KEYS) {
      const model = createdModel(syntax, named.get(key));
      if (!model) continue;
      prompts ??= new PromptReader(syntax, sites);
      for (const d of fieldDescriptions(syntax, model)) {
        if (syntax.isTextLiteral(d)) prompts.promptsFrom(d, 'tool-description', CONFIDENCE.tool, `field description of the model created for ${key}`);
        else for (const t of returnedParts(syntax, d)) prompts.promptsFrom(t, 'tool-description', CONFIDENCE.tool, `field description of the model created for ${key}, returned by the function it calls`);
      }
    }
  }
}

/** The `create_model(…)` call a format value is, or that the function of this file it calls returns. */
function createdModel(syntax: LanguageSyntax, value: SyntaxNode | undefined): SyntaxNode | undefined {
  if (value?.type !== 'call') return undefined;
  if (CREATE_MODEL.test(syntax.callee(value))) return value;
  const fn = value.childForFieldName('function');
  const found = fn?.type === 'identifier' ? syntax.resolve(fn) : undefined;
  // `@lru_cache def batch_translation_model(language):` resolves to the decorated definition.
  const def = found?.type === 'decorated_definition' ? found.childForFieldName('definition') : found;
  if (!def || def.id === fn!.id || def.type !== 'function_definition') return undefined;
  return syntax.returns(def).find((r) => r.type === 'call' && CREATE_MODEL.test(syntax.callee(r)));
}

/** The `description` of each `Field(…)` among the fields `create_model` is given (keywords and `**{…}` dicts). */
function fieldDescriptions(syntax: LanguageSyntax, call: SyntaxNode): SyntaxNode[] {
  const values: SyntaxNode[] = [];
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type === 'keyword_argument' && !arg.childForFieldName('name')?.text.startsWith('__')) {
      const v = arg.childForFieldName('value');
      if (v) values.push(v);
    } else if (arg?.type === 'dictionary_splat') {
      const dict = arg.namedChildren[0];
      for (const pair of dict?.type === 'dictionary' ? dict.namedChildren : []) {
        const v = pair?.type === 'pair' ? pair.childForFieldName('value') : undefined;
        if (v) values.push(v);
      }
    }
  }
  const out: SyntaxNode[] = [];
  for (const v of values.slice(0, MAX_FIELDS)) {
    // `(str, Field(description=…))` or `Annotated[str, Field(…)]`-free tuples only: the second element is the field.
    const field = v.type === 'tuple' ? v.namedChildren[1] : undefined;
    if (field?.type !== 'call' || !/(^|\.)Field$/.test(syntax.callee(field))) continue;
    const d = syntax.args(field).named.get('description');
    if (d) out.push(d);
  }
  return out;
}
