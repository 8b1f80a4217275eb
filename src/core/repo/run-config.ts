/**
 * A LangGraph / LangChain run's configuration: a graph node reads `config.configurable.customModelName`
 * (or `config.configurable?.model`, `config["configurable"]["model"]`), and whoever starts the run
 * supplies it (`client.runs.stream(thread, assistant, { config: { configurable: { … } } })`), usually
 * the app's UI. Like a server route's request body (model-flow.ts), the code path stops at the client:
 * the field is client input, priced on the UI's default when the repository has one (ui-defaults.ts).
 * A default the code writes itself (`configurable.model ?? "claude-3-5-haiku"`) is what runs when the
 * client sends nothing, so it is preferred to the client value.
 *
 * TypeScript and JavaScript only: Python graphs read their configuration through a settings class whose
 * field defaults the evaluator already follows (`Configuration.from_runnable_config(config)`).
 */
import type { Expr } from './facts';
import type { ClientValue } from './model-flow';
import type { Val } from './values';

const SCRIPT = /\.[cm]?[jt]sx?$/;

function keyOf(e: Expr): string | undefined {
  return e.k === 'member' ? e.prop : e.k === 'index' ? e.key : undefined;
}

function objOf(e: Expr): Expr | undefined {
  return e.k === 'member' || e.k === 'index' ? e.obj : undefined;
}

/** `<x>.configurable.<field>` read in a script file: the field the run's starter sends, or undefined. */
export function runConfigField(e: Expr, path: string): ClientValue | undefined {
  if (!SCRIPT.test(path)) return undefined;
  const field = keyOf(e);
  const holder = objOf(e);
  if (!field || !holder || keyOf(holder) !== 'configurable') return undefined;
  return { t: 'client', path, line: e.line, field, from: 'run-config' };
}

export function isRunConfigValue(v: Val | undefined): boolean {
  return v?.t === 'client' && v.from === 'run-config';
}

/** A run-config value with a code default beside it (`?? "…"`, `.get(key, "…")`): the code default, when it resolves. */
export function preferCodeDefault(hit: Val | undefined, fallback: (() => Val | undefined) | undefined): Val | undefined {
  if (!fallback) return hit;
  if (!hit) return fallback();
  if (!isRunConfigValue(hit)) return hit;
  return fallback() ?? hit;
}
