/**
 * `tokenomics catalog`: what the bundled catalog holds (with the custom models
 * and price overrides of tokenomics.json applied), where each figure comes from
 * and how old it is. Sections: models, offerings, providers, frameworks; no
 * section prints a summary.
 */
import type { CliCommand } from '../command';
import { UsageError, UserError } from '../command';
import { formatFlagHelp, nearest, parseFlags, type FlagSpecs } from '../args';
import { cliSettings } from '../catalog-source';
import { jsonEnvelope, renderOutput, type OutputFormat, type Table } from '../output';
import { CONFIG_FLAG, FORMAT_FLAG } from './shared';
import { offeringsForModel, resolveModel } from '../../core/catalog';
import type { Catalog, FrameworkDefault, ModelEntry, Offering, ProviderEntry } from '../../core/catalog/types';
import { formatDuration, formatPerMillion, formatTokens, formatTokensPerSecond } from '../../core/format';

const SECTIONS = ['models', 'offerings', 'providers', 'frameworks'] as const;
type Section = (typeof SECTIONS)[number];

const FLAGS = {
  provider: { type: 'string', valueName: 'ID', description: 'only this provider (offerings, models)' },
  model: { type: 'string', valueName: 'NAME', description: 'only this model (any alias: openai/gpt-4o, claude-sonnet-4-5-20250929, …)' },
  format: FORMAT_FLAG,
  config: CONFIG_FLAG,
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics catalog [models|offerings|providers|frameworks] [options]

What the bundled catalog holds, with its source and date: models (context window, tokenizer, aliases),
offerings (provider × model prices per million tokens, tiers, batch discount, typical speed), providers
(prompt-caching rules, batch terms) and agent-framework step defaults. Custom models and price overrides
from tokenomics.json are included. Without a section: a summary.

Options:
${formatFlagHelp(FLAGS)}

Examples:
  tokenomics catalog offerings --provider groq
  tokenomics catalog offerings --model claude-sonnet-4-5 --format json
  tokenomics catalog models --format csv > models.csv
  tokenomics catalog frameworks --format markdown
`;

function pickSection(word: string | undefined): Section | undefined {
  if (word === undefined) return undefined;
  if ((SECTIONS as readonly string[]).includes(word)) return word as Section;
  const near = nearest(word, SECTIONS);
  throw new UsageError(`unknown section '${word}'${near ? ` (did you mean ${near}?)` : ''}: one of ${SECTIONS.join(', ')}`);
}

export const catalogCommand: CliCommand = {
  name: 'catalog',
  summary: 'list the bundled models, offerings, providers and framework defaults, with sources and dates',
  usage: USAGE,
  async run(argv, io) {
    const { flags, positionals } = parseFlags(argv, FLAGS, 1);
    const section = pickSection(positionals[0]);
    const format: OutputFormat = flags.format ?? 'table';
    const { catalog } = cliSettings(io, 'catalog', flags.config);
    const modelId = flags.model === undefined ? undefined : resolveOrFail(catalog, flags.model);
    if (flags.provider !== undefined && !catalog.providers.some((p) => p.id === flags.provider)) {
      const near = nearest(flags.provider, catalog.providers.map((p) => p.id));
      throw new UserError(`unknown provider '${flags.provider}'${near ? ` (did you mean ${near}?)` : ''}; known: ${catalog.providers.map((p) => p.id).join(', ')}`);
    }
    const offerings = catalog.offerings.filter((o) => (!modelId || o.model === modelId) && (!flags.provider || o.provider === flags.provider));
    const models = catalog.models.filter((m) => (!modelId || m.id === modelId) && (!flags.provider || offerings.some((o) => o.model === m.id)));
    const providers = catalog.providers.filter((p) => !flags.provider || p.id === flags.provider);
    const wide = format === 'csv' || format === 'markdown';
    const header = { asOf: catalog.asOf, source: catalog.source, ...(catalog.generated ? { generated: catalog.generated } : {}) };

    let tables: Table[];
    let body: object;
    switch (section) {
      case 'models':
        tables = [modelsTable(catalog, models)];
        body = { section, ...header, models };
        break;
      case 'offerings':
        tables = [offeringsTable(offerings, wide)];
        body = { section, ...header, offerings };
        break;
      case 'providers':
        tables = [providersTable(providers, wide)];
        body = { section, ...header, providers };
        break;
      case 'frameworks':
        tables = [frameworksTable(catalog.frameworks, wide)];
        body = { section, ...header, frameworks: catalog.frameworks };
        break;
      default:
        tables = [summaryTable(catalog)];
        body = { section: 'summary', ...header, counts: counts(catalog) };
    }
    io.stdout(renderOutput(format, { tables, json: jsonEnvelope(catalog, 'catalog', body) }));
    return 0;
  },
};

function resolveOrFail(catalog: Catalog, query: string): string {
  const r = resolveModel(catalog, query);
  if (r.kind === 'resolved') return r.model.id;
  throw new UserError(`unknown model '${query}'${r.suggestion ? `; nearest known model: ${r.suggestion}` : ''}`);
}

function counts(catalog: Catalog): Record<string, number> {
  return { models: catalog.models.length, offerings: catalog.offerings.length, providers: catalog.providers.length, frameworks: catalog.frameworks.length };
}

function footer(catalog: Catalog): string[] {
  const lines = [`catalog: ${catalog.source}; prices as of ${catalog.asOf}`];
  if (catalog.generated) lines.push(`generated by ${catalog.generated.by}; refresh with \`${catalog.generated.command}\``);
  return lines;
}

