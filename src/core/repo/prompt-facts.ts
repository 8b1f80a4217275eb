/**
 * The facts a file gives about the texts it sends: schemas and tool classes whose text reaches a
 * request, message builders, and the splices and text constants prompts are assembled from. Plain,
 * structured-clonable data like the rest of facts.ts, which re-exports them.
 */

import type { ToolErrorFacts } from './tool-error-types';
import type { DetectedPrompt } from '../detect/types';

/** Classes passed where a request sends a schema (`with_structured_output(Model)`, `bind_tools([A, B])`, `response_format=Model`). */
export interface SchemaUseFact {
  /** Class names as written at the use. */
  readonly names: readonly string[];
  readonly line: number;
  readonly endLine: number;
  /** The enclosing function (`Class.method` for methods). */
  readonly fn?: string;
  /** The variable the configured model is assigned to (`structured = model.with_structured_output(X)`). */
  readonly target?: string;
}

/** A class of this file that is sent as a schema when some request uses it: its text (docstring, fields, descriptions). */
export interface SchemaFact {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

/** A function that writes the JSON schema of its parameter number `param` (as callers pass it) into a message (detect/schema-senders.ts). */
export interface SchemaSenderFact {
  /** The function's own name (a method without its class): callers write `convo.require_schema(X)`. */
  readonly fn: string;
  readonly param: number;
  readonly line: number;
}

/** A method that adds its parameter number `param` (as callers pass it) to the instance's message list with a literal role (detect/message-builders.ts). */
export interface MessageBuilderFact {
  readonly fn: string;
  readonly param: number;
  readonly role: string;
  /** The parameter's name, for callers that pass it by keyword (`Message.user_message(content="…")`). */
  readonly kw?: string;
}

/**
 * A dict of a tool definition that reads a tool's description or JSON schema from attributes of a class
 * (detect/tool-classes.ts): `"description": self.description` in a method of `cls`, or `tool.arg_description`
 * with `tool: Type[cls]`.
 */
export interface ToolSchemaBuilderFact {
  /** The class as written in this file (its own name, or the annotation's). */
  readonly cls: string;
  /** Attributes read as a description. */
  readonly described: readonly string[];
  /** Attributes read as a whole JSON schema (`"parameters": self.parameters`). */
  readonly schemas: readonly string[];
  readonly line: number;
}

/** A class with a base, by its class-level attributes that would be prompts if a tool schema builder read them. */
export interface ToolClassFact {
  readonly name: string;
  readonly bases: readonly string[];
  /** Attribute → its text (a description) or its JSON schema's property descriptions, as prompts. */
  readonly attrs: Readonly<Record<string, readonly DetectedPrompt[]>>;
}

/** Python tool functions by signature (detect/tool-function-hints.ts, for repo/tool-functions.ts). */
export interface ToolFunctionHints {
  /** A public top-level function describes its parameters with `Annotated[T, "…"]`: a tool function. */
  readonly described?: boolean;
  /** Imports modules dynamically and collects their functions (`inspect.getmembers(module, inspect.isfunction)`). */
  readonly loader?: boolean;
  /** Reads functions' docstrings (`inspect.getdoc(fn)`, `fn.__doc__`). */
  readonly docReader?: boolean;
  /** Tool error and result classes: what they catch, return and are given (detect/py-tool-errors.ts). */
  readonly errors?: ToolErrorFacts;
}

/** Classes each top-level schema class (or type alias) of a file names in its field annotations: nested in its JSON schema. */
export type SchemaRefs = Record<string, readonly string[]>;

/** A TypeScript type, interface or class of the file, by its members' declared types (type-shapes.ts). */
export interface TypeShapeFact {
  readonly name: string;
  readonly line: number;
  /** Classes and interfaces it extends or implements, by name without generic arguments. */
  readonly bases: readonly string[];
  /** Member → the type it is declared with; `member#i` → parameter i of a function-typed member or method. */
  readonly members: Readonly<Record<string, string>>;
}

/** `TEMPLATE.replace("{slot}", a ?? B).replace(…)`: the text it starts from, the slots it fills and the names it inserts. */
export interface SpliceFact {
  readonly root?: string;
  readonly keys: readonly string[];
  readonly inserted: readonly string[];
  /** Functions whose call is inserted (`.replace("{BODY}", formatBody(posts))`, or a local holding `await f(…)`). */
  readonly calledInserted?: readonly string[];
  readonly line: number;
}

/** The written texts an exported function returns (detect/returned-parts.ts), which another module may insert into a prompt by calling it. */
export interface BuilderTextsFact {
  readonly fn: string;
  readonly texts: readonly TextConstantFact[];
  /** A method's docstring (`Class.method` entries of detect/py-tool-methods.ts): the tool's description. */
  readonly doc?: TextConstantFact;
  /** Python: the pieces of a text the function accumulates with `+=` and returns, each kept (detect/accumulated-texts-py.ts). */
  readonly accumulated?: readonly TextConstantFact[];
}

/**
 * `f"…{selected_stack}…"` with `selected_stack = build_stack_policy(stack)`, `\`…${formatRules(x)}\``: a plain function
 * whose call a template splices (directly or through a local holding it), by the splice's line. The repository pass
 * reads the function's returned texts where it is written when a reported prompt spans that line.
 */
export interface BuilderSpliceFact {
  readonly fn: string;
  readonly line: number;
  /** Python `TEMPLATE.format(key=fn(…))`: the template's name; the splice counts when that name is a sent prompt. */
  readonly template?: string;
}

/** `${getPrompts().businessContext}`: the function called without arguments and the property of its result spliced in. */
export interface CalledSpliceFact {
  readonly fn: string;
  readonly prop: string;
  readonly line: number;
}

export interface TextConstantFact {
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

/**
 * A call of an imported function where a tool's text goes (detect/tool-part-calls.ts): `description: f()` of a tool
 * object (`as: 'description'`), `inputSchema: pickSchema(model)` (`'schema'`: what it returns is the schema), or a
 * `.describe(f())` inside the module-level zod schema `schema` (`'describe'`: sent when that schema is).
 */
export interface ToolPartCallFact {
  readonly fn: string;
  readonly line: number;
  readonly as: 'description' | 'schema' | 'describe';
  readonly schema?: string;
}

/** A tool of a request's tool map (detect/inactive-tools.ts): where it is built, and whether `activeTools` offers it. */
export interface ToolOfferFact {
  /** The factory that builds it (`createQuestionTool`), or the name it is imported under, as written in this file. */
  readonly origin: string;
  readonly offered: boolean;
  readonly line: number;
}
