/**
 * A request made on an object that binds its model: the object's model, wherever the object is built.
 *
 * SDKs whose model objects carry the model send without naming it again: Google's
 * `flash = genAI.getGenerativeModel({ model: "gemini-2.0-flash" })` then `flash.generateContent(prompt)`,
 * `genai.GenerativeModel("gemini-1.5-flash").generate_content(…)`, a LangChain chat model held in a module
 * constant (`export const llm = new ChatOpenAI({ model: "gpt-4o-mini" })`) then `llm.invoke(messages)`, Vertex's
 * `vertexAI.getGenerativeModel({ model })`, a chat session started on one (`model.startChat()`). Detection ties a
 * request to its binding only within one file; when the object is imported from another module, the request's
 * own arguments said nothing and the repository pass read whatever else was in reach (the `model` field of the one
 * argument, a string parameter of the enclosing function named like a model), none of which the SDK sends.
 *
 * The rule: where the call writes no model of its own (nothing, or only a `model` read from the options variable it
 * is given, `modelImplied`), the receiver is evaluated like any value (imports, module constants, `self.x`/`this.x`
 * fields); a receiver that evaluates to a model id is an object built by a model factory (model-flow.ts
 * `factoryModelArg`), and that id is the request's model.
 */
import type { Ctx, Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import type { CallFact } from './facts';
import { modelOf, refExpr } from './resolved-models';
import type { ResolvedModel } from './types';

/** A receiver written as a dotted name (`flash`, `this.llm`, `models.fast`): a call or index in it is left to detection. */
const DOTTED = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){0,3}$/;
/** Receivers that are SDK namespaces or clients, never a model object (`client.chat.completions`, `openai.responses`). */
const CLIENT_PATH = /(^|\.)(chat|completions|messages|responses|models|embeddings|beta|audio|images)$/;

/** The model of the object a request is made on, or undefined when the call names its own or the receiver is no model object. */
export function receiverModel(evaluator: Evaluator, fact: CallFact, ctx: Ctx, line: number): ResolvedModel | undefined {
  if (fact.model && !fact.modelImplied) return undefined;
  const receiver = fact.receiver?.replace(/\s+/g, '');
  if (!receiver || !DOTTED.test(receiver) || CLIENT_PATH.test(receiver)) return undefined;
  const expr = refExpr(receiver, 'name', line);
  const v = tryEval(evaluator, expr, ctx);
  const m = modelOf(v, expr);
  return m && { ...m, source: { ...m.source, detail: `sent on ${receiver}, a model object: ${m.source.detail}` } };
}
