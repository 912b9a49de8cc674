// Mocha's spec reporter that also writes the runner's own counts (runner.stats: passes,
// failures, pending, ...) as JSON to the file named by `--reporter-option stats=<file>`, so
// scripts/test.mjs reads numbers instead of parsing the printed summary. CommonJS: mocha
// require()s reporters.
'use strict';
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

class SpecWithStats extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = options?.reporterOption?.stats;
    if (file) {
      runner.once('end', () => writeFileSync(file, `${JSON.stringify(runner.stats)}\n`));
    }
  }
}

module.exports = SpecWithStats;
