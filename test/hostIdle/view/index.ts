// The dormant window woken by showing the view (test/hostIdle/dormant.ts).
import { runSuite } from '../../host/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
