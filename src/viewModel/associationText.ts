// The words and looks of data repository association rows (and an older file system's own S3
// link): the file system path as the label and a state other than Available first in the
// description, so a side bar of the default width still shows them; the policies and any failure
// with its next step for the tooltip. vscode-free, user text through L10n.
import { s3LinkKind } from '../fsx/associations';
import { L10n } from '../fsx/l10n';
import { Association, StorageResource } from '../fsx/types';

export interface AssociationLook {
  readonly icon: string;
  readonly color?: string;
}

const LOOKS: Readonly<Record<string, AssociationLook>> = {
  AVAILABLE: { icon: 'link', color: 'testing.iconPassed' },
  CREATING: { icon: 'clock' },
  UPDATING: { icon: 'sync' },
  DELETING: { icon: 'trash' },
  MISCONFIGURED: { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  FAILED: { icon: 'error', color: 'problemsErrorIcon.foreground' },
};

/**
 * A resource row's context value, which the menus read (package.json, checked by
 * test/unit/manifest.test.ts): `resource.fileSystem` takes tasks and associations,
 * `resource.fileSystem.ownLink` tasks only (its own S3 link, Scratch 1, Lustre 2.10),
 * `resource.fileSystem.noS3` neither (Intelligent-Tiering), `resource.fileCache`.
 */
export function resourceContextValue(resource: StorageResource): string {
  switch (s3LinkKind(resource)) {
    case 'cacheAssociations':
      return 'resource.fileCache';
    case 'associations':
      return 'resource.fileSystem';
    case 'ownLink':
      return 'resource.fileSystem.ownLink';
    case 'noS3':
      return 'resource.fileSystem.noS3';
  }
}

/** The Associations group: `associations.creatable` where Create Association applies. */
export function associationsContextValue(resource: StorageResource): string {
  return s3LinkKind(resource) === 'associations' ? 'associations.creatable' : 'associations';
}

/**
 * An association row: `association.<LIFECYCLE>` for one this extension can edit and delete, with
 * `.readOnly` for a file system's own link or a File Cache's association (the API changes neither).
 */
export function associationContextValue(association: Association, resource: StorageResource): string {
  const editable = association.source === 'association' && s3LinkKind(resource) === 'associations';
  return `association.${association.lifecycle}${editable ? '' : '.readOnly'}`;
}

export function isProblem(association: Association): boolean {
  return association.lifecycle === 'MISCONFIGURED' || association.lifecycle === 'FAILED';
}

export function createAssociationText(l10n: L10n) {
  const lifecycleLabel = (lifecycle: string): string => {
    switch (lifecycle) {
      case 'AVAILABLE':
        return l10n.t('Available');
      case 'CREATING':
        return l10n.t('Creating');
      case 'UPDATING':
        return l10n.t('Updating');
      case 'DELETING':
        return l10n.t('Deleting');
      case 'MISCONFIGURED':
        return l10n.t('Misconfigured');
      case 'FAILED':
        return l10n.t('Failed');
      default:
        return lifecycle;
    }
  };
  const events = (list: readonly string[] | undefined): string => (list === undefined ? l10n.t('not available here') : list.length === 0 ? l10n.t('off') : list.join(', '));
  return {
    lifecycleLabel,
    look: (association: Association): AssociationLook => (Object.hasOwn(LOOKS, association.lifecycle) ? LOOKS[association.lifecycle] : { icon: 'question' }),
    /** "/ns1": where it sits in the file system, short enough for a side bar of the default width. */
    rowLabel: (association: Association): string => association.fileSystemPath,
    /**
     * "Misconfigured · 3 failed exports · ↔ s3://bucket/prefix/": what changes first (a state other
     * than Available, which the icon shows, and the automatic export and import failures), then
     * the repository, which the side bar may cut; the hover and the screen reader have it all.
     */
    rowDescription: (association: Association, failures?: string): string =>
      [association.lifecycle === 'AVAILABLE' ? undefined : lifecycleLabel(association.lifecycle), failures, `↔ ${association.dataRepositoryPath}`].filter((part) => part !== undefined).join(' · '),
    accessibleLabel: (association: Association): string =>
      l10n.t('{0} linked to {1}, {2}', association.fileSystemPath, association.dataRepositoryPath, lifecycleLabel(association.lifecycle)),
    /** What is wrong and what to do, for MISCONFIGURED and FAILED; undefined otherwise. */
    problem: (association: Association): { readonly message: string; readonly nextStep: string } | undefined => {
      if (association.lifecycle === 'MISCONFIGURED') {
        return {
          message: association.failureMessage ?? l10n.t('FSx cannot import or export automatically until the link is fixed.'),
          nextStep: l10n.t('Fix what the message names (often the S3 bucket policy, the IAM role or the bucket’s event notifications); FSx returns the association to AVAILABLE by itself once it can reach the bucket, or choose Edit Association... to apply its settings again.'),
        };
      }
      if (association.lifecycle === 'FAILED') {
        return {
          message: association.failureMessage ?? l10n.t('FSx could not create or update this association.'),
          nextStep: l10n.t('Fix the cause the message names, then delete the association (Delete Association...) and create it again (Create Association...).'),
        };
      }
      return undefined;
    },
    /** The tooltip's facts, one [label, value] each. */
    facts: (association: Association): [string, string][] => {
      const facts: [string, string][] = [
        [l10n.t('State'), association.lifecycle],
        [l10n.t('File system path'), association.fileSystemPath],
        [l10n.t('Data repository'), association.dataRepositoryPath],
      ];
      if (association.exportPath && association.exportPath !== association.dataRepositoryPath) {
        facts.push([l10n.t('Export path'), association.exportPath]);
      }
      facts.push([l10n.t('Automatic import'), events(association.autoImportEvents)]);
      facts.push([l10n.t('Automatic export'), events(association.autoExportEvents)]);
      if (association.batchImportMetaDataOnCreate !== undefined) {
        facts.push([l10n.t('Import metadata on create'), association.batchImportMetaDataOnCreate ? l10n.t('yes') : l10n.t('no')]);
      }
      facts.push([l10n.t('ID'), association.associationId ?? l10n.t('the file system’s own S3 link')]);
      return facts;
    },
  };
}
