/**
 * Values of a configuration file that the code formats into a prompt: a settings getter returns
 * `yaml.safe_load(open(ROOT / "config.yaml"))`, and a node fills its prompt with what it read,
 *
 *     cfg = get_config(config)
 *     prompt = TRIAGE_PROMPT.format(background=cfg["background"], triage_no=cfg.get("triage_no"))
 *
 * The file holds no key that says "prompt" (`background`, `triage_no`, `task_description`), yet the texts under the
 * keys read there are sent inside the prompt like the template's own text. The flow decides, not the key's name:
 * the template being formatted is a prompt detection reports, and the value formatted in is a key of a configuration
 * document the evaluator reaches from the formatting function (through getters, locals and file reads). Those keys'
 * texts are reported as prompts of the configuration file (loaded-prompt-files.ts).
 */
import type { DetectedPrompt } from '../detect/types';
import type { ConfigDoc } from './config-files';
import type { Ctx, Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import type { Expr, FunctionFact } from './facts';
import type { RepoStore } from './store';

export interface FormattedConfig {
  readonly doc: ConfigDoc;
  /** The keys read out of the document into a prompt's slots. */
  readonly keys: Set<string>;
}

/** Per configuration file, the keys whose values Python code formats into a reported prompt. */
export function configKeysFormattedIntoPrompts(store: RepoStore, evaluator: Evaluator): Map<string, FormattedConfig> {
  const out = new Map<string, FormattedConfig>();
  for (const stored of store.files()) {
    for (const f of stored.facts.sent?.formats ?? []) {
      const fn = f.fn ? stored.functions.get(f.fn) : undefined;
      const ctx: Ctx = { path: stored.file.path, fn };
      const reads = f.values.map((v) => configRead(evaluator, fn ? local(fn, v) : v, ctx)).filter((r) => r !== undefined);
      // The template is evaluated only where a configuration value is formatted in (most calls format none).
      if (!reads.length || !isReportedPrompt(store, evaluator, f.template, ctx)) continue;
      for (const read of reads) {
        const entry = out.get(read.doc.path) ?? { doc: read.doc, keys: new Set<string>() };
        entry.keys.add(read.key);
        out.set(read.doc.path, entry);
      }
    }
  }
  return out;
}

/** `background = cfg["background"]` … `.format(background=background)`: the local's first assignment, one hop. */
function local(fn: FunctionFact, e: Expr): Expr {
  return e.k === 'name' ? (fn.locals[e.v] ?? e) : e;
}

/** `cfg["key"]` / `cfg.get("key", …)` where `cfg` evaluates to a configuration document: the document and the key. */
function configRead(evaluator: Evaluator, e: Expr, ctx: Ctx): { doc: ConfigDoc; key: string } | undefined {
  let obj: Expr | undefined;
  let key: string | undefined;
  if (e.k === 'index') {
    obj = e.obj;
    key = e.key;
  } else if (e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'get' && e.args[0]?.k === 'str') {
    obj = e.callee.obj;
    key = e.args[0].v;
  }
  if (!obj || !key) return undefined;
  const v = tryEval(evaluator, obj, ctx);
  return v?.t === 'cfg' ? { doc: v.doc, key } : undefined;
}

/** The template formatted is a text detection reports as a prompt where it is written. */
function isReportedPrompt(store: RepoStore, evaluator: Evaluator, template: Expr, ctx: Ctx): boolean {
  const v = tryEval(evaluator, template, ctx);
  if (v?.t !== 'str' || v.via !== 'code') return false;
  const prompts: readonly DetectedPrompt[] = store.get(v.at.path)?.file.prompts ?? [];
  return prompts.some((p) => p.line <= v.at.line && v.at.line <= p.endLine);
}

