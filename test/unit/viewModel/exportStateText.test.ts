// The badge, colour and tooltip of each export state, and the messages when no state can be had.

import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { LUSTRE_CLIENT_DOC, type ExportState } from '../../../src/mounts/hsm';
import { EXPORT_STATE_LOOKS, createExportStateText } from '../../../src/viewModel/exportStateText';

describe('export state text', function () {
  const text = createExportStateText(ENGLISH);
  const states: ExportState[] = ['exported', 'changed', 'notExported', 'released', 'lost'];

  it('gives each state its own badge of one or two characters and a theme colour', function () {
    const badges = states.map((state) => EXPORT_STATE_LOOKS[state].badge);
    assert.equal(new Set(badges).size, states.length);
    assert.ok(badges.every((badge) => badge.length >= 1 && badge.length <= 2));
    assert.ok(states.every((state) => /^[a-zA-Z]+(\.[a-zA-Z]+)*$/.test(EXPORT_STATE_LOOKS[state].color)));
  });

  it('says what to do for a file whose change is not in S3', function () {
    assert.equal(
      text.tooltip({ state: 'changed', noRelease: false, noArchive: false }),
      'Export state: Changed since export\nChanged since its last export: Export to S3 to send the change.',
    );
    assert.match(text.tooltip({ state: 'notExported', noRelease: false, noArchive: false }), /Export to S3 to send it/);
  });

  it('adds the flags the user set', function () {
    const tooltip = text.tooltip({ state: 'exported', noRelease: true, noArchive: true });
    assert.match(tooltip, /^Export state: Exported\n/);
    assert.match(tooltip, /never_release/);
    assert.match(tooltip, /never_archive/);
  });

  it('shows nothing for a file that vanished or is not a Lustre file, and says why for a refusal', function () {
    assert.equal(text.fileErrorTooltip({ kind: 'notFound', message: 'No such file or directory' }), undefined);
    assert.equal(text.fileErrorTooltip({ kind: 'notSupported', message: 'Inappropriate ioctl for device' }), undefined);
    assert.match(text.fileErrorTooltip({ kind: 'permission', message: 'Permission denied' }) ?? '', /may not read/);
  });

  it('sends a machine without lfs to the Lustre client installation guide', function () {
    assert.ok(text.sourceErrorMessage('notInstalled').endsWith(LUSTRE_CLIENT_DOC));
    assert.match(text.sourceErrorMessage('timeout'), /refresh/);
  });
});
