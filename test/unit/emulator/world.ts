// A small emulated account for the emulator's unit tests, and an assertion on service errors.
import * as assert from 'node:assert/strict';
import { ManualEmulatorClock } from '../../../src/emulator/clock';
import { ServiceError } from '../../../src/emulator/errors';
import { EmulatorStore } from '../../../src/emulator/store';
import { TaskRules } from '../../../src/emulator/taskRules';

/** For assert.throws: the error is the service's error with this code. */
export function serviceCode(code: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ServiceError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  };
}

export function world() {
  const clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1));
  const store = new EmulatorStore({ clock, seed: 42 });
  const rules = new TaskRules(store, 42);
  const lustre = store.addFileSystem({ name: 'lustre-a' });
  const other = store.addFileSystem({ name: 'lustre-b' });
  const windows = store.addFileSystem({ name: 'win', type: 'WINDOWS' });
  const cache = store.addFileCache();
  return { clock, store, rules, lustre, other, windows, cache };
}
