/**
 * Classes that take a schema in their constructor and write its JSON schema into the format instructions they build
 * (gpt_academic's `GptJsonIO`, LangChain's `PydanticOutputParser(pydantic_object=…)` written by hand):
 *
 *     class GptJsonIO():
 *         def __init__(self, schema):
 *             self.pydantic_object = schema
 *             self.format_instructions = self.generate_format_instructions()
 *         def generate_format_instructions(self):
 *             schema = self.pydantic_object.schema()
 *             reduced_schema = schema
 *             schema_str = json.dumps(reduced_schema)
 *             return PYDANTIC_FORMAT_INSTRUCTIONS.format(schema=schema_str)
 *
 * `GptJsonIO(UserIntention)` anywhere in the repository sends `UserIntention`'s field descriptions with the instructions.
 * The class is recorded as a schema sender (repo/schema-senders.ts) on its constructor's parameter: the dump's receiver
 * is an attribute of `self` that `__init__` sets from that parameter, and the dump flows (through locals) into a text.
 * A class that keeps the schema only to validate replies (`self.model.parse_obj(…)`, `self.model.schema()` logged or
 * returned as data) is not a sender.
 */
import type { SyntaxNode } from './parser';
import { assignedLocal, inText } from './py-text-places';

/** Locals followed from the dump to the text (`schema` → `reduced_schema` → `schema_str`). */
const MAX_HOPS = 4;

/** `{ cls, param }` when `self.attr.schema()` in `def_` dumps a schema `__init__` stores from its parameter number `param`. */
export function heldSchemaSender(receiver: SyntaxNode | null, dump: SyntaxNode, def: SyntaxNode): { cls: SyntaxNode; param: number } | undefined {
  if (receiver?.type !== 'attribute' || receiver.childForFieldName('object')?.text !== 'self') return undefined;
  const attr = receiver.childForFieldName('attribute')?.text;
  const cls = classOf(def);
  const init = cls ? method(cls, '__init__') : undefined;
  if (!attr || !cls || !init) return undefined;
  const param = storedParameter(init, attr);
  return param !== undefined && flowsIntoText(dump, def) ? { cls, param } : undefined;
}

function classOf(def: SyntaxNode): SyntaxNode | undefined {
  const holder = def.parent?.type === 'decorated_definition' ? def.parent : def;
  const cls = holder.parent?.type === 'block' ? holder.parent.parent : undefined;
  return cls?.type === 'class_definition' ? cls : undefined;
}

function method(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const fn = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === name) return fn;
  }
  return undefined;
}

/** The position (as callers pass it, `self` left out) of the parameter `__init__` stores as `self.attr`. */
function storedParameter(init: SyntaxNode, attr: string): number | undefined {
  const params = (init.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.type === 'identifier' ? p.text : p?.childForFieldName('name')?.text ?? p?.namedChildren.find((c) => c?.type === 'identifier')?.text));
  for (const assign of init.childForFieldName('body')?.descendantsOfType('assignment') ?? []) {
    const left = assign?.childForFieldName('left');
    const right = assign?.childForFieldName('right');
    if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self' || left.childForFieldName('attribute')?.text !== attr) continue;
    const at = right?.type === 'identifier' ? params.indexOf(right.text) : -1;
    if (at >= 1) return at - 1;
  }
  return undefined;
}

/**
 * The dump's value reaches a text in its function: a `.format(…)` argument, an f-string, a `+`/`%` with a string,
 * directly or through locals assigned from it (`schema_str = json.dumps(reduced_schema)`), outside logs and errors.
 */
function flowsIntoText(dump: SyntaxNode, def: SyntaxNode): boolean {
  if (inText(dump, def)) return true;
  const held = new Set<string>();
  const first = assignedLocal(dump, def);
  if (!first) return false;
  held.add(first);
  const ids = (def.childForFieldName('body')?.descendantsOfType('identifier') ?? []).filter((id): id is SyntaxNode => Boolean(id && id.startIndex > dump.endIndex));
  for (const id of ids) {
    if (!held.has(id.text) || isAssignedName(id)) continue;
    if (inText(id, def)) return true;
    const next = assignedLocal(id, def);
    if (next && held.size <= MAX_HOPS) held.add(next);
  }
  return false;
}

function isAssignedName(id: SyntaxNode): boolean {
  return id.parent?.type === 'assignment' && id.parent.childForFieldName('left')?.id === id.id;
}

