/**
 * detectFile: find the prompts, model calls and agent loops in one file.
 * Never throws for bad input: syntax errors yield what can be found plus an
 * issue; oversized files, timeouts and cancellation yield an empty or partial
 * result marked `truncated`.
 */
import { mergeAnnotations, parseAnnotation } from './annotations';
import { markCallContexts } from './call-context';
import { CodeDetector } from './code';
import { findSchemaPrompts, type SchemaFacts } from './schema-prompts';
import { findSchemaDicts } from './schema-dicts-py';
import { mayAccumulateText } from './accumulated-texts-py';
import { findZodSchemaFacts } from './zod-schema-facts';
import { findToolReturnFacts } from './py-tool-returns';
import { findSpliceFacts } from './splice-facts';
import { toolPartCalls } from './tool-part-calls';
import { toolOffers } from './inactive-tools';
import { messagePartTexts } from './message-part-texts';
import { findSchemaSenders, withSenderFacts } from './schema-senders';
import { findMessageBuilders } from './message-builders';
import { withToolClassFacts } from './tool-classes';
import { TOOL_FUNCTION_HINT, withToolFunctionHints } from './tool-function-hints';
import { findToolErrorFacts } from './py-tool-errors';
import { findMessageFactories } from './message-factories';
import { findReprPrompts } from './repr-prompts';
import { promptNameMentions } from '../repo/unsent-prompts';
import { detectTextFile } from './files';
import { classifyPath, type FileClass } from './language';
import { parse, type Grammar, type SyntaxNode } from './parser';
import { SiteRegistry, spanOf, type Mutable } from './sites';
import { extractFacts, valueRefOf } from '../repo/extract';
import type { Collected, LanguageSyntax } from './syntax';
import { PythonSyntax } from './syntax-py';
import { TypeScriptSyntax } from './syntax-ts';
import { DEFAULT_DETECT_OPTIONS, type Annotation, type AnnotationValues, type DetectedCall, type DetectedFile, type DetectIssue, type DetectOptions } from './types';
import type { FileFacts } from '../repo/facts';
import { findTypedRequests } from './typed-requests';
import { mappedPromptPieces } from './mapped-pieces';
import { joinedItemTemplatesPy } from './joined-item-templates-py';
import { appendedContentPy } from './appended-content-py';
import { wrappedToolDescriptionsPy } from './wrapped-tool-descriptions-py';
import { llamaIndexPromptsPy } from './llama-index-prompts-py';
import { functionToolDocstringsPy } from './function-tool-docstrings-py';
import { libraryPromptArgsPy } from './library-prompt-args-py';
import { createdModelFieldsPy } from './created-models-py';
import { uiSentMessagesTs } from './ui-sent-messages-ts';
import { DECLARES_TYPES, withTypeShapes } from '../repo/type-shapes';

export * from './types';
export { classifyPath } from './language';
export { parseAnnotation } from './annotations';

/**
 * Files without any of these words cannot hold a model call or prompt: they are not parsed (`toolDescription`: a tool
 * definition written as an object, whose descriptions are prompts, may name nothing else; `dynaconf`: a settings
 * loader whose object other files read models and limits from, repo/settings-objects.ts). A package's
 * `from .engine import *` is parsed too: the repository pass follows names re-exported through it. So is a class
 * that sets a `description` attribute, or a dict that reads one (`"description": tool.description`): a tool whose
 * schema is built in another file (tool-classes.ts); a call of a message factory (`Message.user_message(…)`); and a zod
 * schema with `.describe("…")` texts, which another file may send as a tool or structured output (zod-schema-facts.ts).
 * And a module-level text named as a message (`SYSTEM_MESSAGE = """…"""` in a `constants.py` that names nothing else):
 * another module formats it into a request's system prompt.
 * And a tool object (`tool({ description: "…", inputSchema: z.object({}) })`, an MCP tool's `inputSchema:`): a tool
 * with no arguments has no `.describe` text, and its file may name nothing else, yet its description is sent.
 * A file setting a `recursion_limit` runs a LangGraph graph built elsewhere: the bound of its loop (repo/graph-limits.ts).
 * An MCP tool of a Responses request (`server_description:`, payload-tool-texts.ts) may sit in a file naming nothing else,
 * and so may a chat UI component that sends a message of its own (`useChat`, `@ai-sdk/react`, `append({ role: "user",
 * content })`; ui-sent-messages-ts.ts).
 * A YAML/TOML loader is a settings getter whose values other files may format into a prompt (repo/formatted-config-keys.ts).
 */
