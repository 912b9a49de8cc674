// The words and looks of a file's export state (HSM) in the Explorer: a one-letter badge, a
// theme colour, and a tooltip that says what the state means and what to do. vscode-free, user
// text through L10n. The states: mounts/hsm/states.ts; docs/ARCHITECTURE.md, "File export state (HSM)".
import type { L10n } from '../fsx/l10n';
import { type ExportState, type ExportStatus, type HsmFileError, type HsmSourceErrorKind, type NotReleasedReason, LUSTRE_CLIENT_DOC } from '../mounts/hsm';

export interface ExportStateLook {
  /** At most two characters (VS Code's rule for a file decoration's badge). */
  readonly badge: string;
  /** A theme colour id. */
  readonly color: string;
}

/** The first letter of each state's name; colours as the tree's rows use them (green is safe, yellow needs an action). */
export const EXPORT_STATE_LOOKS: Readonly<Record<ExportState, ExportStateLook>> = {
  exported: { badge: 'E', color: 'testing.iconPassed' },
  changed: { badge: 'C', color: 'problemsWarningIcon.foreground' },
  notExported: { badge: 'N', color: 'problemsWarningIcon.foreground' },
  released: { badge: 'R', color: 'charts.blue' },
  lost: { badge: 'L', color: 'problemsErrorIcon.foreground' },
};

export function createExportStateText(l10n: L10n) {
  const label = (state: ExportState): string => {
    switch (state) {
      case 'exported':
        return l10n.t('Exported');
      case 'changed':
        return l10n.t('Changed since export');
      case 'notExported':
        return l10n.t('Not exported');
      case 'released':
        return l10n.t('Released');
      case 'lost':
        return l10n.t('Lost from S3');
    }
  };

  const meaning = (state: ExportState): string => {
    switch (state) {
      case 'exported':
        return l10n.t('Exported to S3 and unchanged since: a release task may free its space here.');
      case 'changed':
        return l10n.t('Changed since its last export: Export to S3 to send the change.');
      case 'notExported':
        return l10n.t('Not exported: it is only on the file system. Export to S3 to send it.');
      case 'released':
        return l10n.t('Released: its data is only in S3. Reading the file loads it back.');
      case 'lost':
        return l10n.t('Lost from S3: the copy in S3 cannot be restored. Export to S3 again to keep a copy.');
    }
  };

  return {
    label,

    /** The tooltip: the state, what it means and what to do, then the flags the user set. Plain text. */
    tooltip(status: ExportStatus): string {
      const lines = [l10n.t('Export state: {0}', label(status.state)), meaning(status.state)];
      if (status.noRelease) {
        lines.push(l10n.t('Marked never_release: a release leaves its data on the file system.'));
      }
      if (status.noArchive) {
        lines.push(l10n.t('Marked never_archive: it is not exported.'));
      }
      return lines.join('\n');
    },

    /** A file lfs could not answer for: what to show, or undefined to show nothing (it vanished, or is no Lustre file). */
    fileErrorTooltip(error: HsmFileError): string | undefined {
      switch (error.kind) {
        case 'permission':
          return l10n.t('Export state unknown: lfs may not read this file (it opens the file to ask).');
        case 'noAnswer':
        case 'other':
          return l10n.t('Export state unknown: lfs gave no answer for this file. Refresh to ask again.');
        case 'notFound':
        case 'notSupported':
          return undefined;
      }
    },

    /** The one message when no state can be had at all, with its next step. */
    sourceErrorMessage(kind: HsmSourceErrorKind): string {
      switch (kind) {
        case 'notInstalled':
          return l10n.t('The export state of files is not shown: the Lustre client (lfs) is not installed here. Install it: {0}', LUSTRE_CLIENT_DOC);
        case 'notRunnable':
          return l10n.t('The export state of files is not shown: lfs could not be started. Check the Lustre client installation: {0}', LUSTRE_CLIENT_DOC);
        case 'timeout':
          return l10n.t('The export state of files is not shown: lfs did not answer in time. Check that the file system is reachable, then refresh.');
      }
    },

    /** Why a release would leave files, for the release preview. */
    notReleasedReason(reason: NotReleasedReason): string {
      switch (reason) {
        case 'alreadyReleased':
          return l10n.t('Already released');
        case 'lost':
          return l10n.t('Lost from S3: export it again first');
        case 'noRelease':
          return l10n.t('Marked never_release');
        case 'notExported':
          return l10n.t('Not exported: export it first');
        case 'changed':
          return l10n.t('Changed since export: export it first');
        case 'accessedRecently':
          return l10n.t('Accessed more recently than the chosen days');
        case 'unknown':
          return l10n.t('Export state unknown');
      }
    },
  };
}

export type ExportStateText = ReturnType<typeof createExportStateText>;
