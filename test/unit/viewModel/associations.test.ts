// Associations before anything is sent: the path and count rules, what each file system kind
// allows (associations, tasks), the create, edit and delete flows, and following a settling row.
import * as assert from 'node:assert/strict';
import { associationErrorMessage, associationRefusal, hasAssociations, s3LinkKind } from '../../../src/fsx/associations';
import { FsxError } from '../../../src/fsx/errors';
import { ENGLISH } from '../../../src/fsx/l10n';
import { resourceRefusal, targetRefusal } from '../../../src/fsx/taskRequest';
import { Association, StorageResource } from '../../../src/fsx/types';
import { ManualClock } from '../../../src/tracking/clock';
import { deleteRefusal, deleteWords, runCreateAssociationFlow, runEditAssociationFlow } from '../../../src/viewModel/associationFlow';
import { AssociationFollower, FOLLOW_DELAYS_MS } from '../../../src/viewModel/associationFollower';
import { associationContextValue, associationsContextValue, resourceContextValue } from '../../../src/viewModel/associationText';
import { checkDataRepositoryPath, checkFileSystemPath, countRefusal, parseChunkSize, pathsOverlap } from '../../../src/viewModel/associationRequest';
import { Answer, BACK, ConfirmStep, PickStep, StartTaskAsk, TextStep } from '../../../src/viewModel/startTaskFlow';
import { assets, broken, cache, frames, legacy, render } from '../fsx/fixtures';

const l10n = ENGLISH;
const ok = <T>(checked: { ok: boolean; value?: T; message?: string }): T => {
  assert.ok(checked.ok, checked.message);
  return checked.value as T;
};
const message = (checked: { ok: boolean; message?: string }): string => {
  assert.ok(!checked.ok, 'refused');
  return checked.message ?? '';
};

