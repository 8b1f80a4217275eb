/**
 * Prompt look-alikes written into training data, never sent: a fine-tuning set builder formats its system prompt
 * and a chat template into each example and writes the examples to a file.
 *
 *     SYSTEM_PROMPT = """You're a frontend web developer …"""
 *     compiled = LLAMA3_TEMPLATE.format(system_prompt=SYSTEM_PROMPT, prompt=prompt, answer=answer)
 *     evals.write(json.dumps({"text": compiled}, ensure_ascii=False) + "\n")
 *
 * A text named like a prompt whose every read in its file ends in a file write (through `.format`, `%`, `+`,
 * f-strings, containers, `json.dumps`, and locals assigned from them), with nothing else done with it than
 * counting or printing it, is data of that file, not a prompt of the application. One read that goes anywhere
 * else (a call, a return, an attribute, a request body) keeps it a prompt. Python only.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/** Calls that put their argument into a file (`f.write`, `json.dump(obj, f)`, a csv writer), not a process's stdin. */
const WRITES = /(^|\.)(write|writelines|writerow|writerows)$|^json\.dump$/;
/** Calls that carry their argument into the text or object they return (followed on to where that goes). */
const CARRIES = /(^|\.)(format|format_map|join|strip|rstrip|lstrip|replace)$|^(json\.dumps|str|dict|list|tuple)$/;
/** Calls that only measure or show the text (token counts, logs): neither a use as a prompt nor a write. */
const HARMLESS = /^(len|print)$|(^|\.)(encode|count_tokens|num_tokens_from_string)$|^(logging|logger|log)\.\w+$/;
/** Node types a value passes through unchanged on its way to the call that gets it. */
const CARRIERS = new Set(['parenthesized_expression', 'binary_operator', 'interpolation', 'string', 'concatenated_string', 'pair', 'dictionary', 'list', 'tuple', 'keyword_argument']);
/** How many locals (`compiled = TEMPLATE.format(…)`) a text is followed through. */
const MAX_HOPS = 3;
const MAX_READS = 40;

type Fate = 'write' | 'harmless' | 'other';

/** Whether the prompt-named text `nameNode` is assigned to only ends in file writes in this file (see the file comment). */
export function onlyWrittenToFile(syntax: LanguageSyntax, nameNode: SyntaxNode): boolean {
  if (syntax.language !== 'python' || nameNode.type !== 'identifier') return false;
  const fates = readFates(syntax, nameNode, 0);
  return fates.length > 0 && fates.includes('write') && !fates.includes('other');
}

/** Where each read of the name goes, within the function it is assigned in (the module for module-level names). */
function readFates(syntax: LanguageSyntax, nameNode: SyntaxNode, hops: number): Fate[] {
  const scope = scopeOf(nameNode);
  const reads = scope.descendantsOfType('identifier').filter((id): id is SyntaxNode => Boolean(id && id.text === nameNode.text && id.id !== nameNode.id && !isWrittenName(id)));
  if (reads.length > MAX_READS) return ['other'];
  return reads.map((id) => fateOf(syntax, id, hops));
}

/** Where one read ends: climbing through carriers and carrying calls to a write, a harmless call, or anything else. */
function fateOf(syntax: LanguageSyntax, read: SyntaxNode, hops: number): Fate {
  let node = read;
  for (let step = 0; step < 30; step++) {
    const parent = node.parent;
    if (!parent) return 'other';
    // `TEMPLATE.format(…)`: the receiver of a carrying method goes into what the call returns.
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === node.id) {
      const call = parent.parent;
      if (call?.type !== 'call' || !CARRIES.test(parent.childForFieldName('attribute')?.text ?? '')) return 'other';
      node = call;
      continue;
    }
    if (parent.type === 'argument_list') {
      const call = parent.parent;
      const callee = call?.type === 'call' ? syntax.callee(call) : '';
      if (/(^|\.)stdin\.write$/.test(callee)) return 'other';
      // `records.append(example)`: where the list goes.
      const list = /^\w+\.(append|extend)$/.test(callee) ? call?.childForFieldName('function')?.childForFieldName('object') : undefined;
      if (list?.type === 'identifier') return hops < MAX_HOPS ? fateOfAll(readFates(syntax, list, hops + 1)) : 'other';
      if (WRITES.test(callee)) return 'write';
      if (HARMLESS.test(callee)) return 'harmless';
      if (!call || !CARRIES.test(callee)) return 'other';
      node = call;
      continue;
    }
    if (parent.type === 'keyword_argument' && parent.childForFieldName('value')?.id !== node.id) return 'other';
    if (parent.type === 'pair' && parent.childForFieldName('value')?.id !== node.id) return 'other';
    if (CARRIERS.has(parent.type)) {
      node = parent;
      continue;
    }
    // `compiled = TEMPLATE.format(…)`: where the local goes.
    if (parent.type === 'assignment' && parent.childForFieldName('right')?.id === node.id) {
      const left = parent.childForFieldName('left');
      if (left?.type !== 'identifier' || hops >= MAX_HOPS) return 'other';
      return fateOfAll(readFates(syntax, left, hops + 1));
    }
    // `for example in records:`: where each item goes.
    if (parent.type === 'for_statement' && parent.childForFieldName('right')?.id === node.id) {
      const left = parent.childForFieldName('left');
      if (left?.type !== 'identifier' || hops >= MAX_HOPS) return 'other';
      return fateOfAll(readFates(syntax, left, hops + 1));
    }
    return 'other';
  }
  return 'other';
}

/** One fate for a local's reads: any other use keeps it, a write with harmless uses beside it is a write. */
function fateOfAll(fates: readonly Fate[]): Fate {
  if (!fates.length || fates.includes('other')) return 'other';
  return fates.includes('write') ? 'write' : 'harmless';
}

/** Whether a value written in place (a message dict of a fine-tuning example) only ends in a file write. */
export function endsInFileWrite(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  return syntax.language === 'python' && fateOf(syntax, node, 0) === 'write';
}

/** The function a name is assigned in, or the module. */
function scopeOf(node: SyntaxNode): SyntaxNode {
  let n = node.parent;
  while (n && n.type !== 'function_definition' && n.type !== 'module') n = n.parent;
  return n ?? node;
}

/** The name on the left of an assignment (`x = …` again), a keyword's name or an attribute's name: not a read of the text. */
function isWrittenName(id: SyntaxNode): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) return true;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) return true;
  return /^(assignment|augmented_assignment)$/.test(parent.type) && parent.childForFieldName('left')?.id === id.id;
}
