import * as vscode from 'vscode';

export const SECTION = 'fsxTasks';

export interface ConnectionSetting {
  readonly profile?: string;
  readonly region: string;
}

/** The same profile and region: one connection entry of the settings. */
export function sameConnectionSetting(a: { readonly profile?: string; readonly region: string }, b: { readonly profile?: string; readonly region: string }): boolean {
  return (a.profile ?? undefined) === (b.profile ?? undefined) && a.region === b.region;
}

/** Typed reads of the extension's settings; every default matches package.json. */
export class Settings {
  /**
   * Calls the listener when one of these settings (keys below `fsxTasks.`) changes; each
   * controller subscribes to the settings it cares about itself.
   */
  onDidChange(keys: readonly string[], listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) {
        listener();
      }
    });
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  connections(): ConnectionSetting[] {
    const raw = this.config.get<unknown>('connections', []);
    if (!Array.isArray(raw)) {
      return [];
    }
    // Hand-edited settings may hold anything: keep only well-formed entries.
    return raw.flatMap((entry): ConnectionSetting[] => {
      if (typeof entry !== 'object' || entry === null || typeof entry.region !== 'string' || !entry.region.trim()) {
        return [];
      }
      const profile = typeof entry.profile === 'string' && entry.profile.trim() ? entry.profile.trim() : undefined;
      return [{ profile, region: entry.region.trim() }];
    });
  }

  async setConnections(connections: readonly ConnectionSetting[]): Promise<void> {
    await this.config.update('connections', connections, vscode.ConfigurationTarget.Global);
  }

  endpoint(): string {
    return this.config.get<string>('endpoint', '');
  }

  /** `fsxTasks.s3Endpoint`: where completion reports are read; empty for the environment or the default. */
  s3Endpoint(): string {
    return this.config.get<string>('s3Endpoint', '');
  }

  useFipsEndpoint(): boolean {
    return this.config.get<boolean>('useFipsEndpoint', false);
  }

  pageSize(): number {
    return clamp(this.config.get<number>('tasks.pageSize', 50), 1, 50);
  }

  autoTrackActiveTasks(): boolean {
    return this.config.get<boolean>('tracking.autoTrackActiveTasks', false);
  }

  pollIntervalMs(): number {
    return clamp(this.config.get<number>('tracking.pollIntervalSeconds', 30), 10, 600) * 1000;
  }

  /** How a cancel is confirmed: a dialog whose default keeps the task, or typing its id. */
  cancelConfirmation(): 'dialog' | 'typeTaskId' {
    return this.config.get<unknown>('cancel.confirmation', 'dialog') === 'typeTaskId' ? 'typeTaskId' : 'dialog';
  }

  notifyWhenTaskEnds(): boolean {
    return this.config.get<boolean>('tracking.notifyWhenTaskEnds', true);
  }

  sandboxOnActivation(): boolean {
    return this.config.get<boolean>('sandbox.startOnActivation', false);
  }

  sandboxTimeScale(): number {
    return clamp(this.config.get<number>('sandbox.timeScale', 1), 0.1, 100);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