describe('associations before anything is sent', () => {
  describe('path and count rules', () => {
    it('file system path: leading slash, length, characters, overlap either way, / only first', () => {
      assert.equal(ok(checkFileSystemPath(' /ns1/ ', [], l10n)), '/ns1/');
      assert.equal(ok(checkFileSystemPath('/', [], l10n)), '/', 'the root for the first association');
      assert.match(message(checkFileSystemPath('ns1', [], l10n)), /begins with a forward slash/);
      assert.match(message(checkFileSystemPath(`/${'a'.repeat(4096)}`, [], l10n)), /at most 4096 characters/);
      assert.match(message(checkFileSystemPath('/a\nb', [], l10n)), /line breaks/);
      assert.match(message(checkFileSystemPath('/', [assets], l10n)), /root directory \(\/\) can be linked only by the first/);
      assert.match(message(checkFileSystemPath('/assets/old', [assets], l10n)), /overlaps \/assets/);
      assert.match(message(checkFileSystemPath('/assets/', [assets], l10n)), /overlaps/, 'the same directory, with a slash');
      assert.match(message(checkFileSystemPath('/x', [{ ...assets, fileSystemPath: '/' }], l10n)), /overlaps \//, 'everything is under a linked root');
      assert.equal(ok(checkFileSystemPath('/assets2', [assets], l10n)), '/assets2', '/assets2 does not overlap /assets');
      // A file system's own link is no association: it does not make / the second.
      assert.equal(ok(checkFileSystemPath('/', [legacy.dataRepositoryLink as Association], l10n)), '/');
      assert.ok(pathsOverlap('/ns1/', '/ns1/ns2') && pathsOverlap('/', '/x') && !pathsOverlap('/ns1', '/ns10'));
    });

    it('S3 path: s3://bucket/prefix/ form, a bucket name, one association per S3 path', () => {
      assert.equal(ok(checkDataRepositoryPath('s3://new-bucket/prefix/', [assets], l10n)), 's3://new-bucket/prefix/');
      assert.match(message(checkDataRepositoryPath('https://x', [], l10n)), /begins with s3:\/\//);
      assert.match(message(checkDataRepositoryPath('s3://Bad_Bucket/', [], l10n)), /not an S3 bucket name/);
      assert.match(message(checkDataRepositoryPath(`s3://bucket/${'p'.repeat(4357)}`, [], l10n)), /at most 4357/);
      assert.match(message(checkDataRepositoryPath('s3://render-assets/projects/2024/', [assets], l10n)), /one association only/);
      assert.match(message(checkDataRepositoryPath('s3://render-assets', [assets], l10n)), /overlaps/);
    });

    it('at most 8 associations; the chunk size is 1-512,000 MiB or empty for the default', () => {
      const eight = Array.from({ length: 8 }, (_, i) => ({ ...assets, associationId: `dra-0000000${i}`, fileSystemPath: `/d${i}` }));
      assert.match(countRefusal(eight, l10n) ?? '', /already has 8 .* Delete one/);
      assert.equal(countRefusal(eight.slice(1), l10n), undefined);
      assert.equal(ok(parseChunkSize('', l10n)), undefined);
      assert.equal(ok(parseChunkSize('2048', l10n)), 2048);
      for (const bad of ['0', '512001', '1.5', 'abc']) {
        assert.match(message(parseChunkSize(bad, l10n)), /whole number of MiB from 1 to 512,000/, bad);
      }
    });
  });

  describe('what each file system kind allows, from one function', () => {
    const tiering: StorageResource = { ...render, id: 'fs-0aaaaaaaaaaaaaaa1', storageClass: 'INTELLIGENT_TIERING' };
    const scratch1: StorageResource = { ...render, id: 'fs-0aaaaaaaaaaaaaaa2', deploymentType: 'SCRATCH_1' };
    const lustre210: StorageResource = { ...render, id: 'fs-0aaaaaaaaaaaaaaa3', deploymentType: 'PERSISTENT_1', fileSystemTypeVersion: '2.10' };

    it('says which kinds have associations and why the others have none', () => {
      assert.deepEqual([render, cache, legacy, scratch1, lustre210, tiering].map(s3LinkKind), ['associations', 'cacheAssociations', 'ownLink', 'ownLink', 'ownLink', 'noS3']);
      assert.ok(hasAssociations(render) && hasAssociations(cache) && !hasAssociations(tiering));
      assert.equal(associationRefusal(render, l10n), undefined);
      assert.match(associationRefusal(cache, l10n) ?? '', /only when the cache is created/);
      assert.match(associationRefusal(tiering, l10n) ?? '', /Intelligent-Tiering .* cannot be linked to S3/);
      assert.match(associationRefusal(scratch1, l10n) ?? '', /Scratch 1/);
      assert.match(associationRefusal(lustre210, l10n) ?? '', /Lustre 2\.10/);
      assert.match(associationRefusal(legacy, l10n) ?? '', /Lustre 2\.10/, 'the version is the first reason');
      assert.match(associationRefusal({ ...legacy, fileSystemTypeVersion: '2.15' }, l10n) ?? '', /own import and export paths/);
    });

    it('gives each kind the context value its menus read', () => {
      assert.deepEqual([render, legacy, scratch1, lustre210, tiering, cache].map(resourceContextValue), [
        'resource.fileSystem', 'resource.fileSystem.ownLink', 'resource.fileSystem.ownLink', 'resource.fileSystem.ownLink', 'resource.fileSystem.noS3', 'resource.fileCache',
      ]);
      assert.deepEqual([render, cache].map(associationsContextValue), ['associations.creatable', 'associations']);
      assert.equal(associationContextValue(broken, render), 'association.MISCONFIGURED');
      assert.equal(associationContextValue(legacy.dataRepositoryLink as Association, legacy), 'association.AVAILABLE.readOnly');
      assert.equal(associationContextValue({ ...assets, resource: cache }, cache), 'association.AVAILABLE.readOnly');
    });

    it('offers no export, import or release on an Intelligent-Tiering file system', () => {
      for (const type of ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM'] as const) {
        assert.match(resourceRefusal(tiering, type, l10n) ?? '', /Intelligent-Tiering .* no data repository tasks/, type);
        assert.equal(resourceRefusal(render, type, l10n), undefined, type);
      }
    });

    it('an unlinked file system that can have associations points at Create Association...', () => {
      assert.match(targetRefusal({ resource: render, repositories: [] }, 'EXPORT_TO_REPOSITORY', l10n) ?? '', /Create Association\.\.\./);
    });
  });

  describe('the create, edit and delete flows', () => {
    type Step = TextStep<string> | PickStep<unknown, string> | ConfirmStep<string>;
    class Script implements StartTaskAsk {
      readonly seen: Step[] = [];
      constructor(private readonly answers: ((step: never) => Answer<unknown>)[]) {}
      text(step: TextStep<string>) {
        return this.next(step) as Promise<Answer<string>>;
      }
      pick<T>(step: PickStep<T, string>) {
        return this.next(step as PickStep<unknown, string>) as Promise<Answer<T>>;
      }
      confirm(step: ConfirmStep<string>) {
        return this.next(step) as Promise<Answer<true>>;
      }
      private next(step: Step): Promise<Answer<unknown>> {
        this.seen.push(step);
        const answer = this.answers.shift();
        assert.ok(answer, `unexpected step ${step.id}`);
        return Promise.resolve(answer(step as never));
      }
    }
    const value = (v: unknown) => () => v;
    const active = (step: PickStep<unknown, string>) => step.active;
    const item = (label: RegExp) => (step: PickStep<unknown, string>) => step.items.find((candidate) => label.test(candidate.label))?.value;

    it('create: six steps with Back on all but the first, one summary, then the input with one token', async () => {
      const ask = new Script([
        value('/new/'),
        value('s3://new-bucket/in/'),
        value(BACK),
        value('s3://new-bucket/data/'),
        active,
        item(/^NEW, CHANGED$/),
        item(/^off$/),
        value('2048'),
        value(true),
      ]);
      const result = await runCreateAssociationFlow({ resource: render, existing: [assets, frames] }, ask, l10n, { newToken: () => 'token-1' });
      assert.equal(result.kind, 'confirmed');
      assert.ok(result.kind === 'confirmed');
      assert.deepEqual(result.input, {
        fileSystemId: render.id,
        fileSystemPath: '/new/',
        dataRepositoryPath: 's3://new-bucket/data/',
        batchImportMetaDataOnCreate: true,
        importedFileChunkSize: 2048,
        autoImportEvents: ['NEW', 'CHANGED'],
        autoExportEvents: [],
        clientRequestToken: 'token-1',
      });
      assert.deepEqual(ask.seen.map((step) => [step.id, step.canGoBack]), [
        ['fileSystemPath', false], ['dataRepositoryPath', true], ['importNow', true], ['dataRepositoryPath', true], ['importNow', true],
        ['importEvents', true], ['exportEvents', true], ['chunkSize', true], ['confirm', true],
      ]);
      assert.equal((ask.seen[3] as TextStep<string>).value, 's3://new-bucket/in/', 'Back shows the previous answer');
      assert.match(result.summary[0], /Link \/new\/ on render \(fs-.*\) to s3:\/\/new-bucket\/data\/\?/);
      assert.ok(result.summary.some((line) => /Automatic export: off/.test(line)));
      const pathStep = ask.seen[0] as TextStep<string>;
      assert.match(pathStep.validate('/assets/x') ?? '', /overlaps/);
    });

    it('create is refused before any question on a kind that takes none, or at 8', async () => {
      const ask = new Script([]);
      const refused = await runCreateAssociationFlow({ resource: legacy, existing: [] }, ask, l10n);
      assert.equal(refused.kind, 'refused');
      const eight = Array.from({ length: 8 }, (_, i) => ({ ...assets, associationId: `dra-0000000${i}` }));
      assert.equal((await runCreateAssociationFlow({ resource: render, existing: eight }, ask, l10n)).kind, 'refused');
      assert.equal(ask.seen.length, 0);
    });

    it('edit: events and chunk size of an Available one, preselected as they are; refused while it settles', async () => {
      const ask = new Script([active, item(/^NEW$/), value('4096'), value(true)]);
      const result = await runEditAssociationFlow(assets, render, ask, l10n, { newToken: () => 't' });
      assert.ok(result.kind === 'confirmed');
      assert.deepEqual(result.input, { associationId: assets.associationId, importedFileChunkSize: 4096, autoImportEvents: ['NEW', 'CHANGED', 'DELETED'], autoExportEvents: ['NEW'], clientRequestToken: 't' });
      assert.equal((await runEditAssociationFlow({ ...assets, lifecycle: 'CREATING' }, render, new Script([]), l10n)).kind, 'refused');
      assert.equal((await runEditAssociationFlow(legacy.dataRepositoryLink as Association, legacy, new Script([]), l10n)).kind, 'refused');
    });

    it('delete: refused while it settles; the words say what each choice removes', () => {
      assert.equal(deleteRefusal(broken, render, l10n), undefined, 'a misconfigured one can be deleted');
      assert.match(deleteRefusal({ ...assets, lifecycle: 'DELETING' }, render, l10n) ?? '', /already being deleted/);
      assert.match(deleteRefusal({ ...assets, lifecycle: 'CREATING' }, render, l10n) ?? '', /once that has finished/);
      const words = deleteWords(assets, l10n);
      assert.match(words.detail, /files stay in the file system and the objects stay in S3/);
      assert.match(words.typedDetail, /removes every file and directory under \/assets .* objects in S3 are not deleted/);
      assert.notEqual(words.keep, words.deleteLink);
    });

    it('an access denied names the permissions the FSx guide lists', () => {
      const denied = new FsxError('accessDenied', 'User is not authorized', { code: 'AccessDeniedException' });
      assert.match(associationErrorMessage(denied, 'CreateDataRepositoryAssociation', l10n), /fsx:CreateDataRepositoryAssociation, iam:CreateServiceLinkedRole, .*s3:PutObject/);
      assert.match(associationErrorMessage(denied, 'DeleteDataRepositoryAssociation', l10n), /fsx:DeleteDataRepositoryAssociation/);
    });
  });

  describe('AssociationFollower', () => {
    it('lists again until nothing settles, then stops; errors are retried', async () => {
      const clock = new ManualClock(0);
      const answers: (Association[] | Error)[] = [[{ ...assets, lifecycle: 'CREATING' }], new Error('network'), [assets]];
      let calls = 0;
      const follower = new AssociationFollower(
        {
          reloadAssociations: () => {
            calls++;
            const next = answers.shift() ?? [assets];
            return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
          },
        },
        clock,
      );
      follower.follow({ region: 'us-east-1' }, render);
      assert.equal(follower.followedCount(), 1);
      await clock.advance(FOLLOW_DELAYS_MS[0]);
      await clock.advance(FOLLOW_DELAYS_MS[1]);
      await clock.advance(FOLLOW_DELAYS_MS[2]);
      assert.equal(calls, 3);
      assert.equal(follower.followedCount(), 0, 'settled: no timer left');
      await clock.advance(60_000);
      assert.equal(calls, 3);
      follower.dispose();
    });
  });
});
