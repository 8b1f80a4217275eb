/**
 * Python model classes of a library that the evaluator knows only by where they are imported from: a LlamaIndex LLM
 * is `OpenAI(model="gpt-4-1106-preview")` with `from llama_index.llms import OpenAI` (0.9) or
 * `from llama_index.llms.openai import OpenAI` (0.10 and later), the same name as the OpenAI SDK's client, which names
 * no model. Imported from LlamaIndex, the object stands for its `model` (library-surfaces.ts `LLAMA_INDEX_LLM_CLASS`),
 * so a value holding it (`BUILDER_LLM` in a config module, handed on as `llm=BUILDER_LLM`) prices what is built on it.
 */
import type { Expr } from './facts';
import { LLAMA_INDEX_LLM_CLASS } from './library-surfaces';
import type { RepoStore } from './store';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** The model keywords of LlamaIndex LLM classes (`model`; `model_name` for a few integrations). */
const MODEL_KW = ['model', 'model_name'];

/**
 * A callee's fully qualified name where its head is imported from a module outside the repository
 * (`OpenAI` with `from llama_index.llms import OpenAI` → `llama_index.llms.OpenAI`); undefined otherwise.
 */
export function qualifiedCallee(store: RepoStore, path: string, callee: Expr): string | undefined {
  const parts: string[] = [];
  let e = callee;
  while (e.k === 'member') {
    parts.unshift(e.prop);
    e = e.obj;
  }
  if (e.k !== 'name') return undefined;
  const head = e.v;
  const file = store.get(path);
  const imp = file?.facts.imports.find((i) => i.local === head) ?? file?.facts.lateImports?.find((i) => i.local === head);
  if (!imp || imp.local === '*' || imp.module.startsWith('.') || store.modules.resolve(path, imp.module)) return undefined;
  return [imp.module, ...(imp.name ? [imp.name] : []), ...parts].join('.');
}

/** The expression naming the model of a library model class's construction, or undefined where the call is not one. */
export function libraryModelArg(store: RepoStore, path: string, e: CallExpr): Expr | undefined {
  if (!/\.pyi?$/.test(path)) return undefined;
  const name = qualifiedCallee(store, path, e.callee);
  if (!name || !LLAMA_INDEX_LLM_CLASS.test(name)) return undefined;
  return MODEL_KW.map((k) => e.kw[k]).find(Boolean);
}
