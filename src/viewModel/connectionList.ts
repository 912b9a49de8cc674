// The explorer's list of connections, reloaded latest-wins. Reloads overlap (a settings change
// while the sandbox starts): only the newest one's answer is applied, so an older, slower answer
// can never replace a newer list, and every caller waits until the list it asked for is shown.
// vscode-free: resolving and applying are injected.
import type { ConnectionEntry } from './explorerModel';

export class ConnectionList {
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();

  constructor(
    private readonly resolveEntries: () => Promise<readonly ConnectionEntry[]>,
    private readonly apply: (entries: readonly ConnectionEntry[]) => Promise<void> | void,
  ) {}

  /** Resolves once the newest reload has been applied; rejects if that reload failed. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    let current = this.resolveEntries().then(async (entries) => {
      if (generation === this.generation) {
        await this.apply(entries);
      }
    });
    this.latest = current;
    await current;
    // A newer reload started meanwhile: wait for it, and for any that started after it.
    while (this.latest !== current) {
      current = this.latest;
      await current;
    }
  }
}
