// Preloaded into a child `node` running the CLI: writes the process's peak resident
// memory (KiB) to $TOKENOMICS_RSS_OUT when it exits, so tests can report it.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.TOKENOMICS_RSS_OUT) fs.writeFileSync(process.env.TOKENOMICS_RSS_OUT, String(process.resourceUsage().maxRSS));
});
