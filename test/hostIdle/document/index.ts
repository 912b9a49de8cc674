// The dormant window woken by a document of ours (a tab restored after a reload) (test/hostIdle/dormant.ts).
import { runSuite } from '../../host/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
