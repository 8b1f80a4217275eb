/**
 * The module-level API of the `openai` Python package before 1.0: `openai.ChatCompletion.create(…)`,
 * `openai.Completion.create(…)`, `openai.Embedding.create(…)` (and their `acreate`). Azure deployments of that
 * API name the model with `engine=` (or `deployment_id=`) instead of `model=` (openai-python 0.28 README,
 * "Microsoft Azure Endpoints": `openai.ChatCompletion.create(deployment_id="deployment-name", …)`;
 * `openai.Embedding.create(input=…, engine="text-embedding-ada-002")`).
 *
 * `Completion` and `Embedding` are common class names (an ORM table, a dataclass), so those two count only on
 * the `openai` module itself or on a name imported from it. `ChatCompletion.create` was always taken.
 */
import { EMBEDDING_CALL, MAX_OUTPUT, OPENAI_CHAT, type CallRule } from './call-rules';

/** Keys that name the model in the pre-1.0 API: `model`, or the Azure deployment (`engine`, `deployment_id`). */
const LEGACY_MODEL_KEYS = ['model', 'engine', 'deployment_id'];

const LEGACY_CHAT: CallRule = { ...OPENAI_CHAT, modelKeys: LEGACY_MODEL_KEYS };
const LEGACY_COMPLETION: CallRule = {
  framework: 'openai',
  role: 'call',
  modelKeys: LEGACY_MODEL_KEYS,
  promptKeys: { prompt: 'user-template' },
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'openai',
};
const LEGACY_EMBEDDING: CallRule = { ...EMBEDDING_CALL('openai', 'openai'), modelKeys: LEGACY_MODEL_KEYS };

/** The rule of a pre-1.0 module-level request, or undefined. `imports`: local name → module as written. */
export function legacyOpenAIRule(callee: string, imports: ReadonlyMap<string, string>): CallRule | undefined {
  const m = /(^|\.)(ChatCompletion|Completion|Embedding)\.a?create$/.exec(callee);
  if (!m) return undefined;
  if (m[2] === 'ChatCompletion') return LEGACY_CHAT;
  const segments = callee.split('.');
  const owner = segments.length >= 3 ? segments[segments.length - 3] : undefined;
  const onModule = owner === 'openai' && (segments.length === 3 ? isOpenAIModule(imports.get('openai') ?? 'openai') : false);
  const imported = segments.length === 2 && isOpenAIModule(imports.get(m[2]) ?? '');
  if (!onModule && !imported) return undefined;
  return m[2] === 'Embedding' ? LEGACY_EMBEDDING : LEGACY_COMPLETION;
}

function isOpenAIModule(module: string): boolean {
  return /^openai($|[.#])/.test(module);
}
