import * as vscode from 'vscode';
import type { ConnectionWrite, ScopedConnectionValues } from '../viewModel/connectionScopes';
import { ConnectionSetting, ParsedConnectionSettings, parseConnectionSettings, sameConnectionSetting } from '../viewModel/connectionSettings';
import { readSetting, ReportedOnce, SETTING_SPECS, SettingSpec } from '../viewModel/settingValues';
import { Prompts } from './prompts';

export const SECTION = 'fsxTasks';

export { sameConnectionSetting, type ConnectionSetting } from '../viewModel/connectionSettings';

/**
 * Typed reads of the extension's settings; every default matches package.json. A value out of
 * range or of the wrong shape is replaced (by the nearest bound or the default) and reported once
 * per bad value, as a warning that names the setting and offers to open it (the problems found
 * together, in one warning).
 */
export class Settings {
  private readonly reported = new ReportedOnce();
  private readonly pendingWarnings: Array<{ readonly key: string; readonly problem: string }> = [];

  constructor(private readonly prompts?: Pick<Prompts, 'message'>) {}

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

  /** Is this connection (its profile and region) one of the entries of `fsxTasks.connections`, so it can be removed or changed? */
  hasConnection(connection: { readonly profile?: string; readonly region: string }): boolean {
    return this.connections().some((entry) => sameConnectionSetting(entry, connection));
  }

  /** `fsxTasks.connections` as it is: the usable entries and a sentence per unusable one. */
  connectionSettings(): ParsedConnectionSettings {
    return parseConnectionSettings(this.config.get<unknown>('connections', []), vscode.l10n);
  }

  /** `fsxTasks.connections` in the user's and the workspace's settings, for an edit of the right scope (connectionScopes.ts). */
  connectionValues(): ScopedConnectionValues {
    const { globalValue, workspaceValue } = this.config.inspect<unknown>('connections') ?? {};
    return { globalValue, workspaceValue };
  }

  /** Writes a list to the one scope it was computed for; the other scope is left as it is. */
  async writeConnections(write: ConnectionWrite): Promise<void> {
    await this.config.update('connections', write.value, write.scope === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  }

  endpoint(): string {
    return this.config.get<string>('endpoint', '');
  }

  /** `fsxTasks.s3Endpoint`: where completion reports are read; empty for the environment or the default. */
  s3Endpoint(): string {
    return this.config.get<string>('s3Endpoint', '');
  }

  useFipsEndpoint(): boolean {
    return this.read(SETTING_SPECS.useFipsEndpoint);
  }

  pageSize(): number {
    return this.read(SETTING_SPECS.pageSize);
  }

  autoTrackActiveTasks(): boolean {
    return this.read(SETTING_SPECS.autoTrackActiveTasks);
  }

  pollIntervalMs(): number {
    return this.read(SETTING_SPECS.pollIntervalSeconds) * 1000;
  }

  /** How a cancel is confirmed: a dialog whose default keeps the task, or typing its id. */
  cancelConfirmation(): 'dialog' | 'typeTaskId' {
    return this.read(SETTING_SPECS.cancelConfirmation);
  }

  notifyWhenTaskEnds(): boolean {
    return this.read(SETTING_SPECS.notifyWhenTaskEnds);
  }

  sandboxOnActivation(): boolean {
    return this.read(SETTING_SPECS.sandboxOnActivation);
  }

  sandboxTimeScale(): number {
    return this.read(SETTING_SPECS.sandboxTimeScale);
  }

  /**
   * Checks every such setting now and whenever one changes, so a bad value is reported when it
   * is set, not only when something next reads it (the poll interval is read at activation).
   */
  watchValues(): vscode.Disposable {
    const check = () => Object.values(SETTING_SPECS).forEach((spec: SettingSpec) => this.read(spec));
    check();
    return this.onDidChange(
      Object.values(SETTING_SPECS).map((spec) => spec.key),
      check,
    );
  }

  private read<S extends SettingSpec>(spec: S): ReturnType<typeof readSetting<S>>['value'] {
    const raw = this.config.get<unknown>(spec.key);
    const read = readSetting(spec, raw, SECTION, vscode.l10n);
    if (this.reported.shouldReport(spec.key, raw, read.problem !== undefined) && read.problem) {
      this.queueWarning(spec.key, read.problem);
    }
    return read.value;
  }

  /**
   * Problems found in the same turn (a repository's settings.json with several bad values, read
   * at start-up) become one warning, not one toast each.
   */
  private queueWarning(key: string, problem: string): void {
    this.pendingWarnings.push({ key, problem });
    if (this.pendingWarnings.length === 1) {
      setTimeout(() => void this.warn(this.pendingWarnings.splice(0)), 0);
    }
  }

  private async warn(problems: ReadonlyArray<{ readonly key: string; readonly problem: string }>): Promise<void> {
    const open = vscode.l10n.t('Open Settings');
    const text =
      problems.length === 1
        ? problems[0].problem
        : vscode.l10n.t('{0} FSx settings cannot be used as set. {1}', problems.length, problems.map(({ problem }) => problem).join(' '));
    const choice = await this.prompts?.message('warning', text, open);
    if (choice === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', problems.length === 1 ? `${SECTION}.${problems[0].key}` : SECTION);
    }
  }
}
