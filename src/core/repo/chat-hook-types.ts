/** The fact chat-hooks-ts.ts reads (kept apart so that facts.ts's type imports stay free of the parser). */
import type { Expr } from './facts';

/** A chat hook whose options let it post again by itself. */
export interface ChatHookFact {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fn?: string;
  /** The route it posts to; absent: the SDK's default `/api/chat`. */
  readonly api?: Expr;
  /** The step count option (`maxSteps`, `maxToolRoundtrips`), its text, and what to add to its value (1 for roundtrips). */
  readonly steps?: { readonly value: Expr; readonly option: string; readonly offset: number };
  /** `sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithToolCalls`: no count. */
  readonly unbounded?: true;
}
