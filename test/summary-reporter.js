// Mocha's spec reporter plus the plain closing line CI reads: "N passed, N failed[, N skipped]".
// Written to stdout and, when TOKENOMICS_TEST_SUMMARY names a file, appended there so
// .ci/run can add the suites up.
'use strict';
const Mocha = require('mocha');
const fs = require('node:fs');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      const line = `${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : '');
      const suite = process.env.TOKENOMICS_SUITE || 'unit';
      process.stdout.write(`\n${suite}: ${line}\n`);
      if (process.env.TOKENOMICS_TEST_SUMMARY) {
        fs.appendFileSync(process.env.TOKENOMICS_TEST_SUMMARY, `${suite} ${passes} ${failures} ${pending}\n`);
      }
    });
  }
}
module.exports = SummaryReporter;
