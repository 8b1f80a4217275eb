/**
 * SARIF 2.1.0 for code-scanning alerts: unbounded agent loops, context
 * overflows and budgets exceeded. Locations are relative to the scanned root
 * (`%SRCROOT%`). Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { DiagnosticCode, DiagnosticReport, ScanReport } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULES: readonly { id: DiagnosticCode; name: string; text: string; level: 'error' | 'warning' | 'note' }[] = [
  { id: 'unbounded-loop', name: 'UnboundedAgentLoop', text: 'An agent loop has no step limit: one task can run until the context overflows, and its cost has no ceiling.', level: 'warning' },
  { id: 'context-overflow', name: 'ContextOverflow', text: "An agent loop's context grows past the model's context window before its last step.", level: 'warning' },
  { id: 'over-budget-call', name: 'OverBudgetPerCall', text: 'A model call costs more than the per-call budget.', level: 'error' },
  { id: 'over-budget-task', name: 'OverBudgetPerTask', text: 'An agent task costs more than the per-task budget.', level: 'error' },
  { id: 'over-budget-monthly', name: 'OverBudgetMonthly', text: "The workspace's projected monthly cost is over the monthly budget.", level: 'error' },
  // Savings findings: what a change would save a month (result properties carry the figure).
  { id: 'cache-opportunity', name: 'CacheOpportunity', text: 'A long static prompt is resent many times without explicit prompt caching (Anthropic cache_control).', level: 'note' },
  { id: 'cache-breaker', name: 'CacheBreaker', text: 'Dynamic content before static text defeats automatic prompt caching.', level: 'note' },
  { id: 'no-output-cap', name: 'NoOutputCap', text: 'A model call sets no output limit on a model with a large maximum output.', level: 'note' },
  { id: 'batchable', name: 'Batchable', text: "Model calls over a collection in offline code, on a provider with a batch API: the batch discount.", level: 'note' },
  { id: 'model-fit', name: 'ModelFit', text: 'A premium model on a short, simple request where a cheaper model of the same family fits.', level: 'note' },
];
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly object[];
  readonly properties?: object;
}

function location(path: string, d: Pick<DiagnosticReport, 'line' | 'column' | 'endLine' | 'endColumn'>): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column), endLine: Math.max(d.line, d.endLine), endColumn: Math.max(1, d.endColumn) },
    },
  };
}

export function toSarif(report: ScanReport): object {
  const results: SarifResult[] = [];
  const ruleIndex = (id: string) => RULES.findIndex((r) => r.id === id);
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (!RULE_IDS.has(d.code)) continue;
      const rule = RULES[ruleIndex(d.code)];
      results.push({ ruleId: d.code, ruleIndex: ruleIndex(d.code), level: rule.level, message: { text: d.message }, locations: [location(file.path, d)], ...(d.savings ? { properties: { savings: d.savings } } : {}) });
    }
  }
  const monthly = report.budgetExceeded.find((b) => b.code === 'over-budget-monthly');
  if (monthly) {
    // Code scanning needs a location: the file that costs the most carries the workspace-wide alert.
    const top = report.totals.byFile[0]?.path ?? report.files[0]?.path;
    if (top) {
      results.push({
        ruleId: 'over-budget-monthly',
        ruleIndex: ruleIndex('over-budget-monthly'),
        level: 'error',
        message: { text: `${monthly.message} The largest share comes from this file.` },
        locations: [location(top, { line: 1, column: 1, endLine: 1, endColumn: 1 })],
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tokenomics',
            version: report.tool.version,
            informationUri: 'https://example.invalid/tokenomics',
            rules: RULES.map((r) => ({ id: r.id, name: r.name, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results,
      },
    ],
  };
}
