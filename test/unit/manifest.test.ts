// The manifest's menus decide where Cancel appears. aws-toolkit once shipped a `when` regex with a
// character class that matched the wrong states; this evaluates every clause for every lifecycle.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLES, Task } from '../../src/fsx/types';
import { taskContextValue } from '../../src/viewModel/presentation';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));

type Context = Record<string, string | boolean | undefined>;

/** Evaluates the subset of VS Code's when-clause language the manifest uses. */
function evaluate(clause: string, context: Context): boolean {
  return clause.split('||').some((conjunction) =>
    conjunction.split('&&').every((term) => {
      const text = term.trim();
      const regex = /^([\w.]+)\s*=~\s*\/(.*)\/([a-z]*)$/.exec(text);
      if (regex) {
        return new RegExp(regex[2], regex[3]).test(String(context[regex[1]] ?? ''));
      }
      const equality = /^([\w.]+)\s*(==|!=)\s*'?([^']*)'?$/.exec(text);
      if (equality) {
        const equal = String(context[equality[1]] ?? '') === equality[3];
        return equality[2] === '==' ? equal : !equal;
      }
      if (text === 'true' || text === 'false') {
        return text === 'true';
      }
      if (text.startsWith('!')) {
        return !context[text.slice(1).trim()];
      }
      return !!context[text];
    }),
  );
}

function menuItems(menu: string, command: string): { when: string; group?: string }[] {
  return (manifest.contributes.menus[menu] as { command: string; when: string; group?: string }[]).filter((item) => item.command === command);
}

function offeredOn(menu: string, command: string, viewItem: string): boolean {
  return menuItems(menu, command).some((item) => evaluate(item.when, { view: 'fsxTasks.explorer', viewItem }));
}

