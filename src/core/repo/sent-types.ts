/** Facts of the texts a file may send (extracted by extract-texts.ts, followed by sent-texts.ts); plain, clonable data. */
import type { Expr } from './facts';

/** Where a text is written, for the pass to find it from a call, a function or a local. */
export type TextPlace =
  | { readonly call: string; readonly callLine: number; readonly arg: number | string }
  /** `appended`: added to a list (`parts.append(…)`), one item among others, not the local's whole value. */
  | { readonly local: string; readonly appended?: true }
  | { readonly returned: true };

export interface TextFact {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The text with the values the code fills written `{name}`. */
  readonly text: string;
  readonly placeholders: readonly string[];
  /** The enclosing function (`Class.method`); undefined at module level. */
  readonly fn?: string;
  readonly at: TextPlace;
}

/** Names a local list or text is built from (`messages = [SystemMessage(content=system)]` → messages ← system). */
export interface NameFlow {
  readonly fn?: string;
  readonly into: string;
  readonly names: readonly string[];
  /** Literal keys read in the value (`[SystemMessage(content=preprompts["clarify"])]` → clarify). */
  readonly keys?: readonly string[];
  /** Calls in the value (`[SystemMessage(content=setup_sys_prompt(p))]`): what a repository function among them returns is in it. */
  readonly calls?: readonly { readonly callee: string; readonly line: number }[];
}

export interface KeyRead {
  readonly fn?: string;
  readonly key: string;
  readonly line: number;
}

/**
 * Python: `TEMPLATE.format(a=cfg["a"], b=b)`: the template formatted and the values passed into its slots, as
 * expressions (extract-format-calls.ts), for the repository pass to follow a value back to a configuration file.
 */
export interface FormatCall {
  readonly fn?: string;
  readonly template: Expr;
  readonly values: readonly Expr[];
  readonly line: number;
}

export interface TextFacts {
  readonly texts?: readonly TextFact[];
  readonly flows?: readonly NameFlow[];
  readonly keyReads?: readonly KeyRead[];
  readonly formats?: readonly FormatCall[];
}
