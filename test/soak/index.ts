// The soak's host entry (scripts/soak.mjs): the mocha suite of the *.test.js files beside this one.
import { runSuite } from '../host/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
