/**
 * JSON schemas written as plain Python dicts that reach the model as data (LangGraph's data-enrichment templates:
 * `DEFAULT_EXTRACTION_SCHEMA = {"title": …, "description": …, "type": "object", "properties": {…}}`):
 *
 * - handed to the structured-output binding by name (`llm.with_structured_output(DEFAULT_SCHEMA)`): LangChain turns a
 *   dict schema into the tool (or JSON-schema response format) it sends, title as the tool's name, `description` as
 *   its description, the properties' descriptions as its parameters' (langchain-core `convert_to_openai_tool`, which
 *   takes a dict with `title`/`properties` as a JSON schema as is);
 * - the default of a state or configuration field (`extraction_schema: dict = field(default_factory=lambda:
 *   DEFAULT_EXTRACTION_SCHEMA)`, pydantic `Field(default_factory=…)` / `Field(default=…)`, or `= DEFAULT`) that a node
 *   reads back as `state.extraction_schema` into `with_structured_output(…)` or `json.dumps(…)` written into a prompt
 *   (`PROMPT.format(info=json.dumps(state.extraction_schema, indent=2))`).
 *
 * The dict is recorded as a schema of the module (by its name, and as `.field` for each field it is the default of);
 * the uses name it by name or as `.field`. The repository pass (repo/schema-prompts.ts) reports the dict where it is
 * written once some request sends it: a schema dict that only validates a config or a form, or is dumped to a log, is
 * never used that way and reported nowhere.
 */
import type { SchemaFact, SchemaUseFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { isObjectSchemaLiteral } from './json-schema-prompts';
import { SCHEMA_METHOD, enclosing } from './schema-prompts';
import { spanOf } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { inText } from './py-text-places';

/** Longest schema text kept (as schema-prompts.ts). */
const MAX_SCHEMA_CHARS = 6000;
/** Calls that copy a dict (`copy.deepcopy(SCHEMA)`, `dict(SCHEMA)`): the copy sends the same texts. */
const COPIES = /^(copy\.)?(deepcopy|copy)$|^dict$/;
/** A description of two words or more (`"description": "Official name of the company"`). */
const DESCRIBED = /["']description["']\s*:\s*[rfbu]*["']{1,3}[^"'\n]*[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

export interface SchemaDictFacts {
  readonly schemas: SchemaFact[];
  readonly uses: SchemaUseFact[];
}

export function findSchemaDicts(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode): SchemaDictFacts {
  const out: SchemaDictFacts = { schemas: [], uses: [] };
  if (syntax.language !== 'python') return out;
  const dicts = moduleSchemaDicts(syntax, root);
  for (const [name, dict] of dicts) out.schemas.push({ name, ...spanOf(dict), text: dict.text.slice(0, MAX_SCHEMA_CHARS) });
  if (dicts.size) {
    for (const cls of root.descendantsOfType('class_definition')) {
      for (const field of cls?.childForFieldName('body')?.namedChildren ?? []) {
        const assign = field?.type === 'expression_statement' ? field.namedChildren[0] : undefined;
        const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
        const dict = left?.type === 'identifier' ? defaultDict(assign!.childForFieldName('right'), dicts) : undefined;
        if (dict && !out.schemas.some((s) => s.name === `.${left!.text}`)) out.schemas.push({ name: `.${left!.text}`, ...spanOf(dict), text: dict.text.slice(0, MAX_SCHEMA_CHARS) });
      }
    }
  }
  for (const call of collected.calls) {
    const sent = sentField(syntax, call);
    if (!sent) continue;
    // A binding's use links the request on the model it configures; a dump in a text is read with that text.
    const { fn, target } = enclosing(call);
    const bound = syntax.callee(call) !== 'json.dumps';
    out.uses.push({ names: [sent], line: call.startPosition.row + 1, endLine: call.endPosition.row + 1, ...(fn ? { fn } : {}), ...(bound && target ? { target } : {}) });
  }
  return out;
}

/** Module-level `NAME = {"type": "object", "properties": {…}}` dicts with at least one written description. */
function moduleSchemaDicts(syntax: LanguageSyntax, root: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const stmt of root.namedChildren) {
    const assign = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== 'assignment') continue;
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'dictionary' || !isObjectSchemaLiteral(syntax, right) || !DESCRIBED.test(right.text)) continue;
    out.set(left.text, right);
  }
  return out;
}