const HINTS = /openai|recursion_?limit|recursionLimit|anthropic|dynaconf|genai|gemini|claude|llm|prompt|instruction|messages|model|agent|langchain|crewai|mastra|generateText|streamText|dspy|tokenomics|toolDescription|^from [\w.]+ import \*|^[ \t]+description\s*(?::[^=\n]*)?=|["']description["']\s*:\s*[A-Za-z_]\w*\.\w+\s*[,}]|(system|user|human)_?message\s*\(|^\w*(system|human|user)_?(message|msg)\s*(?::[^=\n]*)?=\s*[rRfF]?["']|\bz\s*\.\s*\w+\([\s\S]{0,400}?\.describe\(\s*["'`]|\btool\(\s*\{|\binputSchema\s*:|\bserver_description\b|\buseChat\b|@ai-sdk\/(react|vue|svelte)|\bappend\(\s*\{\s*role\s*:|\byaml\.(safe_)?load\(|\btoml(lib)?\.load\(/im;

/**
 * A `while` loop, or a result awaited back into what it was given (`problem = await fix(self, problem, error)`, a
 * piece refined pass after pass in a loop over data): in a file that names nothing of a model, it may still be an
 * agent loop whose requests sit in functions of other modules (a stage `while not passed_tests:` calling
 * `run_initial_solve(self, problem)`, which sends through a helper elsewhere). Only the repository pass can tell, so
 * such files get their facts too (about 1.4% more files on the tuning corpus; plain `for` loops are far commoner
 * and mostly walk data, so they are not hinted).
 */
const LOOP_HINT = /^[ \t]*while\b|^[ \t]+(\w+)\s*=\s*await\s+[\w.]+\([^)\n]*\b\1\b/m;
/** A loader that builds a text file's name from a name it is given (`f"{root}/context/{name}.js"`, repo/named-loader-files.ts). */
const NAMED_FILE_HINT = /[{]\s*\w+\s*[}]\.(txt|md|prompt|j2|jinja2?|tmpl|mustache|hbs|js|ts|py)["'`]/;
/** An AI SDK chat hook that posts again by itself (repo/chat-hooks-ts.ts): the loop's requests are in the route it posts to. */
const CHAT_HOOK_HINT = /\b(useChat|useChatRuntime|new\s+Chat)\b[\s\S]*\b(maxSteps|maxToolRoundtrips|maxAutomaticRoundtrips|sendAutomaticallyWhen)\b/;
/**
 * Python helpers that run the callables they are handed on threads (`executor.submit(executor_func, item)`, then
 * `executor_func(item)` for the rest): the step of an engine's loop runs through them (repo/callable-params.ts,
 * passed-callables.ts), so they are read even when they name nothing of a model (13 such files in 76 tuning repos).
 */
const THREAD_HINT = /\bThreadPoolExecutor\b|\bconcurrent\.futures\b|\.submit\(\s*[\w.]+\s*,/;

/**
 * A package's `__init__.py` that imports names, or a TypeScript barrel that re-exports them (`export { X as Y } from "./x"`):
 * other files import them through it (`from app.tool import BaseTool`, `import { Y } from "./agent"`).
 */
function isPackageReexport(path: string, text: string): boolean {
  if (/\.[cm]?[jt]sx?$/.test(path)) return /^export\s+(\*|\{[^}]*\})\s+from\s/m.test(text);
  return /(^|\/)__init__\.py$/.test(path) && /^\s*from\s+\S+\s+import\s/m.test(text);
}

export function isSupportedPath(path: string, languageId?: string): boolean {
  return classifyPath(path, languageId) !== undefined;
}

export async function detectFile(text: string, path: string, languageId?: string, options: DetectOptions = {}): Promise<DetectedFile> {
  const opts = { ...DEFAULT_DETECT_OPTIONS, ...options };
  const cls = classifyPath(path, languageId);
  if (!cls) return emptyFile(path, 'unsupported', [], false);
  if (text.length > opts.maxChars) {
    return emptyFile(path, label(cls), [{ ...ORIGIN, code: 'file-skipped', message: `file is larger than ${opts.maxChars} characters; not analysed` }], true);
  }
  try {
    if (cls.type === 'text') return detectTextFile(text, path, cls.kind);
    return await detectCode(text, path, cls.grammar, opts);
  } catch (err) {
    // A bug in a rule must not take the scan or the editor down: report it on the file.
    const message = err instanceof Error ? err.message : String(err);
    return emptyFile(path, label(cls), [{ ...ORIGIN, code: 'parse-error', message: `detection failed: ${message}` }], true);
  }
}

const ORIGIN = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function label(cls: FileClass): string {
  return cls.type === 'code' ? cls.grammar : cls.kind;
}

function emptyFile(path: string, language: string, issues: DetectIssue[], truncated: boolean): DetectedFile {
  return { path, language, kind: 'code', prompts: [], calls: [], loops: [], annotations: [], issues, truncated };
}

/**
 * Whether a file may hold anything detection reports: it names a model SDK, a loop, a chat hook, re-exports a
 * package, reads prompt files by name, or (Python) defines tools or runs callables on threads. Others are skipped
 * unparsed (most of a large repository).
 */
function worthParsing(text: string, path: string, grammar: Grammar): boolean {
  if (HINTS.test(text) || LOOP_HINT.test(text) || CHAT_HOOK_HINT.test(text) || NAMED_FILE_HINT.test(text)) return true;
  if (isPackageReexport(path, text)) return true;
  return grammar === 'python' && (TOOL_FUNCTION_HINT.test(text) || THREAD_HINT.test(text) || mayAccumulateText(text));
}

async function detectCode(text: string, path: string, grammar: Grammar, opts: typeof DEFAULT_DETECT_OPTIONS & DetectOptions): Promise<DetectedFile> {
  if (!worthParsing(text, path, grammar)) return emptyFile(path, grammar, [], false);
  const tree = await parse(text, grammar, { timeoutMs: opts.parseTimeoutMs, isCancelled: opts.isCancelled });
  if (!tree) {
    const why = opts.isCancelled?.() ? 'cancelled' : `parsing took longer than ${opts.parseTimeoutMs} ms`;
    return emptyFile(path, grammar, [{ ...ORIGIN, code: 'parse-error', message: `${why}; not analysed` }], true);
  }
  try {
    const syntax: LanguageSyntax = grammar === 'python' ? new PythonSyntax() : new TypeScriptSyntax();
    const collected = syntax.collect(tree);
    syntax.bind(collected);
    const sites = new SiteRegistry(opts.maxSitesPerFile);
    const detector = new CodeDetector(syntax, collected, sites);
    detector.run();
    mappedPromptPieces(syntax, collected, tree.rootNode, sites);
    joinedItemTemplatesPy(syntax, collected, tree.rootNode, sites);
    appendedContentPy(syntax, collected, sites);
    wrappedToolDescriptionsPy(syntax, collected, sites);
    llamaIndexPromptsPy(syntax, collected, sites);
    functionToolDocstringsPy(syntax, collected, sites);
    libraryPromptArgsPy(syntax, collected, sites);
    createdModelFieldsPy(syntax, collected, sites);
    uiSentMessagesTs(syntax, collected, sites);
    findReprPrompts(syntax, collected, sites);
    messagePartTexts(syntax, collected, sites);
    markCallContexts(syntax, collected, detector.found(), path, tree.rootNode);
    const typed = findTypedRequests(syntax, collected, tree.rootNode, sites, text);
    const zodFacts = syntax.language === 'python' ? undefined : findZodSchemaFacts(syntax, collected, tree.rootNode, sites);
    const schemaFacts = zodFacts ?? withSchemaDicts(findSchemaPrompts(syntax, collected, tree.rootNode, sites), findSchemaDicts(syntax, collected, tree.rootNode));
    const issues: DetectIssue[] = [];
    const syntaxError = tree.rootNode.hasError ? firstSyntaxError(tree.rootNode) : undefined;
    if (syntaxError) issues.push(syntaxError);
    const annotations = readAnnotations(collected.comments, issues);
    nameSites(sites, collected);
    const builders = [...findMessageBuilders(syntax, collected), ...findMessageFactories(syntax, collected)];
    const withSenders = withSenderFacts(withSchemaFacts(extractFacts(grammar === 'python', tree.rootNode, collected, [...sites.calls, ...typed]), schemaFacts), zodFacts ? { senders: zodFacts.senders, refs: {} } : findSchemaSenders(syntax, collected, tree.rootNode));
    const spliced = findSpliceFacts(syntax, collected, tree.rootNode, sites.calls);
    const withSplices = { ...withSenders, ...(spliced.splices.length ? { splices: spliced.splices } : {}), ...(spliced.textConstants.length ? { textConstants: spliced.textConstants } : {}), ...(spliced.calledSplices.length ? { calledSplices: spliced.calledSplices } : {}), ...(spliced.builderTexts.length ? { builderTexts: spliced.builderTexts } : {}), ...(spliced.builderSplices.length ? { builderSplices: spliced.builderSplices } : {}) };
    const toolReturns = findToolReturnFacts(syntax, collected, tree.rootNode);
    const withToolReturns = { ...withSplices, ...(toolReturns.dispatched.length ? { toolDispatch: toolReturns.dispatched } : {}), ...(toolReturns.returns.length ? { toolReturnTexts: toolReturns.returns } : {}) };
    const partCalls = toolPartCalls(syntax, collected);
    const offers = toolOffers(syntax, collected);
    const withPartCalls = { ...withToolReturns, ...(partCalls.length ? { toolPartCalls: partCalls } : {}), ...(offers.length ? { toolOffers: offers } : {}) };
    const withBuilders = builders.length ? { ...withPartCalls, messageBuilders: builders } : withPartCalls;
    let facts = withToolClassFacts(withTypeShapes(withBuilders, typed, grammar !== 'python' && DECLARES_TYPES.test(text), tree.rootNode), syntax, collected);
    facts = withToolFunctionHints(facts, text, grammar === 'python', findToolErrorFacts(syntax, tree.rootNode, text));
    const mentions = promptNameMentions(text);
    if (mentions) facts = { ...facts, promptNameMentions: mentions };
    if (sites.graphCycles.length) facts = { ...facts, graphCycles: sites.graphCycles };
    fillModelRefs(sites.calls, facts);
    const result: DetectedFile = {
      path,
      language: grammar,
      kind: 'code',
      prompts: [...sites.prompts.values()].map((e) => e.prompt).sort(bySpan),
      calls: [...sites.calls].sort(bySpan),
      loops: [...sites.loops].sort(bySpan),
      annotations,
      issues,
      truncated: sites.truncated,
      imports: projectImports(collected.imports),
      facts,
    };
    return applyAnnotations(result, annotations);
  } finally {
    tree.delete();
  }
}

/** Python JSON-schema dicts and their uses by field (schema-dicts-py.ts) beside the schema classes. */
function withSchemaDicts(schema: SchemaFacts, dicts: SchemaFacts): SchemaFacts {
  return dicts.uses.length || dicts.schemas.length ? { uses: [...schema.uses, ...dicts.uses], schemas: [...schema.schemas, ...dicts.schemas] } : schema;
}

function withSchemaFacts(facts: FileFacts, schema: SchemaFacts): FileFacts {
  if (!schema.uses.length && !schema.schemas.length) return facts;
  return { ...facts, ...(schema.uses.length ? { schemaUses: schema.uses } : {}), ...(schema.schemas.length ? { schemas: schema.schemas } : {}) };
}

/** Where a call's model is a value the file cannot resolve, say where it points (the repository pass follows it). */
function fillModelRefs(calls: Mutable<DetectedCall>[], facts: FileFacts): void {
  for (const call of calls) {
    if (call.model || call.modelRef) continue;
    const fact = facts.calls.find((c) => c.id === call.id);
    if (!fact?.model) continue;
    const fn = fact.fn ? facts.functions.find((f) => f.name === fact.fn) : undefined;
    const ref = valueRefOf(fact.model, fact.fn, fn?.params.map((p) => p.name) ?? []);
    if (ref) call.modelRef = ref;
  }
  // An invoke of a binding made in the file copied the binding's model before its ref was known: the same ref,
  // read where the binding is written (`self.llm = init_chat_model(model=model)` in `__init__`).
  for (const call of calls) {
    if (call.model || call.modelRef || !call.bindingId) continue;
    const ref = calls.find((c) => c.id === call.bindingId)?.modelRef;
    if (ref) call.modelRef = ref;
  }
}

/** Prompts that are the value of a declaration get its name. */
function nameSites(sites: SiteRegistry, collected: Collected): void {
  const byRange = new Map<string, string>();
  for (const d of collected.declarations) {
    if (d.isFunction) continue;
    byRange.set(`${d.value.startIndex}:${d.value.endIndex}`, d.name);
    // `PROMPT = ("…" "…")`: the site is the text inside the parentheses.
    const inner = d.value.type === 'parenthesized_expression' ? d.value.namedChildren[0] : undefined;
    if (inner) byRange.set(`${inner.startIndex}:${inner.endIndex}`, d.name);
  }
  for (const [key, entry] of sites.prompts) {
    const name = byRange.get(key);
    if (name) entry.prompt.name = name;
  }
}

/** Imports that may point at files of the same project: relative ones, and dotted Python modules (not bare packages). */
function projectImports(imports: ReadonlyMap<string, string>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [local, module] of imports) {
    const spec = module.split('#')[0];
    if (spec.startsWith('.') || (spec.includes('.') && !spec.includes('/') && !spec.startsWith('@'))) out[local] = module;
  }
  return Object.keys(out).length ? out : undefined;
}

function bySpan(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}

function firstSyntaxError(root: SyntaxNode): DetectIssue | undefined {
  const stack: SyntaxNode[] = [root];
  let found: SyntaxNode | undefined;
  let skipped = false;
  while (stack.length && !found) {
    const n = stack.pop()!;
    if ((n.isError || n.isMissing) && isBareAmpersandInJsxString(n)) skipped = true;
    else if (n.isError || n.isMissing) found = n;
    else if (n.hasError) for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  if (!found && skipped) return undefined;
  const span = found ? spanOf(found) : ORIGIN;
  return { ...span, code: 'parse-error', message: 'syntax error: results for this file may be incomplete' };
}

/**
 * The tsx grammar reads `&` in a JSX attribute string as the start of an HTML entity and marks a bare one
 * (`href="…?a=1&utm_source=x"`, valid TSX) as an error inside the string; the string itself parses, so this is
 * no syntax error of the file.
 */
function isBareAmpersandInJsxString(n: SyntaxNode): boolean {
  return n.isError && n.text.startsWith('&') && n.parent?.type === 'string' && n.parent.parent?.type === 'jsx_attribute';
}

function readAnnotations(comments: readonly SyntaxNode[], issues: DetectIssue[]): Annotation[] {
  const out: Annotation[] = [];
  for (const c of comments) {
    const text = c.text;
    if (!text.includes('tokenomics:')) continue;
    const parsed = parseAnnotation(text);
    if (!parsed) continue;
    const span = spanOf(c);
    out.push({ line: span.line, values: parsed.values, issues: parsed.issues });
    for (const message of parsed.issues) issues.push({ ...span, code: 'annotation', message: `tokenomics annotation: ${message}` });
  }
  return out;
}

interface Site {
  readonly line: number;
  readonly column: number;
  annotation?: AnnotationValues;
}

/** Each annotation applies to the sites on the first line with a site after it (or on its own line, before it). */
export function applyAnnotations(file: DetectedFile, annotations: readonly Annotation[]): DetectedFile {
  if (annotations.length === 0) return file;
  const all: Mutable<Site>[] = [...file.prompts, ...file.calls, ...file.loops] as Mutable<Site>[];
  const ignored = new Set<Site>();
  for (const a of annotations) {
    let target = Infinity;
    for (const s of all) if (s.line > a.line && s.line < target) target = s.line;
    const sameLine = all.filter((s) => s.line === a.line);
    const hits = sameLine.length ? sameLine : all.filter((s) => s.line === target);
    for (const s of hits) {
      if (a.values.ignore) ignored.add(s);
      s.annotation = mergeAnnotations(s.annotation, a.values);
    }
  }
  if (ignored.size === 0) return file;
  const keep = <T>(xs: readonly T[]): T[] => xs.filter((x) => !ignored.has(x as unknown as Site));
  return { ...file, prompts: keep(file.prompts), calls: keep(file.calls), loops: keep(file.loops) };
}
