// "Create Association...", "Edit Association..." and "Delete Association...": on a file system row
// or its Associations group, or from the palette with a file system pick (create), or an
// association row (edit, delete). Each asks through the guided flows of
// viewModel/associationFlow.ts (delete: a modal whose default keeps the association, and a typed
// confirmation before the files go too), sends one request, puts the answer into the tree at once
// and follows the row until FSx settles it (viewModel/associationFollower.ts).
import * as vscode from 'vscode';
import { AssociationOperation, associationErrorMessage, associationRefusal } from '../fsx/associations';
import { plainText } from '../fsx/outsideText';
import { resourceLabel } from '../fsx/taskRequest';
import { Association, Connection, StorageResource } from '../fsx/types';
import { systemClock } from '../tracking/clock';
import { AssociationFollower } from '../viewModel/associationFollower';
import { AssociationNode, AssociationsNode } from '../views/explorer/associationNodes';
import { ResourceNode } from '../views/explorer/resourceNode';
import { startTaskAsk } from '../views/startTaskAsk';
import type { AppServices } from './services';
import { CommandDeps, FailureScope, registerScopedCommand } from './boundary';
import { pickFileSystem } from './fileSystemPick';

type AssociationDeps = CommandDeps & Pick<AppServices, 'model' | 'apiFor'>;

interface Place {
  readonly connection: Connection;
  readonly resource: StorageResource;
}

export function registerAssociationCommands(deps: AssociationDeps): vscode.Disposable[] {
  const follower = new AssociationFollower(deps.model, systemClock);
  const register = (id: string, operation: AssociationOperation, handler: (scope: FailureScope, arg: unknown) => Promise<void>) =>
    registerScopedCommand(id, deps, (scope, arg) => handler(scope, arg), { describeFailure: (error) => associationErrorMessage(error, operation, vscode.l10n) });
  return [
    follower,
    register('fsxTasks.createAssociation', 'CreateDataRepositoryAssociation', (scope, arg) => createAssociation(deps, follower, scope, arg)),
    register('fsxTasks.editAssociation', 'UpdateDataRepositoryAssociation', (scope, arg) => editAssociation(deps, follower, scope, arg)),
    register('fsxTasks.deleteAssociation', 'DeleteDataRepositoryAssociation', (scope, arg) => deleteAssociation(deps, follower, scope, arg)),
  ];
}

/** Says why the command has nothing to act on: these commands start from the tree. */
function fromTheTree(deps: AssociationDeps, what: string): void {
  void deps.prompts.message('info', vscode.l10n.t('Right-click {0} in the FSx view to use this command.', what));
}

async function createAssociation(deps: AssociationDeps, follower: AssociationFollower, scope: FailureScope, arg: unknown): Promise<void> {
  // From the tree, or from the palette: a pick of the file systems that can take an association.
  const place: Place | undefined =
    arg instanceof ResourceNode || arg instanceof AssociationsNode
      ? { connection: arg.connection, resource: arg.resource }
      : await pickFileSystem(deps, 'association', scope, {
          title: vscode.l10n.t('Create Association'),
          placeholder: vscode.l10n.t('Pick an FSx for Lustre file system to link to S3'),
          placeholderWithLeftOut: (count) =>
            vscode.l10n.t('Pick an FSx for Lustre file system to link to S3 ({0} others cannot take associations; the FSx view says why)', count),
        });
  if (!place) {
    return;
  }
  const { connection, resource } = place;
  scope.connection = connection;
  const refusal = associationRefusal(resource, vscode.l10n);
  if (refusal) {
    void deps.prompts.message('warning', refusal);
    return;
  }
  const existing = await deps.model.associations(connection, resource);
  // The flow's steps and rules load on first use (dist/onDemand.js, esbuild.js).
  const { runCreateAssociationFlow } = await import('../viewModel/associationFlow.js');
  const flow = await runCreateAssociationFlow({ resource, existing }, startTaskAsk(deps.prompts), vscode.l10n);
  if (flow.kind !== 'confirmed') {
    if (flow.kind === 'refused') {
      void deps.prompts.message('warning', flow.reason);
    }
    return;
  }
  const created = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating the association on {0}...', resourceLabel(resource)) },
    () => deps.apiFor(connection).createAssociation(flow.input),
  );
  deps.log.info(`Association ${created.associationId ?? '?'} created on ${resource.id}: ${created.lifecycle}`);
  settle(deps, follower, place, created);
  void deps.prompts.message(
    'info',
    vscode.l10n.t('FSx is creating the association of {0} with {1}; its row follows it until it is Available.', plainText(created.fileSystemPath), plainText(created.dataRepositoryPath)),
  );
}

async function editAssociation(deps: AssociationDeps, follower: AssociationFollower, scope: FailureScope, arg: unknown): Promise<void> {
  if (!(arg instanceof AssociationNode)) {
    fromTheTree(deps, vscode.l10n.t('an association'));
    return;
  }
  const place = { connection: arg.connection, resource: arg.resource };
  scope.connection = place.connection;
  const { runEditAssociationFlow } = await import('../viewModel/associationFlow.js');
  const flow = await runEditAssociationFlow(arg.association, place.resource, startTaskAsk(deps.prompts), vscode.l10n);
  if (flow.kind !== 'confirmed') {
    if (flow.kind === 'refused') {
      void deps.prompts.message('warning', flow.reason);
    }
    return;
  }
  const updated = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating the association at {0}...', plainText(arg.association.fileSystemPath)) },
    () => deps.apiFor(place.connection).updateAssociation(flow.input),
  );
  deps.log.info(`Association ${updated.associationId ?? '?'} updated: ${updated.lifecycle}`);
  settle(deps, follower, place, updated);
}

async function deleteAssociation(deps: AssociationDeps, follower: AssociationFollower, scope: FailureScope, arg: unknown): Promise<void> {
  if (!(arg instanceof AssociationNode)) {
    fromTheTree(deps, vscode.l10n.t('an association'));
    return;
  }
  const { association } = arg;
  const place = { connection: arg.connection, resource: arg.resource };
  scope.connection = place.connection;
  const { deleteRefusal, deleteWords } = await import('../viewModel/associationFlow.js');
  const refusal = deleteRefusal(association, place.resource, vscode.l10n);
  if (refusal) {
    void deps.prompts.message('warning', refusal);
    return;
  }
  const words = deleteWords(association, vscode.l10n);
  // The keep choice comes first: Enter (and Escape) keep the association.
  const choice = await deps.prompts.modal(words.message, words.detail, words.keep, words.deleteLink, words.deleteWithData);
  if (choice !== words.deleteLink && choice !== words.deleteWithData) {
    return;
  }
  const deleteData = choice === words.deleteWithData;
  if (deleteData && !(await deps.prompts.confirmByTyping(words.typedMessage, words.typedDetail, association.fileSystemPath))) {
    return;
  }
  const lifecycle = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting the association at {0}...', plainText(association.fileSystemPath)) },
    () => deps.apiFor(place.connection).deleteAssociation({ associationId: association.associationId as string, deleteDataInFileSystem: deleteData }),
  );
  deps.log.info(`Association ${association.associationId ?? '?'} delete requested (deleteDataInFileSystem=${deleteData}): ${lifecycle}`);
  settle(deps, follower, place, { ...association, lifecycle, failureMessage: undefined });
}

/** The answer's row at once, then followed until FSx settles it. */
function settle(deps: AssociationDeps, follower: AssociationFollower, place: Place, association: Association): void {
  deps.model.putAssociation(place.connection, place.resource, association);
  follower.follow(place.connection, place.resource);
}
