import * as vscode from 'vscode';
import { ConnectionSetting, ParsedConnectionSettings, parseConnectionSettings } from '../model/connectionSettings';

export const SECTION = 'fsxTasks';

export { sameConnectionSetting, type ConnectionSetting } from '../model/connectionSettings';

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

  /** The well-formed, distinct entries of `fsxTasks.connections`. */
  connections(): ConnectionSetting[] {
    return this.connectionSettings().connections;
  }

  /** `fsxTasks.connections` as it is: the usable entries and a sentence per unusable one. */
  connectionSettings(): ParsedConnectionSettings {
    return parseConnectionSettings(this.config.get<unknown>('connections', []), vscode.l10n);
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
