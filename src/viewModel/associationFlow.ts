// The guided create and edit of a data repository association, as tables of steps asked through
// the start-task flow's `ask` (quick input with Back on every step but the first; one modal
// summary before anything is sent). Create: file system path -> S3 path -> import now ->
// automatic import -> automatic export -> chunk size -> confirm. Edit (an AVAILABLE or
// MISCONFIGURED association): automatic import -> automatic export -> chunk size -> confirm.
// Every answer is checked by associationRequest.ts before the flow moves on; the
// ClientRequestToken is made when the person confirms. vscode-free.
import { associationRefusal } from '../fsx/associations';
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { Checked, newClientRequestToken, resourceLabel } from '../fsx/taskRequest';
import { Association, AssociationEvent, CreateAssociationInput, StorageResource, UpdateAssociationInput } from '../fsx/types';
import {
  checkDataRepositoryPath,
  checkFileSystemPath,
  countRefusal,
  DEFAULT_CHUNK_SIZE_MIB,
  EVENT_CHOICES,
  normalizedEvents,
  parseChunkSize,
  sameEvents,
} from './associationRequest';
import { Answer, BACK, Position, StartTaskAsk } from './startTaskFlow';

export type AssociationFlowResult<T> =
  | { readonly kind: 'confirmed'; readonly input: T; readonly summary: readonly string[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly reason: string };

export interface AssociationFlowOptions {
  /** Makes the idempotency token (tests pass a fixed one). */
  readonly newToken?: () => string;
}

/** What a step does next: move on, go back, ask again, stop, or the confirmed request. */
type Move<T> = 'next' | 'back' | 'again' | 'dismissed' | Extract<AssociationFlowResult<T>, { kind: 'confirmed' }>;

interface Step<T> {
  run(position: Position): Promise<Move<T>>;
}

function moveOf<T>(answer: Answer<unknown>): Move<T> {
  return answer === undefined ? 'dismissed' : answer === BACK ? 'back' : 'next';
}

/** Asks the steps in order until the person confirms or dismisses one; Back on the first step stays there. */
async function runSteps<T>(title: string, steps: readonly Step<T>[]): Promise<AssociationFlowResult<T>> {
  let index = 0;
  for (;;) {
    const move = await steps[index].run({ title, step: index + 1, totalSteps: steps.length, canGoBack: index > 0 });
    if (move === 'dismissed') {
      return { kind: 'cancelled' };
    }
    if (move === 'back' || move === 'next') {
      index = move === 'back' ? Math.max(0, index - 1) : index + 1;
    } else if (move !== 'again') {
      return move;
    }
  }
}

/** A text step whose answer is kept in `state[field]` and moves on only when `check` accepts it. */
function textStep<T, S extends Record<string, unknown>>(
  ask: StartTaskAsk,
  state: S,
  field: keyof S & string,
  words: { readonly prompt: string; readonly placeholder: string },
  check: (text: string) => Checked<unknown>,
): Step<T> {
  return {
    async run(position) {
      const validate = (text: string) => {
        const checked = check(text);
        return checked.ok ? undefined : checked.message;
      };
      const answer = await ask.text({ ...position, kind: 'text', id: field, ...words, value: String(state[field] ?? ''), validate });
      if (typeof answer === 'string') {
        if (validate(answer) !== undefined) {
          return 'again';
        }
        (state as Record<string, unknown>)[field] = answer;
      }
      return moveOf(answer);
    },
  };
}

/** A pick step among `items`, its answer kept in `state[field]`. */
function pickStep<T, S extends Record<string, unknown>, V>(
  ask: StartTaskAsk,
  state: S,
  field: keyof S & string,
  placeholder: string,
  items: readonly { readonly label: string; readonly description?: string; readonly value: V }[],
  same: (a: V, b: V) => boolean,
): Step<T> {
  return {
    async run(position) {
      const current = state[field] as V;
      const active = items.find((item) => same(item.value, current))?.value ?? items[0].value;
      const answer = await ask.pick<V>({ ...position, kind: 'pick', id: field, placeholder, items, active });
      if (answer !== undefined && answer !== BACK) {
        (state as Record<string, unknown>)[field] = answer;
      }
      return moveOf(answer);
    },
  };
}

function confirmStep<T>(ask: StartTaskAsk, summary: () => readonly string[], confirmLabel: string, input: () => T): Step<T> {
  return {
    async run(position) {
      const lines = summary();
      const answer = await ask.confirm({ ...position, kind: 'confirm', id: 'confirm', message: lines[0], details: lines.slice(1), confirmLabel });
      return answer === true ? { kind: 'confirmed', input: input(), summary: lines } : moveOf(answer);
    },
  };
}

function eventsText(events: readonly string[], l10n: L10n): string {
  return events.length === 0 ? l10n.t('off') : normalizedEvents(events).join(', ');
}

function eventItems(direction: 'import' | 'export', l10n: L10n) {
  return EVENT_CHOICES.map((events) => ({
    label: eventsText(events, l10n),
    description:
      events.length === 0
        ? direction === 'import'
          ? l10n.t('S3 changes reach the file system only through import tasks')
          : l10n.t('file changes reach S3 only through export tasks')
        : direction === 'import'
          ? l10n.t('S3 objects that are {0} appear in the file system by themselves', eventsText(events, l10n).toLowerCase())
          : l10n.t('files that are {0} are exported to S3 by themselves', eventsText(events, l10n).toLowerCase()),
    value: events,
  }));
}

function policyLines(importEvents: readonly string[], exportEvents: readonly string[], chunkSize: number | undefined, l10n: L10n): string[] {
  return [
    l10n.t('Automatic import: {0}', eventsText(importEvents, l10n)),
    l10n.t('Automatic export: {0}', eventsText(exportEvents, l10n)),
    l10n.t('Imported file chunk size: {0} MiB', (chunkSize ?? DEFAULT_CHUNK_SIZE_MIB).toLocaleString('en-US')),
  ];
}

const sameList = (a: readonly AssociationEvent[], b: readonly AssociationEvent[]) => sameEvents(a, b);

export interface CreateAssociationTarget {
  readonly resource: StorageResource;
  /** The file system's associations now: new paths must not overlap theirs. */
  readonly existing: readonly Association[];
}

/** Create Association: refused before any question when the file system kind or the count forbids it. */
export async function runCreateAssociationFlow(
  target: CreateAssociationTarget,
  ask: StartTaskAsk,
  l10n: L10n,
  options: AssociationFlowOptions = {},
): Promise<AssociationFlowResult<CreateAssociationInput>> {
  const { resource, existing } = target;
  const refusal = associationRefusal(resource, l10n) ?? countRefusal(existing, l10n);
  if (refusal) {
    return { kind: 'refused', reason: refusal };
  }
  const state = {
    fileSystemPath: '',
    dataRepositoryPath: '',
    importNow: true,
    importEvents: EVENT_CHOICES[0] as readonly AssociationEvent[],
    exportEvents: EVENT_CHOICES[0] as readonly AssociationEvent[],
    chunkSize: '',
  };
  const first = existing.every((association) => association.source !== 'association');
  const input = (): CreateAssociationInput => ({
    fileSystemId: resource.id,
    fileSystemPath: state.fileSystemPath.trim(),
    dataRepositoryPath: state.dataRepositoryPath.trim(),
    batchImportMetaDataOnCreate: state.importNow,
    importedFileChunkSize: chunkOf(state.chunkSize, l10n),
    autoImportEvents: normalizedEvents(state.importEvents),
    autoExportEvents: normalizedEvents(state.exportEvents),
    clientRequestToken: (options.newToken ?? newClientRequestToken)(),
  });
  const summary = (): string[] => [
    l10n.t('Link {0} on {1} to {2}?', plainText(state.fileSystemPath.trim()), resourceLabel(resource), plainText(state.dataRepositoryPath.trim())),
    state.importNow
      ? l10n.t('Import metadata now: yes (an import task lists the S3 objects as files once the association is available)')
      : l10n.t('Import metadata now: no (files appear as automatic import or an import task brings them)'),
    ...policyLines(state.importEvents, state.exportEvents, chunkOf(state.chunkSize, l10n), l10n),
    l10n.t('FSx takes a few minutes to create it; the row shows Creating until it is Available.'),
  ];
  return runSteps(l10n.t('Create Association: {0}', resourceLabel(resource)), [
    textStep(
      ask,
      state,
      'fileSystemPath',
      {
        prompt: first
          ? l10n.t('The file system directory to link, beginning with / (the first association may link the root, /)')
          : l10n.t('The file system directory to link, beginning with /; it must not overlap another association’s'),
        placeholder: '/ns1/',
      },
      (text) => checkFileSystemPath(text, existing, l10n),
    ),
    textStep(ask, state, 'dataRepositoryPath', { prompt: l10n.t('The S3 bucket or prefix to link to it'), placeholder: 's3://my-bucket/my-prefix/' }, (text) =>
      checkDataRepositoryPath(text, existing, l10n),
    ),
    pickStep(
      ask,
      state,
      'importNow',
      l10n.t('Import the metadata of the objects already in S3 once the association is created?'),
      [
        { label: l10n.t('Import metadata now'), description: l10n.t('existing S3 objects appear as files (an import task runs)'), value: true },
        { label: l10n.t('Do not import now'), description: l10n.t('start an import task later when you need the files'), value: false },
      ],
      (a, b) => a === b,
    ),
    pickStep(ask, state, 'importEvents', l10n.t('Automatic import: which S3 changes FSx brings into the file system'), eventItems('import', l10n), sameList),
    pickStep(ask, state, 'exportEvents', l10n.t('Automatic export: which file changes FSx sends to S3'), eventItems('export', l10n), sameList),
    chunkStep<CreateAssociationInput>(ask, state, l10n),
    confirmStep(ask, summary, l10n.t('Create Association'), input),
  ]);
}

function chunkStep<T>(ask: StartTaskAsk, state: { chunkSize: string }, l10n: L10n): Step<T> {
  return textStep(
    ask,
    state,
    'chunkSize',
    {
      prompt: l10n.t('Imported file chunk size in MiB: how much of a file one disk (OST) holds; empty for FSx’s default, {0}', DEFAULT_CHUNK_SIZE_MIB),
      placeholder: String(DEFAULT_CHUNK_SIZE_MIB),
    },
    (text) => parseChunkSize(text, l10n),
  );
}

function chunkOf(text: string, l10n: L10n): number | undefined {
  const parsed = parseChunkSize(text, l10n);
  return parsed.ok ? parsed.value : undefined;
}

/** Why this association cannot be edited here, or undefined. */
export function editRefusal(association: Association, resource: StorageResource, l10n: L10n): string | undefined {
  const kindRefusal = associationRefusal(resource, l10n);
  if (kindRefusal || association.source !== 'association' || !association.associationId) {
    return kindRefusal ?? l10n.t('This S3 link belongs to the file system itself; FSx changes it only through the file system’s own settings.');
  }
  if (association.lifecycle !== 'AVAILABLE' && association.lifecycle !== 'MISCONFIGURED') {
    return l10n.t('The association at {0} is {1}; it can be changed once it is Available.', plainText(association.fileSystemPath), plainText(association.lifecycle));
  }
  return undefined;
}

/** Edit Association: automatic import and export events and the chunk size. */
export async function runEditAssociationFlow(
  association: Association,
  resource: StorageResource,
  ask: StartTaskAsk,
  l10n: L10n,
  options: AssociationFlowOptions = {},
): Promise<AssociationFlowResult<UpdateAssociationInput>> {
  const refusal = editRefusal(association, resource, l10n);
  if (refusal) {
    return { kind: 'refused', reason: refusal };
  }
  const state = {
    importEvents: normalizedEvents(association.autoImportEvents) as readonly AssociationEvent[],
    exportEvents: normalizedEvents(association.autoExportEvents) as readonly AssociationEvent[],
    chunkSize: association.importedFileChunkSize === undefined ? '' : String(association.importedFileChunkSize),
  };
  const path = plainText(association.fileSystemPath);
  const summary = (): string[] => [
    l10n.t('Change the association at {0} ({1})?', path, plainText(association.dataRepositoryPath)),
    ...policyLines(state.importEvents, state.exportEvents, chunkOf(state.chunkSize, l10n) ?? association.importedFileChunkSize, l10n),
    l10n.t('FSx applies it in a few minutes; the row shows Updating until it is Available again.'),
  ];
  const input = (): UpdateAssociationInput => ({
    associationId: association.associationId as string,
    importedFileChunkSize: chunkOf(state.chunkSize, l10n),
    autoImportEvents: normalizedEvents(state.importEvents),
    autoExportEvents: normalizedEvents(state.exportEvents),
    clientRequestToken: (options.newToken ?? newClientRequestToken)(),
  });
  return runSteps(l10n.t('Edit Association: {0}', path), [
    pickStep(ask, state, 'importEvents', l10n.t('Automatic import: which S3 changes FSx brings into the file system'), eventItems('import', l10n), sameList),
    pickStep(ask, state, 'exportEvents', l10n.t('Automatic export: which file changes FSx sends to S3'), eventItems('export', l10n), sameList),
    chunkStep<UpdateAssociationInput>(ask, state, l10n),
    confirmStep(ask, summary, l10n.t('Save Changes'), input),
  ]);
}

/** Why this association cannot be deleted here, or undefined. */
export function deleteRefusal(association: Association, resource: StorageResource, l10n: L10n): string | undefined {
  const kindRefusal = associationRefusal(resource, l10n);
  if (kindRefusal || association.source !== 'association' || !association.associationId) {
    return kindRefusal ?? l10n.t('This S3 link belongs to the file system itself and cannot be deleted on its own.');
  }
  if (association.lifecycle === 'DELETING') {
    return l10n.t('The association at {0} is already being deleted.', plainText(association.fileSystemPath));
  }
  if (association.lifecycle === 'CREATING' || association.lifecycle === 'UPDATING') {
    return l10n.t('The association at {0} is {1}; it can be deleted once that has finished.', plainText(association.fileSystemPath), plainText(association.lifecycle));
  }
  return undefined;
}

/** The words of the delete modal and of the typed confirmation that also deletes the files. */
export function deleteWords(association: Association, l10n: L10n) {
  const path = plainText(association.fileSystemPath);
  const repository = plainText(association.dataRepositoryPath);
  return {
    message: l10n.t('Delete the association between {0} and {1}?', path, repository),
    detail: l10n.t(
      'Automatic import and export stop for {0}. The files stay in the file system and the objects stay in S3, unless you choose to delete the files as well.',
      path,
    ),
    keep: l10n.t('Keep Association'),
    deleteLink: l10n.t('Delete Association'),
    deleteWithData: l10n.t('Delete Association and Files...'),
    typedMessage: l10n.t('Delete the association and every file under {0}?', path),
    typedDetail: l10n.t(
      'DeleteDataInFileSystem removes every file and directory under {0} from the file system, including changes not yet exported to {1}. The objects in S3 are not deleted. This cannot be undone.',
      path,
      repository,
    ),
  };
}
