import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { parseConnectionSettings } from '../../../src/viewModel/connectionSettings';

const parse = (raw: unknown) => parseConnectionSettings(raw, ENGLISH);

describe('parseConnectionSettings', () => {
  it('keeps well-formed entries, trimmed, with or without a profile', () => {
    assert.deepEqual(parse([{ profile: ' dev ', region: ' us-east-1 ' }, { region: 'eu-west-1' }, { profile: '', region: 'us-gov-west-1' }]), {
      connections: [
        { profile: 'dev', region: 'us-east-1' },
        { profile: undefined, region: 'eu-west-1' },
        { profile: undefined, region: 'us-gov-west-1' },
      ],
      problems: [],
    });
    assert.deepEqual(parse(undefined), { connections: [], problems: [] });
  });

  it('names a setting that is not a list, once', () => {
    for (const raw of ['us-east-1', { profile: 'dev', region: 'us-east-1' }, 42]) {
      const { connections, problems } = parse(raw);
      assert.deepEqual(connections, []);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /must be a list .* not a (string|object|number)\. Open the settings/);
    }
  });

  it('names every unusable entry by its position and keeps the others', () => {
    const { connections, problems } = parse([
      { profile: 'dev', region: 'us-east-1' },
      { profile: 'dev' },
      'us-west-2',
      { region: 'mars-north' },
      { profile: 'dev', region: 'us-east-1' },
      { profile: 7, region: 'us-east-1' },
      null,
      { region: 'x'.repeat(10_000) },
      { profile: 'ops', region: 'eu-central-2' },
    ]);
    assert.deepEqual(connections, [
      { profile: 'dev', region: 'us-east-1' },
      { profile: 'ops', region: 'eu-central-2' },
    ]);
    assert.deepEqual(
      problems.map((problem) => problem.entry),
      [2, 3, 4, 5, 6, 7, 8],
    );
    assert.match(problems[0].message, /entry 2 has no region/);
    assert.match(problems[1].message, /entry 3 is a string/);
    assert.match(problems[2].message, /entry 4: the region is not an AWS region name/);
    assert.match(problems[3].message, /entry 5 repeats entry 1/);
    assert.match(problems[4].message, /profile must be a profile name/);
    assert.match(problems[5].message, /entry 7 is null/);
    assert.ok(problems[6].message.length < 200, 'a 10,000-character region is cut in the message');
  });

  it('never repeats what an entry holds: a workspace could write a command link or Markdown there', () => {
    const link = '[x](command:workbench.action.terminal.new "t")';
    const { problems } = parse([{ profile: link }, { profile: link, region: `${link} ![i](https://evil.example.com/p.png)` }, link, { profile: [link], region: 'us-east-1' }]);
    assert.equal(problems.length, 4);
    for (const { message } of problems) {
      for (const piece of ['](', 'command:', 'evil', '<img']) {
        assert.ok(!message.includes(piece), message);
      }
    }
  });
});
