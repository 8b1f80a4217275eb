// The closing counts every suite shares with .ci/run: a "suite passed failed skipped" line
// appended to $TOKENOMICS_TEST_SUMMARY (the unit suite's reporter writes the same format).
import { appendFileSync } from 'node:fs';

export function recordSummary(suite, passed, failed, skipped) {
  console.log(`\n${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (process.env.TOKENOMICS_TEST_SUMMARY) {
    appendFileSync(process.env.TOKENOMICS_TEST_SUMMARY, `${suite} ${passed} ${failed} ${skipped}\n`);
  }
}

/** Stops `close` on Ctrl+C or a CI cancel, so no code-server or Chromium is left behind. */
export function closeOnSignal(close) {
  const handler = (signal) => {
    console.error(`[e2e] ${signal}: stopping`);
    Promise.resolve(close()).finally(() => process.exit(130));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
