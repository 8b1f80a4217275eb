/**
 * A Python function's parameters as facts: names, defaults and annotations, and the name of its `**kwargs`
 * parameter. The keywords a caller passes beyond the named parameters land in that dict: a class built as
 * `Agent(max_rounds=…)` whose `__init__(self, config=None, **kwargs)` hands them on (`Config(**kwargs)`) keeps
 * the caller's value (evaluate.ts reads the name as the bound call's extra keywords).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, ParamFact } from './facts';

export function pythonParams(def: SyntaxNode, expr: (n: SyntaxNode) => Expr): { params: ParamFact[]; kwargs?: string } {
  const params: ParamFact[] = [];
  let kwargs: string | undefined;
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') params.push({ name: p.text });
    else if (p.type === 'typed_parameter') {
      const id = p.namedChildren.find((c) => c?.type === 'identifier');
      const splat = p.namedChildren.find((c) => c?.type === 'dictionary_splat_pattern');
      const type = paramType(p.childForFieldName('type'));
      if (id) params.push({ name: id.text, ...(type ? { type } : {}) });
      else if (splat) kwargs = splatName(splat);
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const n = p.childForFieldName('name');
      const v = p.childForFieldName('value');
      const type = paramType(p.childForFieldName('type'));
      if (n) params.push({ name: n.text, default: v ? expr(v) : undefined, ...(type ? { type } : {}) });
    } else if (p.type === 'dictionary_splat_pattern') kwargs = splatName(p);
  }
  return kwargs ? { params, kwargs } : { params };
}

function splatName(p: SyntaxNode): string | undefined {
  return p.namedChildren.find((c) => c?.type === 'identifier')?.text;
}

/**
 * A parameter's annotation: a plain class (`LLMConfig`, `config.LLMConfig`, `LLMConfig | None`) as its
 * name, so its defaults can be read; anything else (`Union[A, B]`, `list[Model]`) as written, for the
 * call graph to pick the classes out of.
 */
function paramType(node: SyntaxNode | null | undefined): string | undefined {
  return classType(node) ?? node?.text;
}

/** A plain class annotation (`LLMConfig`, `config.LLMConfig`, `LLMConfig | None`): its name; not builtins or generics. */
function classType(node: SyntaxNode | null | undefined): string | undefined {
  const text = node?.text.replace(/\s*\|\s*None$|^Optional\[(.*)\]$/, '$1').trim();
  return text && /^([A-Za-z_]\w*\.)*[A-Z]\w*$/.test(text) && !/^(Any|Dict|List|Callable|Optional|Union|Type)$/.test(text) ? text : undefined;
}
