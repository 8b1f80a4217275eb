// Facts added on top of prices once every model and offering exists: context
// windows reconciled between sources (disagreements kept, never silently the
// smaller), prompt caching per model where a provider documents a list of
// models, and capabilities (tools, structured output, vision, reasoning).

const fmt = (n) => n.toLocaleString('en-US');

/**
 * A model's window: the hand-kept overlay's (it cites the vendor's model page), else the
 * vendor's own upstream entry, else the largest upstream value among its offerings.
 * An offering's window: the overlay's decision when it made one (with its source), else
 * upstream's value for that provider when it differs from the model's. Either way, a
 * disagreement between sources is written into `contextWindowNote`.
 */
export function reconcileContextWindows(models, offerings, { fail }) {
  const byModel = new Map();
  for (const o of offerings) byModel.set(o.model, [...(byModel.get(o.model) ?? []), o]);
  for (const m of models) {
    if (m.contextWindow) {
      m.contextWindowSource ??= m.generated ? 'upstream price database' : m.source;
      continue;
    }
    const own = (byModel.get(m.id) ?? []).filter((o) => o.upstreamContextWindow);
    const vendor = own.find((o) => o.provider === m.vendor);
    const chosen = vendor ?? own.sort((a, b) => b.upstreamContextWindow - a.upstreamContextWindow)[0];
    if (chosen) {
      m.contextWindow = chosen.upstreamContextWindow;
      m.contextWindowSource = `upstream ${chosen.id}${vendor ? ' (the vendor\'s own listing)' : ' (largest upstream listing; no vendor listing)'}`;
    }
  }
  const modelById = new Map(models.map((m) => [m.id, m]));
  for (const o of offerings) {
    const m = modelById.get(o.model);
    const up = o.upstreamContextWindow;
    const decided = o.overlayContextWindow;
    delete o.upstreamContextWindow;
    delete o.overlayContextWindow;
    if (!m) continue;
    if (decided) {
      if (!decided.source) fail(`offering ${o.id}: contextWindow in offerings.json without contextWindowSource`);
      if (decided.tokens !== m.contextWindow) o.contextWindow = decided.tokens;
      const others = [up && up !== decided.tokens ? `upstream says ${fmt(up)}` : undefined, m.contextWindow && m.contextWindow !== decided.tokens ? `the model entry says ${fmt(m.contextWindow)} (${m.contextWindowSource})` : undefined].filter(Boolean);
      if (others.length > 0) o.contextWindowNote = `context window ${fmt(decided.tokens)} at ${o.provider} per ${decided.source}; ${others.join('; ')}`;
      continue;
    }
    // Within 5% is one window written two ways (1,000,000 for 1,048,576): not a disagreement.
    if (!up || !m.contextWindow || Math.abs(up - m.contextWindow) <= 0.05 * m.contextWindow) continue;
    if (o.provider === m.vendor || up > m.contextWindow) {
      // The vendor's own listing disagrees with the model page, or a host claims more than the model has:
      // the model's value stands and the disagreement is shown.
      o.contextWindowNote = `sources disagree: upstream lists ${fmt(up)} tokens for ${o.id}, the model entry ${fmt(m.contextWindow)} (${m.contextWindowSource}); ${fmt(m.contextWindow)} is used`;
      continue;
    }
    // A host serving the model with a smaller window than the model has (Llama 4 Scout on Groq).
    o.contextWindow = up;
    o.contextWindowNote = `${o.provider} serves ${fmt(up)} tokens (upstream ${o.id}); the model itself has ${fmt(m.contextWindow)}`;
  }
}

const regex = (pattern, where, fail) => {
  try {
    return new RegExp(pattern);
  } catch (e) {
    fail(`${where}: bad pattern ${pattern}: ${e.message}`);
    return /$^/;
  }
};

/** Caching per model (caching-models.json) and capabilities (capabilities.json). */
export function applyOfferingFacts({ models, offerings, readJson, fail }) {
  const caching = readJson('caching-models.json');
  for (const [i, rule] of caching.rules.entries()) {
    const re = regex(rule.models, `caching-models.json rules[${i}]`, fail);
    let used = 0;
    for (const o of offerings) {
      if (o.provider !== rule.provider) continue;
      const listed = re.test(o.model);
      const mode = listed ? rule.mode : rule.otherwise;
      if (!mode) continue;
      o.caching = { mode, source: `${rule.source} (${listed ? 'listed' : 'not listed'}; as of ${caching.asOf})` };
      used++;
    }
    if (used === 0) fail(`caching-models.json rules[${i}] (${rule.provider}) applies to no offering`);
  }

  const caps = readJson('capabilities.json');
  const rules = caps.rules.map((r, i) => ({ ...r, re: regex(r.models, `capabilities.json rules[${i}]`, fail), hits: 0 }));
  const FIELDS = ['tools', 'structuredOutput', 'vision', 'reasoning'];
  for (const m of models) {
    const found = {};
    const sources = new Set();
    for (const r of rules) {
      if (!r.re.test(m.id)) continue;
      r.hits++;
      for (const f of FIELDS) {
        if (found[f] === undefined && typeof r[f] === 'boolean') {
          found[f] = r[f];
          sources.add(caps.sources[r.source] ?? r.source);
        }
      }
    }
    if (m.kind === 'embedding') Object.assign(found, { tools: false, structuredOutput: false, vision: false, reasoning: false });
    // A reasoning model the overlay marks as such reasons, whatever the rules say.
    if (found.reasoning === undefined && m.reasoning && !m.generated) found.reasoning = true;
    const known = FIELDS.filter((f) => found[f] !== undefined);
    if (known.length === 0) continue;
    m.capabilities = {
      ...Object.fromEntries(known.map((f) => [f, found[f]])),
      source: m.kind === 'embedding' ? 'an embedding model: no chat completion' : [...sources].join('; '),
      asOf: caps.asOf,
    };
  }
  for (const r of rules) if (r.hits === 0) fail(`capabilities.json rule ${r.models} matches no model`);
  for (const m of models) delete m.generated;
}
