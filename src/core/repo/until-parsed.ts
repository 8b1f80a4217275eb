/**
 * Retry-until-parsed loops (a trap, not an agent loop): `while parsed is None and attempts < 3:` around one
 * request whose answer is parsed (`data = load_yaml(response); parsed = data.get("key")`). The loop goes round
 * again only because the answer did not parse, and asks the same question: nothing of the answer reaches the
 * next request, and the answer is only read (parsed, looked into, logged), never acted on. It multiplies the
 * expected cost a little (the pricing of the request is the model's to tell), but it runs no steps of a task.
 *
 * The same with a counted head and a test that leaves on a good answer (`while i < 5: response = model.invoke(messages);
 * if len(response.tool_calls) != 1: i += 1; messages += [nudge] else: break`): a fixed nudge appended to the
 * messages carries nothing of the answer, so it is still the same question (tuning labels: retries whose inputs only
 * gain a constant are not loops; requeries that send the error found in the answer back are).
 *
 * An agent loop with a parse step is kept: the answer (or what is derived from it) goes back into the
 * request's inputs (`messages.append(answer)`, `history = history + [answer]`), or into a call that acts on it
 * (`observation = env.step(action)`, `convo.assistant(answer)`); or the request is the loop's own object's
 * method (`self.step()`), which builds the question from state the pass may change.
 */
import type { LoopFact } from './facts';

/** Calls that only read an answer: parsers, lookups, conversions, string methods, logging, building an error. */
export const READS_ONLY = /^(loads?|safe_load|load_\w+|\w*parse\w*|get|getattr|hasattr|isinstance|strip|lstrip|rstrip|split|splitlines|lower|upper|replace|startswith|endswith|match|search|findall|fullmatch|group|groups|int|float|str|bool|len|dict|list|tuple|sorted|keys|values|items|join|format|model_validate(_json)?|parse_obj|parse_raw|debug|info|warning|warn|error|exception|critical|print|\w*(Error|Exception))$/;

/** Whether the loop retries the request its `steps` (calls out of the body that reach it) send until the answer parses. */
export function retriesUntilParsed(loop: LoopFact, steps: readonly { readonly line: number; readonly callee: string }[]): boolean {
  const w = loop.awaits;
  const stepLines = steps.map((s) => s.line);
  // One request per pass: two calls reaching requests are a conversation of their own.
  if (!w || new Set(stepLines).size !== 1) return false;
  const onStep = (line: number): boolean => stepLines.includes(line);
  const stepCalls = w.calls.filter((c) => onStep(c.line));
  // The question is asked at the call, in its arguments, of another object: `self.step()` builds its request from
  // the object's own state, which the pass may change out of sight (an agent's step, not the same question again).
  const request = stepCalls.find((c) => steps.some((s) => s.callee.replace(/\s+/g, '') === c.callee));
  if (!request || !request.args.length || /^(self|cls)\.\w+$/.test(request.callee)) return false;
  // What the answer is held in, and everything derived from it in the body (the loop goes round: to a fixed point).
  const derived = new Set<string>();
  for (const a of w.assigns) if (stepLines.some((l) => a.line <= l && l <= a.endLine)) a.targets.forEach((t) => derived.add(t));
  for (let changed = true, rounds = 0; changed && rounds < 10; rounds++) {
    changed = false;
    for (const a of w.assigns) {
      if (!a.reads.some((r) => reads(r, derived))) continue;
      for (const t of a.targets) {
        if (derived.has(t)) continue;
        derived.add(t);
        changed = true;
      }
    }
  }
  // The loop waits for the answer: its head (`while parsed is None`) or the test that leaves it (`if ok: break`).
  if (!(w.name && reads(w.name, derived)) && !w.exitReads?.some((r) => reads(r, derived))) return false;
  // Left on a test in the body: the question must gain something on the way round (the nudge), else it is a tool
  // loop sketched without its messages, which the loop rules keep.
  // The nudge is a constant: every update of what the request sends reads nothing but the value itself
  // (`messages += [{…"Call one tool."}]`); a next prompt made by running something (`next_prompt = run(…)`) is the
  // world's answer to the model's work, an agent loop.
  const sent = (t: string): boolean => request.args.includes(t);
  const updates = w.assigns.filter((a) => a.targets.some(sent));
  const appends = w.calls.filter((c) => request.args.some((a) => c.callee === `${a}.append` || c.callee === `${a}.extend` || c.callee === `${a}.insert`));
  const constant = updates.every((a) => a.reads.every(sent)) && appends.every((c) => c.args.length === 0);
  if (!w.name && (!(updates.length || appends.length) || !constant)) return false;
  // Nothing derived from the answer is sent again, nor held by the object whose own method sends the request.
  if (stepCalls.some((c) => c.reads.some((r) => reads(r, derived)))) return false;
  // The answer is only read: every other call given something of it parses, looks up, converts or logs.
  return w.calls.every((c) => onStep(c.line) || !c.reads.some((r) => reads(r, derived)) || READS_ONLY.test(c.callee.slice(c.callee.lastIndexOf('.') + 1)));
}

/** A read of `name` sees the derived value: the same path, a path inside it, or the object that holds it. */
function reads(name: string, derived: ReadonlySet<string>): boolean {
  for (const d of derived) if (name === d || name.startsWith(`${d}.`) || d.startsWith(`${name}.`)) return true;
  return false;
}
