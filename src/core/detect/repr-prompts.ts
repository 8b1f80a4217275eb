/**
 * The text form of objects a request sends (Python): a function that makes a request takes
 * `snippets: List[CitedSnippet]` and passes `snippets` into the request's input, so the prompt template renders
 * each item with `str()` / `repr()`. The text `CitedSnippet.__repr__` (or `__str__`) returns, written in this file,
 * is what the model reads for each item:
 *
 *     def __repr__(self) -> str:
 *         return f"{{i: {self.index}, text: {self.text}, url: {self.url}}}"
 *
 * Only classes of this file named by a parameter annotation of the requesting function, whose parameter the request
 * itself is given; a `__repr__` for logs of a class nothing sends is left alone.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

/** Text forms Python uses when an object is formatted into a string or a list of them is. */
const TEXT_FORM = /^__(repr|str)__$/;

export function findReprPrompts(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python' || !sites.calls.length) return;
  const forms = textForms(collected);
  if (!forms.size) return;
  const reader = new PromptReader(syntax, sites);
  const requestLines = new Set(sites.calls.filter((c) => c.role !== 'binding').map((c) => c.line));
  for (const call of collected.calls) {
    if (!requestLines.has(call.startPosition.row + 1)) continue;
    const fn = enclosingFunction(call);
    if (!fn) continue;
    const args = call.childForFieldName('arguments');
    if (!args) continue;
    const passed = new Set(args.descendantsOfType('identifier').map((i) => i?.text));
    for (const [param, classes] of annotatedParams(fn)) {
      if (!passed.has(param)) continue;
      for (const cls of classes) {
        for (const returned of forms.get(cls) ?? []) reader.promptsFrom(returned, 'other', CONFIDENCE.key, `${cls}.__repr__: the text of each ${cls} passed to the request as ${param}`);
      }
    }
  }
}

/** Class name → the text literals its `__repr__` / `__str__` returns. */
function textForms(collected: Collected): Map<string, SyntaxNode[]> {
  const out = new Map<string, SyntaxNode[]>();
  for (const d of collected.declarations) {
    if (!d.isFunction || !TEXT_FORM.test(d.name)) continue;
    const def = d.value.type === 'decorated_definition' ? d.value.childForFieldName('definition') : d.value;
    const holder = def?.parent?.type === 'decorated_definition' ? def.parent : def;
    const cls = holder?.parent?.type === 'block' ? holder.parent.parent : undefined;
    const name = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
    if (!def || !name) continue;
    const texts = def.descendantsOfType('return_statement').map((r) => r?.firstNamedChild).filter((v): v is SyntaxNode => v?.type === 'string');
    if (texts.length) out.set(name, [...(out.get(name) ?? []), ...texts]);
  }
  return out;
}

/** Parameters of a function by the class names their annotation mentions (`List[CitedSnippet]` → CitedSnippet). */
function annotatedParams(fn: SyntaxNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || !/typed(_default)?_parameter/.test(p.type)) continue;
    const name = p.type === 'typed_parameter' ? p.namedChildren.find((c) => c?.type === 'identifier')?.text : p.childForFieldName('name')?.text;
    const type = p.childForFieldName('type')?.text;
    if (name && type) out.set(name, [...type.matchAll(/[A-Z]\w*/g)].map((m) => m[0]));
  }
  return out;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}
