/**
 * Schemas a repository sends by writing their JSON schema into a message: a conversation helper
 * `def require_schema(self, model): … schema = model.model_json_schema() … self.user(f"… {schema} …")`
 * turns every `convo.require_schema(Plan)` of the repository into a request that carries `Plan`'s
 * docstring and field descriptions. This file finds such helpers (a parameter whose JSON schema is
 * written into a text) and the classes a schema class nests (`steps: list[Step]`): pydantic's
 * `model_json_schema()` includes every nested model, so a nested class's descriptions are sent too.
 *
 * A parameter handed on to the structured-output binding itself is a sender too: `def bind_structured(llm, schema,
 * name): return llm.with_structured_output(schema)` makes every `bind_structured(llm, Plan, "…")` of the
 * repository send `Plan`, wherever the helper and the schemas live.
 *
 * A parameter whose schema is only returned, stored, dumped to a file or logged is not a sender: a JSON
 * parser that validates against `spec.model_json_schema()` sends nothing. Python only.
 */
import type { SchemaRefs, SchemaSenderFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { heldSchemaSender } from './held-schema-senders-py';
import { SCHEMA_KEYWORDS, SCHEMA_METHOD } from './schema-prompts';
import type { Collected, LanguageSyntax } from './syntax';
import { assignedLocal, inText } from './py-text-places';

/** The calls that give a pydantic model's JSON schema (v2 and v1 names). */
const SCHEMA_DUMP = /^(model_json_schema|schema_json|schema|json_schema)$/;
/** Bases of classes whose JSON schema a sender writes (as in schema-prompts.ts). */
const SCHEMA_BASE = /\b(BaseModel|TypedDict|Schema|LanceModel)\b/;
/** Names in annotations that are typing constructs, never a nested model. */
const TYPING = new Set(['List', 'Dict', 'Optional', 'Union', 'Annotated', 'Literal', 'Any', 'Set', 'Tuple', 'Sequence', 'Mapping', 'Field', 'Type', 'Iterable', 'FrozenSet', 'None', 'True', 'False']);
/** Nested names kept per class (a schema with more fields than this is read on its first ones). */
const MAX_REFS = 40;

export interface SenderFacts {
  readonly senders: SchemaSenderFact[];
  readonly refs: SchemaRefs;
}

export function findSchemaSenders(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode): SenderFacts {
  const out: SenderFacts = { senders: [], refs: {} };
  if (syntax.language !== 'python') return out;
  const add = (def: SyntaxNode, param: string): void => {
    const index = paramIndex(def, param);
    const name = def.childForFieldName('name')?.text;
    if (index !== undefined && name && !out.senders.some((s) => s.fn === name && s.param === index)) out.senders.push({ fn: name, param: index, line: def.startPosition.row + 1 });
  };
  for (const call of collected.calls) {
    const bound = boundParameter(syntax, call);
    const owner = bound ? enclosingFunction(call) : undefined;
    if (bound && owner) add(owner, bound);
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'attribute' || !SCHEMA_DUMP.test(fn.childForFieldName('attribute')?.text ?? '')) continue;
    // `self.pydantic_object.schema()` with `__init__` storing its parameter there: the class's constructor sends it.
    const held = fn.childForFieldName('object')?.type === 'attribute' ? heldSender(call, fn.childForFieldName('object')) : undefined;
    if (held && !out.senders.some((s) => s.fn === held.fn && s.param === held.param)) out.senders.push(held);
    const receiver = schemaOwner(fn.childForFieldName('object'));
    const def = receiver ? enclosingFunction(call) : undefined;
    if (!receiver || !def) continue;
    if (writtenIntoText(call, def)) add(def, receiver.text);
  }
  collectRefs(root, out.refs);
  return out;
}

function heldSender(call: SyntaxNode, receiver: SyntaxNode | null): SchemaSenderFact | undefined {
  const def = enclosingFunction(call);
  const held = def ? heldSchemaSender(receiver, call, def) : undefined;
  const name = held?.cls.childForFieldName('name')?.text;
  return held && name ? { fn: name, param: held.param, line: held.cls.startPosition.row + 1 } : undefined;
}

/**
 * The identifier a structured-output binding is handed as its schema: `llm.with_structured_output(schema)`,
 * `response_format=schema`. Not `tools` nor `bind_tools`: a parameter of tools is a list callers build, not one class.
 */
function boundParameter(syntax: LanguageSyntax, call: SyntaxNode): string | undefined {
  const callee = syntax.callee(call);
  const args = syntax.args(call);
  const values: (SyntaxNode | undefined)[] = [];
  if (SCHEMA_METHOD.test(callee) && !/bind_?tools$/i.test(callee)) values.push(args.positional[0] ?? args.named.get('schema'));
  for (const key of SCHEMA_KEYWORDS) if (key !== 'tools') values.push(args.named.get(key));
  return values.find((v) => v?.type === 'identifier')?.text;
}