/**
 * The schema dict a field's default names: `DEFAULT`, `field(default_factory=lambda: DEFAULT)`,
 * `Field(default=DEFAULT)`, `Field(DEFAULT)`, through a copy (`lambda: copy.deepcopy(DEFAULT)`, `DEFAULT.copy()`).
 */
function defaultDict(value: SyntaxNode | null, dicts: ReadonlyMap<string, SyntaxNode>): SyntaxNode | undefined {
  if (!value) return undefined;
  const direct = dictNamed(value, dicts);
  if (direct) return direct;
  if (value.type !== 'call' || !/^(dataclasses\.)?field$|^(pydantic\.)?Field$/.test(value.childForFieldName('function')?.text ?? '')) return undefined;
  for (const arg of value.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg) continue;
    if (arg.type === 'keyword_argument') {
      const key = arg.childForFieldName('name')?.text;
      const v = arg.childForFieldName('value');
      if (key === 'default' && v) return dictNamed(v, dicts);
      if (key === 'default_factory' && v?.type === 'lambda') {
        const body = v.childForFieldName('body');
        if (body) return dictNamed(body, dicts);
      }
    } else if (arg.id === value.childForFieldName('arguments')?.namedChildren[0]?.id) {
      const found = dictNamed(arg, dicts);
      if (found) return found;
    }
  }
  return undefined;
}

/** `DEFAULT`, `copy.deepcopy(DEFAULT)`, `dict(DEFAULT)`, `DEFAULT.copy()`: the module's schema dict named. */
function dictNamed(node: SyntaxNode, dicts: ReadonlyMap<string, SyntaxNode>): SyntaxNode | undefined {
  if (node.type === 'identifier') return dicts.get(node.text);
  if (node.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'copy') {
    const obj = fn.childForFieldName('object');
    return obj?.type === 'identifier' ? dicts.get(obj.text) : undefined;
  }
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  return COPIES.test(fn?.text ?? '') && first?.type === 'identifier' ? dicts.get(first.text) : undefined;
}

/**
 * `.field` when the call sends the field of an object as a schema: `llm.with_structured_output(state.extraction_schema)`,
 * or `json.dumps(state.extraction_schema)` written into a text (a `.format(…)` argument, an f-string, a `+` with a
 * string) that is no log line. A field read anywhere else (stored, returned, validated against) is no use.
 */
function sentField(syntax: LanguageSyntax, call: SyntaxNode): string | undefined {
  const callee = syntax.callee(call);
  const args = syntax.args(call);
  if (SCHEMA_METHOD.test(callee) && !/bind_?tools$/i.test(callee)) return fieldOf(args.positional[0] ?? args.named.get('schema'));
  if (callee === 'json.dumps' && inText(call)) {
    const first = args.positional[0];
    const field = fieldOf(first);
    // `json.dumps(DEFAULT_SCHEMA)` in a prompt: the constant by name (a module constant, upper case).
    return field ?? (first?.type === 'identifier' && /^[A-Z][A-Z0-9_]+$/.test(first.text) ? first.text : undefined);
  }
  return undefined;
}

/** `.b` for `a.b` (one attribute of a plain name: `state.extraction_schema`, `self.schema`). */
function fieldOf(node: SyntaxNode | undefined): string | undefined {
  if (node?.type !== 'attribute' || node.childForFieldName('object')?.type !== 'identifier') return undefined;
  const attr = node.childForFieldName('attribute')?.text;
  return attr ? `.${attr}` : undefined;
}