function summaryTable(catalog: Catalog): Table {
  const c = counts(catalog);
  return {
    title: 'Tokenomics catalog',
    columns: [{ header: 'section' }, { header: 'entries', align: 'right' }, { header: 'shows' }],
    rows: [
      ['models', { text: String(c.models), raw: c.models }, 'context window, tokenizer, aliases, reasoning, open weights'],
      ['offerings', { text: String(c.offerings), raw: c.offerings }, 'provider × model prices, tiers, batch discount, typical speed'],
      ['providers', { text: String(c.providers), raw: c.providers }, 'prompt-caching rules, batch terms, chat framing'],
      ['frameworks', { text: String(c.frameworks), raw: c.frameworks }, 'agent step limits and their defaults'],
    ],
    notes: [...footer(catalog), 'details: tokenomics catalog <section>'],
  };
}

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

function modelsTable(catalog: Catalog, models: readonly ModelEntry[]): Table {
  return {
    title: 'Models',
    columns: [{ header: 'model' }, { header: 'vendor' }, { header: 'tokenizer' }, { header: 'context', align: 'right' }, { header: 'max out', align: 'right' }, { header: 'reasoning' }, { header: 'open' }, { header: 'providers' }, { header: 'aliases' }, { header: 'as of' }],
    rows: models.map((m) => [
      m.id,
      m.vendor,
      m.tokenizer,
      m.contextWindow !== undefined ? { text: formatTokens(m.contextWindow), raw: m.contextWindow } : { text: 'unknown', raw: null },
      m.maxOutput ? { text: formatTokens(m.maxOutput), raw: m.maxOutput } : { text: '—', raw: null },
      yesNo(m.reasoning),
      yesNo(m.openWeight),
      offeringsForModel(catalog, m.id).map((o) => o.provider).join(' '),
      { text: m.aliases.length > 2 ? `${m.aliases.slice(0, 2).join(' ')} +${m.aliases.length - 2}` : m.aliases.join(' '), raw: m.aliases.join(' ') },
      m.asOf,
    ]),
    notes: [`${models.length} models; sources per model in --format json`, ...footer(catalog)],
  };
}

function price(v: number | undefined) {
  return { text: formatPerMillion(v), raw: v ?? null };
}

