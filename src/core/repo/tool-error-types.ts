import type { BuilderTextsFact } from './prompt-facts';

/**
 * Python facts for the texts a tool implementation gives back through its own error and result classes
 * (detect/py-tool-errors.ts, read by repo/tool-error-texts.ts).
 */

/** A fixed text given to a class: `raise ToolError("…")` (raised) or `ToolResult(error="…")` (built). */
export interface ToolErrorText {
  readonly cls: string;
  readonly how: 'raised' | 'built';
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

export interface ToolErrorFacts {
  /** Tool exception classes an `except` clause turns into the result it returns (`except ToolError as e: return ToolFailure(error=e.message)`). */
  readonly caught?: readonly string[];
  /** The classes those clauses return (`ToolFailure`): a tool-result class family. */
  readonly results?: readonly string[];
  /** The module's classes with the last names of their bases (`CLIResult` → `ToolResult`). */
  readonly classes?: readonly { readonly name: string; readonly bases: readonly string[] }[];
  /** Texts given to a raised tool exception or to a result class's fields. */
  readonly texts?: readonly ToolErrorText[];
  /** Methods run on a tool map's item picked by the tool's name (`tool_dict[call.name].execute(…)`, detect/py-tool-map-methods.ts). */
  readonly mapped?: readonly string[];
  /** `Class.method` texts of derived classes' run-like methods (`execute`, `run`, `__call__`), with the helpers they return. */
  readonly methods?: readonly BuilderTextsFact[];
}
