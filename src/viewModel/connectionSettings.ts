// Reads the hand-editable `fsxTasks.connections` setting: whatever shape it has, the well-formed
// entries are kept and every other one is named, so the tree can say what to fix while the good
// connections keep working. A sentence names the entry by its position and never repeats what it
// holds: a workspace's settings.json writes it, and text such as `[x](command:...)` would render
// as a link wherever the sentence is shown.
import { L10n } from '../fsx/l10n';
import { isPlausibleRegion } from '../fsx/profiles';

export interface ConnectionSetting {
  readonly profile?: string;
  readonly region: string;
}

/** One entry the extension cannot use, said in a sentence that names it and what to change. */
export interface ConnectionSettingProblem {
  /** Position in the list, from 1; undefined when the setting itself has the wrong shape. */
  readonly entry?: number;
  readonly message: string;
}

export interface ParsedConnectionSettings {
  readonly connections: ConnectionSetting[];
  readonly problems: ConnectionSettingProblem[];
}

/** The same profile and region: one connection entry of the settings. */
export function sameConnectionSetting(a: { readonly profile?: string; readonly region: string }, b: { readonly profile?: string; readonly region: string }): boolean {
  return (a.profile ?? undefined) === (b.profile ?? undefined) && a.region === b.region;
}

export function parseConnectionSettings(raw: unknown, l10n: L10n): ParsedConnectionSettings {
  if (raw === undefined || raw === null) {
    return { connections: [], problems: [] };
  }
  if (!Array.isArray(raw)) {
    return {
      connections: [],
      problems: [{ message: l10n.t('fsxTasks.connections must be a list of entries with a profile and a region, not {0}. Open the settings to fix it.', kindOf(raw)) }],
    };
  }
  const connections: ConnectionSetting[] = [];
  const positions: number[] = [];
  const problems: ConnectionSettingProblem[] = [];
  raw.forEach((item: unknown, index) => {
    const entry = index + 1;
    const problem = (message: string) => problems.push({ entry, message });
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problem(l10n.t('Connection entry {0} is {1}, not an entry with a profile and a region.', entry, kindOf(item)));
      return;
    }
    const value = item as Record<string, unknown>;
    if (value.profile !== undefined && typeof value.profile !== 'string') {
      problem(l10n.t('Connection entry {0}: the profile must be a profile name in quotes.', entry));
      return;
    }
    const profile = typeof value.profile === 'string' && value.profile.trim() ? value.profile.trim() : undefined;
    const region = typeof value.region === 'string' ? value.region.trim() : '';
    if (!region) {
      problem(l10n.t('Connection entry {0} has no region. Add one such as "us-east-1".', entry));
      return;
    }
    if (!isPlausibleRegion(region)) {
      problem(l10n.t('Connection entry {0}: the region is not an AWS region name such as "us-east-1".', entry));
      return;
    }
    const setting = { profile, region };
    const earlier = connections.findIndex((candidate) => sameConnectionSetting(candidate, setting));
    if (earlier >= 0) {
      problem(l10n.t('Connection entry {0} repeats entry {1}; remove one of them.', entry, positions[earlier]));
      return;
    }
    connections.push(setting);
    positions.push(entry);
  });
  return { connections, problems };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  return value === null ? 'null' : `a ${typeof value}`;
}
