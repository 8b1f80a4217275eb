/** Filtering of the report's sites (already ranked by the host) and normalising saved UI state. */
import type { ReportSiteView, ReportUiState, SiteKind } from '../protocol/report';

export const DEFAULT_REPORT_UI: ReportUiState = { text: '', model: '', kind: '', page: 0 };

const KINDS: readonly SiteKind[] = ['call', 'loop', 'instructions'];

export function normalizeReportUi(value: Partial<ReportUiState> | undefined): ReportUiState {
  if (!value) return DEFAULT_REPORT_UI;
  return {
    text: typeof value.text === 'string' ? value.text.slice(0, 200) : '',
    model: typeof value.model === 'string' ? value.model : '',
    kind: KINDS.includes(value.kind as SiteKind) ? (value.kind as SiteKind) : '',
    page: typeof value.page === 'number' && Number.isFinite(value.page) && value.page >= 0 ? Math.floor(value.page) : 0,
  };
}

export function filterSites(sites: readonly ReportSiteView[], ui: ReportUiState): ReportSiteView[] {
  const needle = ui.text.trim().toLowerCase();
  return sites.filter(
    (s) =>
      (ui.kind === '' || s.kind === ui.kind) &&
      (ui.model === '' || s.model === ui.model) &&
      (needle === '' || s.path.toLowerCase().includes(needle) || (s.model ?? '').toLowerCase().includes(needle) || s.framework.toLowerCase().includes(needle)),
  );
}

export function modelsOf(sites: readonly ReportSiteView[]): string[] {
  return [...new Set(sites.flatMap((s) => (s.model ? [s.model] : [])))].sort();
}
