// The numeric, enum and boolean settings: what each accepts (as package.json declares it), the
// value used for whatever is set, and one sentence when the setting is out of range or of the
// wrong shape. VS Code hands a settings.json value over as written, schema or not. vscode-free.
import { L10n } from '../fsx/l10n';

interface SpecBase<K extends string> {
  /** Below `fsxTasks.`. */
  readonly key: K;
}

export type SettingSpec =
  | (SpecBase<string> & { readonly kind: 'integer' | 'number'; readonly default: number; readonly min: number; readonly max: number })
  | (SpecBase<string> & { readonly kind: 'enum'; readonly default: string; readonly values: readonly string[] })
  | (SpecBase<string> & { readonly kind: 'boolean'; readonly default: boolean });

/** Every setting read through readSetting; a unit test holds each to its package.json entry. */
export const SETTING_SPECS = {
  pageSize: { key: 'tasks.pageSize', kind: 'integer', default: 50, min: 1, max: 50 },
  pollIntervalSeconds: { key: 'tracking.pollIntervalSeconds', kind: 'integer', default: 30, min: 10, max: 600 },
  sandboxTimeScale: { key: 'sandbox.timeScale', kind: 'number', default: 1, min: 0.1, max: 100 },
  cancelConfirmation: { key: 'cancel.confirmation', kind: 'enum', default: 'dialog', values: ['dialog', 'typeTaskId'] },
  useFipsEndpoint: { key: 'useFipsEndpoint', kind: 'boolean', default: false },
  autoTrackActiveTasks: { key: 'tracking.autoTrackActiveTasks', kind: 'boolean', default: false },
  notifyWhenTaskEnds: { key: 'tracking.notifyWhenTaskEnds', kind: 'boolean', default: true },
  sandboxOnActivation: { key: 'sandbox.startOnActivation', kind: 'boolean', default: false },
} as const satisfies Record<string, SettingSpec>;

export interface SettingRead<T> {
  readonly value: T;
  /** Set when the value set is not one the setting takes: what is wrong and what is used instead. */
  readonly problem?: string;
}

type ValueOf<S extends SettingSpec> = S extends { kind: 'boolean' } ? boolean : S extends { kind: 'enum'; values: readonly (infer V)[] } ? V : number;

/** The value to use for what is set (`raw`, undefined when unset), with a sentence when it is not one the setting takes. */
export function readSetting<S extends SettingSpec>(spec: S, raw: unknown, section: string, l10n: L10n): SettingRead<ValueOf<S>> {
  return read(spec, raw, `${section}.${spec.key}`, l10n) as SettingRead<ValueOf<S>>;
}

function read(spec: SettingSpec, raw: unknown, name: string, l10n: L10n): SettingRead<number | string | boolean> {
  if (raw === undefined || raw === null) {
    return { value: spec.default };
  }
  // A value of the wrong type is never repeated (a workspace's settings.json writes it, and a
  // notification renders `[label](command:...)` as a link): the message says what kind it is.
  switch (spec.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { value: spec.default, problem: l10n.t('{0} is {1}, not true or false: using the default, {2}.', name, kindOf(raw, l10n), String(spec.default)) };
    case 'enum':
      return typeof raw === 'string' && spec.values.includes(raw)
        ? { value: raw }
        : { value: spec.default, problem: l10n.t('{0} is {1}, not one of {2}: using the default, {3}.', name, kindOf(raw, l10n), spec.values.join(', '), spec.default) };
    default: {
      const range = `${spec.min}–${spec.max}`;
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        return {
          value: spec.default,
          problem:
            spec.kind === 'integer'
              ? l10n.t('{0} is {1}, not a whole number from {2}: using the default, {3}.', name, kindOf(raw, l10n), range, spec.default)
              : l10n.t('{0} is {1}, not a number from {2}: using the default, {3}.', name, kindOf(raw, l10n), range, spec.default),
        };
      }
      // From here the value is a finite number: its digits carry no syntax, and say what to change.
      const whole = spec.kind === 'integer' ? Math.round(raw) : raw;
      const value = Math.min(spec.max, Math.max(spec.min, whole));
      if (whole !== raw && value === whole) {
        return { value, problem: l10n.t('{0} is {1}, not a whole number: using {2}.', name, raw, value) };
      }
      if (value !== whole) {
        return {
          value,
          problem: raw < spec.min ? l10n.t('{0} is {1}, below its minimum of {2}: using {2}.', name, raw, spec.min) : l10n.t('{0} is {1}, above its maximum of {2}: using {2}.', name, raw, spec.max),
        };
      }
      return { value };
    }
  }
}

/** What kind of value was set, in words, without the value itself. */
function kindOf(raw: unknown, l10n: L10n): string {
  if (typeof raw === 'string') {
    return l10n.t('a text');
  }
  if (Array.isArray(raw)) {
    return l10n.t('a list');
  }
  switch (typeof raw) {
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('true or false');
    default:
      return l10n.t('an object');
  }
}

/**
 * Remembers which bad values were already reported, so a setting read on every listing warns
 * once per bad value: again only after it was changed (to another bad value, or good and back).
 */
export class ReportedOnce {
  private readonly reported = new Map<string, string>();

  /** True the first time this key holds this bad value; forgets the key once its value is good. */
  shouldReport(key: string, raw: unknown, bad: boolean): boolean {
    if (!bad) {
      this.reported.delete(key);
      return false;
    }
    const seen = JSON.stringify(raw) ?? String(raw);
    if (this.reported.get(key) === seen) {
      return false;
    }
    this.reported.set(key, seen);
    return true;
  }
}