/** `model` in `model.model_json_schema()`, and in `TypeAdapter(model).json_schema()`. */
function schemaOwner(obj: SyntaxNode | null): SyntaxNode | undefined {
  if (obj?.type === 'identifier') return obj;
  if (obj?.type === 'call' && obj.childForFieldName('function')?.text === 'TypeAdapter') {
    const first = obj.childForFieldName('arguments')?.namedChildren[0];
    return first?.type === 'identifier' ? first : undefined;
  }
  return undefined;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n;
    if (n.type === 'class_definition' || n.type === 'lambda') return undefined;
  }
  return undefined;
}

/** Position of the parameter as a caller passes it: `self`/`cls` of a method is not passed. */
function paramIndex(def: SyntaxNode, name: string): number | undefined {
  const params = (def.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is SyntaxNode => Boolean(p));
  const names = params.map((p) => (p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'))?.text));
  const inClass = def.parent?.type === 'block' || def.parent?.type === 'decorated_definition' ? isMethod(def) : false;
  const offset = inClass && (names[0] === 'self' || names[0] === 'cls') ? 1 : 0;
  const at = names.indexOf(name);
  return at >= offset ? at - offset : undefined;
}

function isMethod(def: SyntaxNode): boolean {
  const holder = def.parent?.type === 'decorated_definition' ? def.parent : def;
  return holder.parent?.type === 'block' && holder.parent.parent?.type === 'class_definition';
}

/**
 * The schema goes into a text: an f-string, a `.format(…)` or a `+`/`%` with a string, directly or
 * through one local (`schema_txt = json.dumps(model.model_json_schema())` then `f"…{schema_txt}…"`).
 */
function writtenIntoText(dump: SyntaxNode, def: SyntaxNode): boolean {
  const local = assignedLocal(dump, def);
  if (inText(dump, def)) return true;
  if (!local) return false;
  const body = def.childForFieldName('body');
  for (const id of body?.descendantsOfType('identifier') ?? []) {
    if (id?.text === local && id.startIndex > dump.endIndex && inText(id, def)) return true;
  }
  return false;
}

/** Classes a top-level schema class (or a type alias of them) names in its field annotations. */
function collectRefs(root: SyntaxNode, refs: SchemaRefs): void {
  for (const stmt of root.namedChildren) {
    const node = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (node?.type === 'class_definition' && SCHEMA_BASE.test(node.childForFieldName('superclasses')?.text ?? '')) {
      const name = node.childForFieldName('name')?.text;
      const names: string[] = [];
      for (const field of node.childForFieldName('body')?.namedChildren ?? []) {
        const assign = field?.type === 'expression_statement' ? field.namedChildren[0] : undefined;
        const type = assign?.type === 'assignment' ? assign.childForFieldName('type') : undefined;
        if (type) typeNames(type, names);
      }
      if (name && names.length) refs[name] = names.slice(0, MAX_REFS);
    } else if (node?.type === 'expression_statement' && node.namedChildren[0]?.type === 'assignment') {
      // `Step = Annotated[Union[SaveFileStep, CommandStep], Field(discriminator="type")]`
      const assign = node.namedChildren[0];
      const left = assign.childForFieldName('left');
      const right = assign.childForFieldName('right');
      if (left?.type !== 'identifier' || !right || !(right.type === 'subscript' || (right.type === 'binary_operator' && right.childForFieldName('operator')?.text === '|'))) continue;
      const names: string[] = [];
      typeNames(right, names);
      if (names.length) refs[left.text] = names.slice(0, MAX_REFS);
    }
  }
}

function typeNames(type: SyntaxNode, into: string[]): void {
  for (const id of [type, ...type.descendantsOfType('identifier')]) {
    if (id?.type !== 'identifier' || !/^[A-Z]/.test(id.text) || TYPING.has(id.text) || into.includes(id.text)) continue;
    // `StepType.SAVE_FILE` inside `Literal[…]`: an enum member, not a nested model.
    if (id.parent?.type === 'attribute') continue;
    into.push(id.text);
  }
}

export function withSenderFacts<F extends { schemaSenders?: readonly SchemaSenderFact[]; schemaRefs?: SchemaRefs }>(facts: F, found: SenderFacts): F {
  const hasRefs = Object.keys(found.refs).length > 0;
  if (!found.senders.length && !hasRefs) return facts;
  return { ...facts, ...(found.senders.length ? { schemaSenders: found.senders } : {}), ...(hasRefs ? { schemaRefs: found.refs } : {}) };
}
