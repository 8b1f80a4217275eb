import type { TokenizerId } from '../catalog/types';

/** The token count of a text under one tokenizer, and how much to trust it. */
export interface TokenCount {
  readonly tokens: number;
  /** True when counted by the model's own tokenizer; false for a calibrated approximation. */
  readonly exact: boolean;
  readonly tokenizer: TokenizerId;
  /** For approximations: relative uncertainty of the count (0.1 = ±10%), from the calibration. */
  readonly uncertainty?: number;
  /** One line saying how the count was made, e.g. "exact, js-tiktoken o200k_base" or "≈ o200k_base × 1.12 (±8%, calibrated on …)". */
  readonly basis: string;
}

/** One chat message as SDKs write it. `content` is the text; non-text parts are not counted here. */
export interface ChatMessage {
  readonly role: string;
  readonly content: string;
  /** OpenAI's optional participant name: one more framing token when present. */
  readonly name?: string;
}

/** A JSON Schema fragment as tools declare their parameters (only the parts that reach the prompt are read). */
export interface ToolParameterSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, ToolParameterSchema>>;
  readonly required?: readonly string[];
  readonly items?: ToolParameterSchema;
  readonly [key: string]: unknown;
}

/** A tool / function definition as sent to a provider (OpenAI `function`, Anthropic `input_schema`). */
export interface ToolSchema {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the arguments (`parameters` in OpenAI, `input_schema` in Anthropic). */
  readonly parameters?: ToolParameterSchema;
}

/** The token count of a whole request: message text, chat framing and tool definitions. */
export interface ChatTokenCount extends TokenCount {
  readonly breakdown: {
    /** Tokens of the message texts (and names) alone. */
    readonly content: number;
    /** Per-message and per-request framing tokens. */
    readonly framing: number;
    /** Tokens of the rendered tool definitions. */
    readonly tools: number;
    /** Hidden system prompt a provider adds when tools are present (Anthropic). */
    readonly toolSystemPrompt: number;
  };
}
