/**
 * The texts a request sends that live elsewhere in the repository, gathered for one call: prompt files its named
 * inputs and inline loader calls read, prompts held by the classes that build its messages, texts callers pass to the
 * wrappers it sits in (and the files they pick by key), and schemas sent as its tools. The repository index
 * (index.ts) memoizes the result per call; each source is its own module.
 */
import type { DetectedCall } from '../detect/types';
import type { Ctx, Evaluator, Val } from './evaluate';
import { tryEval } from './eval-args';
import type { CallFact, Expr } from './facts';
import { heldPrompts, type HeldPromptSources } from './held-prompts';
import { filesNamedByInputs } from './loaded-prompt-files';
import { inlineLoaded, inputNamesOf } from './message-list-files';
import { schemasOfCall } from './schema-prompts';
import { largestGroup, type allSentTexts } from './sent-texts';
import type { RepoStore } from './store';
import type { LoadedPrompt } from './types';

export interface LoadedPromptsHost {
  readonly store: RepoStore;
  readonly evaluator: Evaluator;
  fileText(path: string): string | undefined;
  heldSources(): HeldPromptSources;
  sent(): ReturnType<typeof allSentTexts>;
}

/** Where the call's request expression is read: its context, and the call's fact. */
export interface CallAt {
  readonly ctx: Ctx;
  readonly fact?: CallFact;
}

export function loadedPromptsOfCall(h: LoadedPromptsHost, path: string, call: DetectedCall, at: CallAt): LoadedPrompt[] {
  const evalIn = (e: Expr, ctx: Ctx): Val | undefined => tryEval(h.evaluator, e, ctx);
  const out: LoadedPrompt[] = [];
  const fact = at.fact;
  const names = new Set([...call.inputPlaceholders, ...(fact?.inputs ?? [])]);
  out.push(...filesNamedByInputs(names, call.line, (e) => evalIn(e, at.ctx), (p) => h.fileText(p), evalIn));
  // Loader calls written inline in the request's messages (message-list-files.ts).
  for (const l of inlineLoaded(call, at.ctx.fn?.calls ?? h.store.get(path)?.facts.moduleCalls ?? [], at.ctx, evalIn, (p) => h.fileText(p))) if (!out.some((o) => o.path === l.path)) out.push(l);
  // Prompts held by instance attributes of the classes that build this request's messages (held-prompts.ts).
  if (fact?.fn && !call.agent) {
    for (const held of heldPrompts(h.heldSources(), path, fact.fn)) if (!out.some((o) => o.path === held.path && o.line === held.line)) out.push(held);
  }
  // Texts callers pass to the wrappers this request sits in, and the prompt files they pick by key (sent-texts.ts).
  const sent = largestGroup(h.sent().byCall.get(`${path}#${call.id}`) ?? [], (p) => h.fileText(p));
  for (const t of sent?.texts ?? []) out.push({ name: t.fact.fn ?? 'text', path: t.path, text: t.fact.text, from: { path: t.path, line: t.fact.line }, line: t.fact.line, detail: `passed by ${sent!.key.replace('#', ' ')}` });
  for (const f of sent?.files ?? []) {
    const text = h.fileText(f.path);
    if (text !== undefined && !out.some((o) => o.path === f.path)) out.push({ name: f.key, path: f.path, text, from: f.from, detail: `picked by key "${f.key}" at ${f.from.path}:${f.from.line}` });
  }
  if (fact) {
    for (const hit of schemasOfCall(h.store, h.evaluator, path, fact, call)) {
      out.push({ name: hit.name, path: hit.path, text: hit.schema.text, from: hit.use, line: hit.schema.line, asTool: true });
    }
  }
  return out;
}

/** A request through the repository's chat-model family: the prompt files its named inputs hold (message-list-files.ts). */
export function familyLoadedPrompts(h: LoadedPromptsHost, site: { readonly expr: Extract<Expr, { k: 'call' }>; readonly ctx: Ctx }, call: DetectedCall): LoadedPrompt[] {
  const evalIn = (e: Expr, ctx: Ctx): Val | undefined => tryEval(h.evaluator, e, ctx);
  return filesNamedByInputs(inputNamesOf(site.expr), call.line, (e) => evalIn(e, site.ctx), (p) => h.fileText(p), evalIn);
}