function offeringsTable(offerings: readonly Offering[], wide: boolean): Table {
  return {
    title: 'Offerings (USD per million tokens; — = not published, so unpriced, never $0)',
    columns: [
      { header: 'offering' },
      { header: 'input', align: 'right' },
      { header: 'cached', align: 'right' },
      { header: 'cache write', align: 'right' },
      { header: 'write 1h', align: 'right' },
      { header: 'output', align: 'right' },
      { header: 'tiers' },
      { header: 'batch', align: 'right' },
      { header: 'TTFT', align: 'right' },
      { header: 'speed', align: 'right' },
      { header: 'as of' },
      ...(wide ? [{ header: 'source' }, { header: 'speed source' }] : []),
    ],
    rows: offerings.map((o) => [
      o.id,
      price(o.prices.input),
      price(o.prices.cachedRead),
      price(o.prices.cacheWrite),
      price(o.prices.cacheWrite1h),
      price(o.prices.output),
      { text: (o.tiers ?? []).map((t) => `>${formatTokens(t.aboveInputTokens)}`).join(' ') || '—', raw: (o.tiers ?? []).map((t) => t.aboveInputTokens).join(' ') },
      o.batchDiscount !== undefined ? { text: `-${Math.round(o.batchDiscount * 100)}%`, raw: o.batchDiscount } : { text: '—', raw: null },
      o.speed ? { text: formatDuration(o.speed.ttftMs), raw: o.speed.ttftMs } : { text: '—', raw: null },
      o.speed ? { text: formatTokensPerSecond(o.speed.outputTokensPerSecond), raw: o.speed.outputTokensPerSecond } : { text: '—', raw: null },
      o.asOf,
      ...(wide ? [o.source, o.speed?.source ?? ''] : []),
    ]),
    notes: [`${offerings.length} offerings; tier prices, notes and sources in --format json`],
  };
}

function providersTable(providers: readonly ProviderEntry[], wide: boolean): Table {
  return {
    title: 'Providers',
    columns: [{ header: 'provider' }, { header: 'caching' }, { header: 'min cached', align: 'right' }, { header: 'TTL' }, { header: 'batch', align: 'right' }, { header: 'framing' }, ...(wide ? [{ header: 'caching source' }] : [])],
    rows: providers.map((p) => [
      p.id,
      p.caching.mode,
      { text: p.caching.minCacheableTokens ? formatTokens(p.caching.minCacheableTokens) : '—', raw: p.caching.minCacheableTokens },
      p.caching.ttlSeconds ? formatDuration(p.caching.ttlSeconds * 1000) : '—',
      p.batch ? { text: `-${Math.round(p.batch.discount * 100)}%`, raw: p.batch.discount } : { text: '—', raw: null },
      p.chatFraming ? `${p.chatFraming.tokensPerMessage}/msg + ${p.chatFraming.tokensPerRequest}/req` : 'by tokenizer',
      ...(wide ? [p.caching.source] : []),
    ]),
    notes: ['caching: automatic = provider caches repeated prefixes itself; explicit = the request marks cache breakpoints; none = no cached-input price'],
  };
}

function frameworksTable(frameworks: readonly FrameworkDefault[], wide: boolean): Table {
  return {
    title: 'Agent frameworks: step limits',
    columns: [{ header: 'framework' }, { header: 'language' }, { header: 'option' }, { header: 'default', align: 'right' }, ...(wide ? [{ header: 'source' }, { header: 'note' }] : [])],
    rows: frameworks.map((f) => [
      f.framework,
      f.language,
      f.stepOption,
      f.defaultSteps === null ? { text: 'unbounded', raw: null } : { text: String(f.defaultSteps), raw: f.defaultSteps },
      ...(wide ? [f.source, f.note ?? ''] : []),
    ]),
    notes: ['sources and notes: --format markdown or json'],
  };
}
