// Facts about a model that the upstream price database does not state but its id
// does: the lab that makes it, its family, the tokenizer to count it with, whether
// its weights are open. Used only for models the hand-kept overlay does not list;
// every generated model says in its `source` that these were inferred from the id.

/** First matching rule wins: [pattern on the bare lower-cased id, vendor, family, tokenizer, open weights]. */
const RULES = [
  [/^gpt-oss/, 'openai', 'gpt-oss', 'o200k_base', true],
  [/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-6|chatgpt-4o|o[1-9](-|$)|codex|computer-use)/, 'openai', 'gpt', 'o200k_base', false],
  [/^(gpt-4|gpt-3\.5|gpt-35|text-embedding|davinci|babbage|curie|ada$|text-)/, 'openai', 'gpt', 'cl100k_base', false],
  [/^(gpt-|whisper|tts-|dall-e|omni-moderation)/, 'openai', 'gpt', 'o200k_base', false],
  [/claude/, 'anthropic', 'claude', 'claude', false],
  [/^gemma/, 'google', 'gemma', 'gemma', true],
  [/(^gemini|^learnlm|^palm|^text-bison|^chat-bison)/, 'google', 'gemini', 'gemini', false],
  [/(^|[^a-z])llama-?4/, 'meta', 'llama', 'llama4', true],
  [/(^|[^a-z])(meta-)?llama/, 'meta', 'llama', 'llama3', true],
  [/^(codestral|devstral|magistral|ministral|mistral|mixtral|pixtral|open-mistral|open-mixtral|voxtral|labs-)/, 'mistral', 'mistral', 'mistral', false],
  [/^(qwen|qwq|qvq)/, 'qwen', 'qwen', 'qwen', true],
  [/deepseek/, 'deepseek', 'deepseek', 'deepseek', true],
  [/^grok/, 'xai', 'grok', 'grok', false],
  [/^(command|c4ai|aya|embed-|rerank-)/, 'cohere', 'command', 'other', false],
  [/^(kimi|moonshot)/, 'moonshotai', 'kimi', 'other', false],
  [/^(sonar|r1-1776|llama-3\.1-sonar)/, 'perplexity', 'sonar', 'llama3', false],
  [/^glm/, 'zhipuai', 'glm', 'other', true],
  [/^minimax/, 'minimax', 'minimax', 'other', false],
  [/^(nova|amazon\.|titan)/, 'amazon', 'nova', 'other', false],
  [/^phi-/, 'microsoft', 'phi', 'other', true],
  [/^jamba/, 'ai21', 'jamba', 'other', false],
  [/^voyage/, 'voyageai', 'voyage', 'other', false],
];

/** Open-weight families among those above where the lab also ships closed models. */
const OPEN_MISTRAL = /^(open-|mistral-7b|mixtral|mistral-nemo|ministral-8b|pixtral-12b|devstral-small|magistral-small|mistral-small-3)/;
const OPEN_KIMI = /^kimi-k2/;

/** The id without hosting wrappers: `accounts/fireworks/models/x`, `us.anthropic.x-v1:0`, `meta-llama/X`, `@cf/meta/x`. */
export function bareId(upstreamId) {
  let s = upstreamId.toLowerCase().trim();
  s = s.replace(/^accounts\/[^/]+\/models\//, '');
  s = s.replace(/^@cf\/|^@hf\//, '');
  s = s.replace(/^(?:us|eu|apac|global|jp|au|ca|us-gov|regional)\./, '');
  const bedrock = /^(?:anthropic|meta|mistral|amazon|deepseek|qwen|openai|cohere|google|ai21|writer|twelvelabs|stability|moonshot|moonshotai|minimax|zai)\.(?=[a-z])/;
  // Bedrock's `vendor.model-v1:0`; elsewhere `-v1` is part of the name (`claude-v1`, `bge-base-en-v1.5`).
  if (bedrock.test(s)) s = s.replace(bedrock, '').replace(/-v\d+(?::\d+)?$/, '');
  s = s.replace(/-v\d+:\d+$/, '');
  s = s.replace(/:\d+$/, '');
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  return s.replace(/^meta-(?=llama)/, '');
}

/** Vendor, family, tokenizer and open weights inferred from the id; `null` vendor when no rule knows it. */
export function inferModelFacts(bare, upstreamId, upstreamProvider) {
  const org = /^(?:@cf\/)?([^/]+)\//.exec(upstreamId.toLowerCase())?.[1];
  for (const [re, vendor, family, tokenizer, open] of RULES) {
    if (!re.test(bare)) continue;
    let openWeight = open;
    if (vendor === 'mistral') openWeight = OPEN_MISTRAL.test(bare);
    if (vendor === 'moonshotai') openWeight = OPEN_KIMI.test(bare);
    return { vendor, family, tokenizer, openWeight };
  }
  // A gateway or host names the lab before the slash (`nousresearch/…`, `01-ai/yi-large`).
  return { vendor: org ?? upstreamProvider, family: bare.split(/[-_.]/)[0] || bare, tokenizer: 'other', openWeight: false };
}

/** Embedding models: billed on input tokens only. */
export function isEmbedding(bare, upstreamName, prices) {
  const named = /embed|bge-|e5-|gte-|nomic-|voyage-(?!.*rerank)/.test(bare) || /embedding/i.test(upstreamName ?? '');
  return named && prices.output === undefined;
}

/** A model that thinks before it answers, as its id or upstream description says. */
export function inferReasoning(bare, description) {
  if (/(^o[1-9](-|$)|-r1|^r1|reasoner|reasoning|thinking|^qwq|magistral|deep-research|gpt-5|gpt-6|grok-[34]-mini|grok-4(?!-fast-non)|kimi-k3)/.test(bare)) return true;
  return /\b(reasoning model|thinking model|always-on thinking)\b/i.test(description ?? '');
}
