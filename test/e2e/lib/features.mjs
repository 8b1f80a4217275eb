// Features whose end-to-end checks are written but wait for the feature to land.
// A pending check is reported as skipped (and counted as such). To switch a check on,
// delete its name from PENDING. TOKENOMICS_E2E_ALL=1 runs pending checks too, to see
// whether a feature is ready.
export const PENDING = new Set([]);

/** `it`, or `it.skip` while `feature` is pending. The title carries the feature name. */
export function featureIt(feature, title, fn) {
  const pending = PENDING.has(feature) && !process.env.TOKENOMICS_E2E_ALL;
  const label = `${title} [${feature}${pending ? ': pending' : ''}]`;
  return pending ? globalThis.it.skip(label, fn) : globalThis.it(label, fn);
}
