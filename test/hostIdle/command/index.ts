// The dormant window woken by a palette command (test/hostIdle/dormant.ts).
import { runSuite } from '../../host/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
