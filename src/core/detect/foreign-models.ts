/**
 * Chat models this file does not make: a parameter (`def build(llm): …`), a field (`self.llm`), an import, named
 * like a model. Such a value sends where it runs: invoked (`llm.ainvoke(…)`, `(prompt | llm).invoke(…)`), or as
 * the model step of a composition that runs elsewhere (`agent = get_messages | llm_with_tools` added as a graph
 * node, `return prompt | llm.bind_tools(tools)` from a builder). Its model is a ref the repository pass follows to
 * what the callers hand in (model-flow). The request methods and where they sit stay in requests.ts.
 */
import { exclusive } from './branches';
import type { ModelValue, ModelValues } from './model-resolve';
import type { SyntaxNode } from './parser';
import { passedModelRef } from './passed-models';
import type { LanguageSyntax } from './syntax';
import { toolsFrom } from './model-values';
import { unwrap } from './lcel-steps';

/** Runnable wrappers around a model: what they add to the request. */
export const WRAPS = /\.(bind_tools|bindTools|with_structured_output|withStructuredOutput|with_config|withConfig|with_retry|withRetry|with_fallbacks|withFallbacks|bind|configurable_fields)$/;
/** A name that says "this is a model object": `model`, `llm`, `self.chat_model`, `chatModel`. */
export const MODEL_NAME = /(^|_)(model|llm|chat_model|chat)$|[a-z](Model|Llm|LLM)$|^(model|llm)$/;
/** Names of runnables that are not models even when invoked like one. */
export const NOT_MODEL = /(graph|agent|chain|tool|executor|workflow|app|crew|retriever|runnable|parser|pipeline|embedding)s?$/i;
const MAX_HOPS = 6;

export interface Wrapping {
  tools: string[];
  toolsBound: boolean;
  structured: boolean;
}

export class ForeignModels {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly values: ModelValues,
    /** The values a local name holds where it is used (the declarations before the use, exclusive branches kept). */
    private readonly declarationsFor: (id: SyntaxNode) => SyntaxNode[],
  ) {}

  /** The model object under runnable wrappers: `llm` in `llm.bind_tools(T).with_retry()`. */
  baseOf(receiver: SyntaxNode): SyntaxNode {
    let n = receiver;
    for (let i = 0; i < 6; i++) {
      if ((n.type === 'call' || n.type === 'call_expression') && WRAPS.test(this.syntax.callee(n))) {
        const inner = this.syntax.receiver(n);
        if (!inner) break;
        n = inner;
      } else break;
    }
    return n;
  }

  /**
   * The one model-named operand of an LCEL pipe the receiver is (`chain = prompt | model | parser`, `(prompt | llm)`):
   * the chain sends its request on that model. None when no operand, or more than one, is named like a model.
   */
  pipedModel(receiver: SyntaxNode): SyntaxNode | undefined {
    const chain = this.syntax.resolve(receiver);
    if (chain.type !== 'binary_operator' || chain.childForFieldName('operator')?.text !== '|') return undefined;
    const operands: SyntaxNode[] = [];
    const flatten = (n: SyntaxNode, depth: number): void => {
      const u = unwrap(n);
      if (depth < 8 && u.type === 'binary_operator' && u.childForFieldName('operator')?.text === '|') {
        for (const side of [u.childForFieldName('left'), u.childForFieldName('right')]) if (side) flatten(side, depth + 1);
      } else operands.push(this.baseOf(u));
    };
    flatten(chain, 0);
    const models = operands.filter((o) => isModelNamed(this.syntax.name(o) ?? ''));
    return models.length === 1 ? models[0] : undefined;
  }

  /**
   * What a model-named value made elsewhere holds, for the repository pass: a resolved model, or a ref to follow.
   * Undefined when the name is no model's, or when this file makes it from something that is not a model (a graph,
   * an agent).
   */
  valueOf(base: SyntaxNode): ModelValue | undefined {
    if (!isModelNamed(this.syntax.name(base) ?? '')) return undefined;
    const target = this.syntax.resolve(base);
    // Handed in (`llm=None` filled by the body) or a fallback between such values (`a or self.llm`): passed-models.ts.
    const passed = target.id !== base.id ? passedModelRef(this.syntax, base, target, (n) => this.values.resolve(n)) : undefined;
    if (!passed && target.id !== base.id && target.type !== 'identifier' && target.type !== 'attribute' && target.type !== 'member_expression') {
      const value = this.values.resolve(base);
      if (!value.ref || value.ref.kind !== 'call') return undefined;
      if (NOT_MODEL.test(value.ref.text.split('.').pop() ?? '') || /create_.*agent|compile|StateGraph/i.test(value.ref.text)) return undefined;
    }
    const value = passed ? { ref: passed } : this.values.resolve(base);
    return value.model || value.ref ? value : undefined;
  }

  /**
   * The model-named value made elsewhere that a composition's element is, through local names and runnable
   * wrappers (`llm_with_tools` that is `llm.bind_tools(tools)` in one branch and `llm` in the other: both `llm`, a
   * parameter). The wrappers' tools and structured output go into `wrap`. Undefined when the element may be
   * anything else, or two different such values.
   */
  stepModel(node: SyntaxNode, wrap: Wrapping): SyntaxNode | undefined {
    const bases: SyntaxNode[] = [];
    if (!this.collect(node, wrap, bases, 0)) return undefined;
    const names = new Set(bases.map((b) => b.text));
    return names.size === 1 && this.valueOf(bases[0]) ? bases[0] : undefined;
  }

  private collect(node: SyntaxNode, wrap: Wrapping, out: SyntaxNode[], depth: number): boolean {
    if (depth > MAX_HOPS) return false;
    const n = unwrap(node);
    if ((n.type === 'call' || n.type === 'call_expression') && WRAPS.test(this.syntax.callee(n))) {
      const callee = this.syntax.callee(n);
      const args = this.syntax.args(n);
      if (/bind_tools|bindTools/.test(callee)) {
        wrap.toolsBound = true;
        if (args.positional[0]) wrap.tools.push(...toolsFrom(this.syntax, args.positional[0]));
      }
      if (/with_structured_output|withStructuredOutput/.test(callee)) wrap.structured = true;
      const inner = this.syntax.receiver(n);
      return inner ? this.collect(inner, wrap, out, depth + 1) : false;
    }
    if (n.type === 'identifier') {
      const values = this.declarationsFor(n);
      // A name no declaration of the file gives a value: a parameter or an import.
      if (!values.length) return isModelNamed(n.text) && void out.push(n) === undefined;
      // Several values are alternatives only where their branches exclude each other.
      if (values.length > 1 && values.some((v, i) => values.some((w, j) => j > i && !exclusive(v, w)))) return false;
      return values.every((v) => this.collect(v, wrap, out, depth + 1));
    }
    if (n.type === 'attribute' || n.type === 'member_expression') {
      if (!isModelNamed(this.syntax.name(n) ?? '')) return false;
      out.push(n);
      return true;
    }
    return false;
  }
}

export function isModelNamed(name: string): boolean {
  return MODEL_NAME.test(name) && !NOT_MODEL.test(name);
}
