/**
 * Python: requests through a client library the rule table does not know (a multi-provider client such as
 * `spiceai`'s `Spice()`, a vendor SDK of its own). What makes its call a request is how the values flow, not
 * its name: the call hands the library both a model (`model=`) and a conversation (`messages=`), on an object
 * built by a class or factory imported from a package outside the repository. The repository's own wrappers
 * (`self.llm.chat(model=…, messages=…)` on a class of its own) are uses of the request, not requests, and
 * a module's helper (`litellm.token_counter(model=…, messages=…)`) is not a built client.
 *
 * Once one method of a builder's objects is known to send, the other methods of those objects that take a
 * `model=` are requests too (`get_transcription(path, model=WHISPER_1)` on the same `Spice()`); their kind is
 * read from the method's name (a transcription, an embedding). Methods that count, encode or log with the
 * model (`count_prompt_tokens`, `token_counter`) are local work, not requests.
 */
import type { Expr } from './facts';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** Local work on a conversation and a model: counting its tokens, encoding it, logging it, loading a provider. */
const LOCAL_WORK = /count|token|encode|decode|tokeni[sz]e|^(log|info|debug|warn|warning|error|print|load|load_\w+|validate\w*)$/i;

/** `model=` and `messages=` on a method of some object: the shape of a chat request of any client. */
export function sendsConversation(call: CallExpr): boolean {
  return call.callee.k === 'member' && Boolean(call.kw.model) && Boolean(call.kw.messages) && !LOCAL_WORK.test(call.callee.prop);
}

/** A method with a `model=` on an object whose builder is known to make a request client. */
export function takesModel(call: CallExpr): boolean {
  return call.callee.k === 'member' && Boolean(call.kw.model) && !LOCAL_WORK.test(call.callee.prop);
}

/** What the method asks of the model, by its name: a transcription, an embedding, else a chat request. */
export function foreignKind(method: string): 'transcription' | 'embedding' | undefined {
  if (/transcri|speech_to_text|whisper/i.test(method)) return 'transcription';
  if (/embed/i.test(method)) return 'embedding';
  return undefined;
}

/** The library a builder's qualified name comes from (`spice.Spice` → `spice`): the call's framework. */
export function libraryOf(qualified: string): string {
  return qualified.split('.')[0];
}
