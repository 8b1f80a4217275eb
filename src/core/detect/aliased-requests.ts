/**
 * A request method bound to a name and called through it:
 *
 *   completion = client.chat.completions.create      # or `litellm.completion` on another branch
 *   ...
 *   response = completion(model=model, messages=messages)
 *
 * The bound method sends nothing where it is named; the call through the name is the request, with the
 * request method's rule applied to the call's own arguments. The same holds for an attribute holding the method
 * (`self._create = self.client.messages.create`) and for TypeScript's `const create = client.chat.completions.
 * create.bind(client)`. Only request methods of the rule table count (role `call`): an alias of a chat model's
 * `invoke` or of a field (`text = response.completion`) is not a request method, and a name bound to a call
 * result (`client = OpenAI()`) is not an alias at all.
 */
import type { CallContext, CallRule } from './frameworks';
import type { SyntaxNode } from './parser';
import type { Collected } from './syntax';

/** Names a request method may be held by: a bare name, or an attribute of `self`/`this`. */
const HOLDER = /^(?:(?:self|this)\.)?[A-Za-z_$][\w$]*$/;
/** Expression nodes that name a method without calling it. */
const REFERENCE = new Set(['attribute', 'member_expression', 'identifier']);

/** The method named by a declaration's value: the reference itself, or the target of `method.bind(receiver)`. */
function methodText(value: SyntaxNode): string | undefined {
  if (REFERENCE.has(value.type)) return value.text.replace(/\s+/g, '');
  if (value.type !== 'call_expression') return undefined;
  const fn = value.childForFieldName('function');
  if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'bind') return undefined;
  const target = fn.childForFieldName('object');
  return target && REFERENCE.has(target.type) ? target.text.replace(/\s+/g, '') : undefined;
}

export class RequestAliases {
  private aliases?: Map<string, string[]>;

  constructor(
    private readonly collected: Collected,
    private readonly classify: (callee: string, ctx: CallContext) => CallRule | undefined,
  ) {}

  /**
   * The rule of the request method `callee` names through an assignment, or undefined. With several bindings
   * (one per branch of an `if`), the last one written that is a request method wins: the others are the same
   * request through another client, and the call's own arguments hold the model either way.
   */
  ruleOf(callee: string, ctx: CallContext): CallRule | undefined {
    if (!HOLDER.test(callee)) return undefined;
    const targets = this.bindings().get(callee);
    if (!targets) return undefined;
    for (let i = targets.length - 1; i >= 0; i--) {
      if (targets[i] === callee) continue;
      const rule = this.classify(targets[i], ctx);
      if (rule?.role === 'call') return { ...rule, tag: 'aliased-request' };
    }
    return undefined;
  }

  private bindings(): Map<string, string[]> {
    if (this.aliases) return this.aliases;
    this.aliases = new Map();
    for (const d of this.collected.declarations) {
      if (d.isFunction || !HOLDER.test(d.nameNode.text)) continue;
      const target = methodText(d.value);
      if (!target || (!target.includes('.') && !this.collected.imports.has(target))) continue;
      const list = this.aliases.get(d.nameNode.text) ?? [];
      list.push(target);
      this.aliases.set(d.nameNode.text, list);
    }
    return this.aliases;
  }
}
