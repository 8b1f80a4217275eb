/**
 * The argument of `tokenomics.compareProviders`, sent by hover links and
 * CodeLenses: small identifiers only (a document URI and a site id), never
 * prompt text or numbers — the panel looks the site up in the analysis cache.
 * Pure, shared by the editor surfaces and the webview host.
 */
export interface CompareRequest {
  /** The document's URI, as `Uri.toString()`. */
  readonly uri?: string;
  /** A site id of that document's FileReport (prompt, call or agent loop). */
  readonly siteId?: string;
}

const MAX_ARG_CHARS = 2048;

/** Accepts only the expected shape; anything else becomes an empty request (open the panel unfocused). */
export function parseCompareRequest(arg: unknown): CompareRequest {
  if (typeof arg !== 'object' || arg === null) return {};
  const { uri, siteId } = arg as Record<string, unknown>;
  const ok = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ARG_CHARS;
  return { ...(ok(uri) ? { uri } : {}), ...(ok(siteId) ? { siteId } : {}) };
}
