/**
 * A call whose input the scan could not read. When neither detection nor the repository's rules find any
 * prompt, message, loaded file, tool description or named input the call sends (its messages come from a
 * loader or a builder no rule follows), counting its input as 0 tokens would state a fact the scan does not
 * know. The input is unknown: priced as one input of the default placeholder size, spread over the range the
 * report gives every default size (SIZE_SPREAD), and said so in the assumptions with why.
 */
import type { DetectedCall } from '../detect/types';
import type { Assumptions } from '../workload';
import { SIZE_SPREAD } from './ranges';
import type { InputSink } from './input-tokens';
import type { UnknownInput } from './types';

/**
 * A call that sends something: not a model binding, which sends nothing itself. An agent definition whose task
 * is priced where it is defined (its loop's steps read their input from it) is read like a request: an agent whose
 * system prompt and tools the scan could not read has an unknown input, not an empty one.
 */
export function inputIsUnread(call: DetectedCall): boolean {
  return (call.role !== 'binding' || call.agent === true) && call.inputPlaceholders.length === 0;
}

const WHY = 'the scan read nothing this call sends (its messages come from code no rule follows)';

/** The assumed input, with the assumption written into the sink (its range widens the site's price). */
export function unknownInput(call: DetectedCall, a: Assumptions, sink: Pick<InputSink, 'assumed' | 'notes' | 'uncertain'>): UnknownInput {
  const assumed = a.placeholderTokens;
  const low = Math.round(assumed * SIZE_SPREAD.low);
  const high = Math.round(assumed * SIZE_SPREAD.high);
  sink.uncertain.defaultPlaceholderTokens += assumed;
  const what = call.kind === 'embedding' ? 'the texts it embeds' : 'its prompt';
  sink.assumed.push(`input: unknown, ${WHY}: ${what} priced as ${assumed} tokens (default), ${low}–${high}`);
  sink.notes.push({ subject: 'input', value: assumed, from: 'default', detail: `unknown: ${WHY}` });
  return { why: WHY, assumed, low, high };
}