describe('package.json menus', () => {
  it('evaluates when clauses as VS Code does for the forms used', () => {
    assert.equal(evaluate("view == fsxTasks.explorer && viewItem =~ /^task\\.(PENDING|EXECUTING)(\\.|$)/", { view: 'fsxTasks.explorer', viewItem: 'task.EXECUTING.tracked' }), true);
    assert.equal(evaluate("view == fsxTasks.explorer && viewItem =~ /^task\\.(PENDING|EXECUTING)(\\.|$)/", { view: 'fsxTasks.explorer', viewItem: 'task.EXECUTINGX' }), false);
    assert.equal(evaluate('!fsxTasks.sandboxActive', {}), true);
  });

  const withReport = { enabled: true, path: 's3://bucket/reports' } as Task['report'];
  for (const tracked of [false, true]) {
    for (const lifecycle of LIFECYCLES) {
      // With a report that lists failed files: the value gains `.report`, and nothing else may change.
      const reportItem = taskContextValue({ lifecycle, report: withReport, status: { failedCount: 2 } }, tracked);
      const ended = lifecycle === 'SUCCEEDED' || lifecycle === 'FAILED' || lifecycle === 'CANCELED';
      it(`offers Show Failed Files on ${reportItem}: ${ended}, and the other actions as without a report`, () => {
        assert.equal(offeredOn('view/item/context', 'fsxTasks.showFailedFiles', reportItem), ended);
        assert.equal(offeredOn('view/item/context', 'fsxTasks.showFailedFiles', taskContextValue({ lifecycle }, tracked)), false);
        const plain = taskContextValue({ lifecycle }, tracked);
        for (const command of ['fsxTasks.cancelTask', 'fsxTasks.trackTask', 'fsxTasks.untrackTask', 'fsxTasks.showTaskDetails', 'fsxTasks.showProgressChart']) {
          assert.equal(offeredOn('view/item/context', command, reportItem), offeredOn('view/item/context', command, plain), command);
        }
      });
      it(`offers Show Progress Chart on ${taskContextValue({ lifecycle }, tracked)} only while executing`, () => {
        assert.equal(offeredOn('view/item/context', 'fsxTasks.showProgressChart', taskContextValue({ lifecycle }, tracked)), lifecycle === 'EXECUTING');
      });
      // The value the tree really gives the row, not one rebuilt here.
      const viewItem = taskContextValue({ lifecycle }, tracked);
      const cancellable = lifecycle === 'PENDING' || lifecycle === 'EXECUTING';
      it(`offers Cancel on ${viewItem}: ${cancellable}`, () => {
        assert.equal(offeredOn('view/item/context', 'fsxTasks.cancelTask', viewItem), cancellable);
        const inline = menuItems('view/item/context', 'fsxTasks.cancelTask').filter((item) => item.group?.startsWith('inline'));
        assert.equal(inline.some((item) => evaluate(item.when, { view: 'fsxTasks.explorer', viewItem })), cancellable, 'inline icon');
      });
      it(`offers Track on ${viewItem} only while it can change and is not tracked`, () => {
        assert.equal(offeredOn('view/item/context', 'fsxTasks.trackTask', viewItem), !tracked && ['PENDING', 'EXECUTING', 'CANCELING'].includes(lifecycle));
        assert.equal(offeredOn('view/item/context', 'fsxTasks.untrackTask', viewItem), tracked);
      });
      it(`offers details and copy actions on ${viewItem}`, () => {
        for (const command of ['fsxTasks.showTaskDetails', 'fsxTasks.copyTaskId', 'fsxTasks.copyTaskArn', 'fsxTasks.openInConsole', 'fsxTasks.duplicateTask', 'fsxTasks.copyAsCliCommand']) {
          assert.ok(offeredOn('view/item/context', command, viewItem), command);
        }
      });
    }
  }

  it('offers Retry Failed Files on ended exports and releases with a failure report only, beside Show Failed Files', () => {
    for (const tracked of [false, true]) {
      for (const lifecycle of LIFECYCLES) {
        for (const type of ['EXPORT_TO_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM', 'IMPORT_METADATA_FROM_REPOSITORY', 'AUTO_RELEASE_DATA']) {
          const viewItem = taskContextValue({ lifecycle, type, report: withReport, status: { failedCount: 2 } }, tracked);
          const ended = lifecycle === 'SUCCEEDED' || lifecycle === 'FAILED' || lifecycle === 'CANCELED';
          const retryable = ended && (type === 'EXPORT_TO_REPOSITORY' || type === 'RELEASE_DATA_FROM_FILESYSTEM');
          assert.equal(offeredOn('view/item/context', 'fsxTasks.retryFailedFiles', viewItem), retryable, viewItem);
          assert.equal(offeredOn('view/item/context', 'fsxTasks.showFailedFiles', viewItem), ended, viewItem);
          assert.equal(offeredOn('view/item/context', 'fsxTasks.retryFailedFiles', taskContextValue({ lifecycle, type }, tracked)), false, 'no report, no retry');
          for (const command of ['fsxTasks.cancelTask', 'fsxTasks.trackTask', 'fsxTasks.untrackTask']) {
            assert.equal(offeredOn('view/item/context', command, viewItem), offeredOn('view/item/context', command, taskContextValue({ lifecycle }, tracked)), command);
          }
        }
      }
    }
  });

  it('offers Start Now and Remove on queued starts only, never in the palette', () => {
    for (const command of ['fsxTasks.startQueuedNow', 'fsxTasks.removeQueuedStart']) {
      for (const viewItem of ['queuedStart', 'queuedStart.refused']) {
        assert.ok(offeredOn('view/item/context', command, viewItem), `${command} on ${viewItem}`);
      }
      for (const viewItem of ['task.EXECUTING', 'resource.fileSystem', 'queuedStartX', 'empty']) {
        assert.equal(offeredOn('view/item/context', command, viewItem), false, `${command} on ${viewItem}`);
      }
      assert.ok((manifest.contributes.menus.commandPalette as { command: string; when: string }[]).some((item) => item.command === command && item.when === 'false'), command);
    }
    for (const command of ['fsxTasks.cancelTask', 'fsxTasks.trackTask', 'fsxTasks.showTaskDetails', 'fsxTasks.copyTaskId', 'fsxTasks.retryFailedFiles']) {
      assert.equal(offeredOn('view/item/context', command, 'queuedStart'), false, command);
    }
  });

  it('offers the start commands on file systems and usable associations only, and in the palette', () => {
    for (const command of ['fsxTasks.startExport', 'fsxTasks.startImport', 'fsxTasks.startRelease']) {
      for (const viewItem of ['resource.fileSystem', 'resource.fileSystem.ownLink', 'association.AVAILABLE', 'association.UPDATING', 'association.AVAILABLE.readOnly']) {
        assert.ok(offeredOn('view/item/context', command, viewItem), `${command} on ${viewItem}`);
      }
      for (const viewItem of ['resource.fileCache', 'resource.fileSystem.noS3', 'association.MISCONFIGURED', 'association.FAILED.readOnly', 'association.CREATING', 'associations', 'task.EXECUTING', 'connection.sandbox']) {
        assert.equal(offeredOn('view/item/context', command, viewItem), false, `${command} on ${viewItem}`);
      }
      assert.ok(!(manifest.contributes.menus.commandPalette as { command: string; when: string }[]).some((item) => item.command === command && item.when === 'false'), `${command} in the palette`);
    }
  });

  it('offers the association commands where they apply: create on file systems that take associations, edit and delete by lifecycle', () => {
    const lifecycles = ['CREATING', 'AVAILABLE', 'MISCONFIGURED', 'UPDATING', 'DELETING', 'FAILED'];
    const cases: [string, readonly string[], readonly string[]][] = [
      ['fsxTasks.createAssociation', ['resource.fileSystem', 'associations.creatable'], ['resource.fileSystem.ownLink', 'resource.fileSystem.noS3', 'resource.fileCache', 'associations', 'association.AVAILABLE']],
      ['fsxTasks.editAssociation', ['association.AVAILABLE', 'association.MISCONFIGURED'], [...lifecycles.filter((l) => l !== 'AVAILABLE' && l !== 'MISCONFIGURED').map((l) => `association.${l}`), 'association.AVAILABLE.readOnly', 'resource.fileSystem']],
      ['fsxTasks.deleteAssociation', ['association.AVAILABLE', 'association.MISCONFIGURED', 'association.FAILED'], ['association.CREATING', 'association.UPDATING', 'association.DELETING', 'association.FAILED.readOnly', 'associations.creatable']],
    ];
    const palette = manifest.contributes.menus.commandPalette as { command: string; when: string }[];
    assert.ok(!palette.some((item) => item.command === 'fsxTasks.createAssociation'), 'Create Association in the palette (it picks a file system)');
    for (const command of ['fsxTasks.editAssociation', 'fsxTasks.deleteAssociation']) {
      assert.ok(palette.some((item) => item.command === command && item.when === 'false'), `${command} needs an association row`);
    }
    for (const [command, on, off] of cases) {
      for (const viewItem of on) {
        assert.ok(offeredOn('view/item/context', command, viewItem), `${command} on ${viewItem}`);
      }
      for (const viewItem of off) {
        assert.equal(offeredOn('view/item/context', command, viewItem), false, `${command} on ${viewItem}`);
      }
    }
  });

  it('offers no task action on non-task nodes', () => {
    for (const viewItem of ['connection.sandbox', 'connection.configured', 'resource.fileSystem', 'resource.fileCache', 'loadMore', 'error.throttled', 'empty']) {
      for (const command of ['fsxTasks.cancelTask', 'fsxTasks.trackTask', 'fsxTasks.showTaskDetails', 'fsxTasks.copyTaskId', 'fsxTasks.duplicateTask', 'fsxTasks.copyAsCliCommand']) {
        assert.equal(offeredOn('view/item/context', command, viewItem), false, `${command} on ${viewItem}`);
      }
    }
  });

  it('shows the commands that pick their own target in every window, before the main code has loaded', () => {
    // Activation loads a small entry first: a `when` on fsxTasks.activated would hide these until then.
    const palette = manifest.contributes.menus.commandPalette as { command: string; when: string }[];
    for (const command of ['fsxTasks.startExport', 'fsxTasks.startImport', 'fsxTasks.startRelease', 'fsxTasks.duplicateTask', 'fsxTasks.copyAsCliCommand', 'fsxTasks.createAssociation']) {
      assert.ok(palette.filter((item) => item.command === command).every((item) => evaluate(item.when, {})), `${command} shown in a window not yet loaded`);
    }
  });

  it('hides node-only commands from the palette and keeps one category and prefix', () => {
    const hidden = new Set((manifest.contributes.menus.commandPalette as { command: string; when: string }[]).filter((item) => item.when === 'false').map((item) => item.command));
    for (const command of ['fsxTasks.loadMore', 'fsxTasks.removeConnection', 'fsxTasks.copyTaskId', 'fsxTasks.untrackTask']) {
      assert.ok(hidden.has(command), command);
    }
    for (const command of ['fsxTasks.cancelTask', 'fsxTasks.trackTask', 'fsxTasks.showTaskDetails', 'fsxTasks.exploreSandbox', 'fsxTasks.duplicateTask', 'fsxTasks.copyAsCliCommand']) {
      assert.ok(!hidden.has(command), command);
    }
    for (const command of manifest.contributes.commands as { command: string; category: string }[]) {
      assert.match(command.command, /^fsxTasks\.[a-zA-Z]+$/);
      assert.equal(command.category, 'FSx');
    }
  });

  it('has an English string for every %key% in the manifest', () => {
    const keys = JSON.stringify(manifest).match(/%[\w.]+%/g) ?? [];
    assert.ok(keys.length > 20);
    for (const key of keys) {
      assert.ok(nls[key.slice(1, -1)], key);
    }
  });

  it('restricts the settings that could redirect signed requests in untrusted workspaces', () => {
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    const properties = manifest.contributes.configuration.properties;
    for (const key of ['fsxTasks.endpoint', 'fsxTasks.s3Endpoint', 'fsxTasks.connections', 'fsxTasks.useFipsEndpoint']) {
      assert.ok(restricted.includes(key), key);
      assert.match(properties[key].scope, /^machine/, key);
    }
    assert.equal(properties['fsxTasks.endpoint'].scope, 'machine');
  });

  it('decides for every setting whether a workspace may set it: none in Restricted Mode; where requests go and what starts by itself, only the user', () => {
    const properties: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;
    // machine: the user's (or the remote machine's) settings only. machine-overridable: a trusted
    // workspace may list its profiles and regions; the endpoints stay the user's. window: how
    // things look or how often, within bounds.
    const scopes: Record<string, string> = {
      'fsxTasks.connections': 'machine-overridable',
      'fsxTasks.endpoint': 'machine',
      'fsxTasks.s3Endpoint': 'machine',
      'fsxTasks.useFipsEndpoint': 'machine',
      'fsxTasks.tasks.pageSize': 'window',
      'fsxTasks.tracking.autoTrackActiveTasks': 'machine', // background requests with the user's credentials
      'fsxTasks.tracking.pollIntervalSeconds': 'window',
      'fsxTasks.tracking.notifyWhenTaskEnds': 'window',
      'fsxTasks.cancel.confirmation': 'window',
      'fsxTasks.sandbox.startOnActivation': 'machine', // starts a server on the user's machine
      'fsxTasks.sandbox.timeScale': 'window',
    };
    assert.deepEqual(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, value.scope])), scopes);
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.deepEqual([...restricted].sort(), Object.keys(properties).sort(), 'an untrusted workspace sets none of them');
  });

  it("offers the Explorer's FSx items on local and remote files while a Lustre mount exists; Import on folders only", () => {
    const offered = (command: string, context: Context) => menuItems('explorer/context', command).some((item) => evaluate(item.when, context));
    for (const resourceScheme of ['file', 'vscode-remote']) {
      for (const explorerResourceIsFolder of [true, false]) {
        const context = { resourceScheme, explorerResourceIsFolder, 'fsxTasks.hasLustreMounts': true };
        for (const command of ['fsxTasks.exportFromExplorer', 'fsxTasks.releaseFromExplorer', 'fsxTasks.restoreFromExplorer', 'fsxTasks.showMountedTasks']) {
          assert.ok(offered(command, context), `${command} on ${resourceScheme}`);
          assert.ok(!offered(command, { ...context, 'fsxTasks.hasLustreMounts': false }), `${command} without mounts`);
          assert.ok(!offered(command, { ...context, resourceScheme: 'untitled' }), `${command} on untitled`);
        }
        assert.equal(offered('fsxTasks.importFromExplorer', context), explorerResourceIsFolder, `import, folder: ${explorerResourceIsFolder}`);
      }
    }
    const hidden = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).filter((item) => item.when === 'false').map((item) => item.command);
    for (const item of manifest.contributes.menus['explorer/context'] as { command: string }[]) {
      assert.ok(hidden.includes(item.command), `${item.command} needs a selection: hidden from the palette`);
    }
  });

  it('runs where the workspace is in a remote window (the mounts and the instance role are there)', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
  });

  it('activates once start-up has finished, never during it', () => {
    // After a reload the status bar follows the tracked tasks again without the view being opened;
    // what activation loads is kept small (test/unit/bundles.test.ts).
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
  });

  it('contributes a first-run walkthrough whose steps each have an action, a completion event and media', () => {
    const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: { id: string; description: string; completionEvents: string[]; media: { image: string; altText: string } }[] }[];
    assert.ok(walkthrough, 'a walkthrough');
    const commands = new Set((manifest.contributes.commands as { command: string }[]).map((command) => command.command));
    assert.deepEqual(
      walkthrough.steps.map((step) => step.completionEvents),
      [['onCommand:fsxTasks.exploreSandbox'], ['onCommand:fsxTasks.addConnection'], ['onCommand:fsxTasks.trackTask', 'onCommand:fsxTasks.cancelTask', 'onCommand:fsxTasks.cancelTasks']],
    );
    for (const step of walkthrough.steps) {
      const description = nls[step.description.slice(1, -1)];
      const actions = [...description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]);
      assert.ok(actions.length > 0, `${step.id} has a button`);
      for (const command of [...actions, ...step.completionEvents.map((event) => event.replace(/^onCommand:/, ''))]) {
        assert.ok(commands.has(command), `${step.id}: ${command} is contributed`);
      }
      assert.ok(existsSync(join(root, step.media.image)), `${step.media.image} exists`);
      assert.ok(/^media\/.+\.svg$/.test(step.media.image), 'an SVG, packaged (.vscodeignore allows media/)');
      assert.ok(nls[step.media.altText.slice(1, -1)], `${step.id} alt text`);
    }
    // The empty states keep their welcome content.
    assert.ok((manifest.contributes.viewsWelcome as unknown[]).length > 0);
  });
});
