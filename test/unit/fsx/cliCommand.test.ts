import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cancelTaskArgv, createTaskArgv, describeTaskArgv, fishQuote, posixQuote, powershellQuote, quoteCommand, shellKindFor } from '../../../src/fsx/cliCommand';
import { Connection } from '../../../src/fsx/types';

const HOSTILE = [
  "it's",
  'a "quoted" word',
  '$HOME and ${PATH} and $(rm -rf ~)',
  '`whoami`',
  'line one\nline two\r\n',
  'tab\there',
  'back\\slash\\',
  'ünïcødé ✓ 日本語 🚀',
  '‘typographic’ ‚quotes‛ “double”',
  '-starts-with-dash',
  '@splat',
  '; rm -rf / #',
  '*?[a]',
  '',
  "''",
  '!history',
  '=ls',
  '~/home',
];

/** What sh makes of one quoted word: the argv it passes on (printf prints each argument between markers). */
function throughSh(quoted: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '<%s>' ${quoted}`], { encoding: 'utf8' });
  return [...out.matchAll(/<([\s\S]*?)>/g)].map((match) => match[1]);
}

describe('AWS CLI commands to copy (cliCommand)', () => {
  it('POSIX quoting gives sh back every hostile string as one argument, unchanged', () => {
    for (const value of HOSTILE) {
      assert.deepEqual(throughSh(posixQuote(value)), [value], JSON.stringify(value));
    }
    assert.equal(posixQuote('fs-0123456789abcdef0'), 'fs-0123456789abcdef0', 'plain words stay plain');
    assert.equal(posixQuote("it's"), `'it'\\''s'`);
    assert.equal(posixQuote('=ls'), "'=ls'", 'zsh would expand a leading =');
  });

  it('PowerShell quoting: a verbatim string, every kind of single quote doubled, nothing else touched', () => {
    assert.equal(powershellQuote("it's"), "'it''s'");
    assert.equal(powershellQuote('$HOME `whoami` "x"'), '\'$HOME `whoami` "x"\'');
    assert.equal(powershellQuote('‘a’ ‚b‛'), "'‘‘a’’ ‚‚b‛‛'");
    assert.equal(powershellQuote('line\nbreak'), "'line\nbreak'");
    assert.equal(powershellQuote('@splat'), "'@splat'", 'a leading @ is PowerShell syntax');
    assert.equal(powershellQuote('-x'), "'-x'");
    assert.equal(powershellQuote('--region'), '--region', 'options stay options');
    assert.equal(powershellQuote(''), "''");
    assert.equal(powershellQuote('Enabled=false,Path=x'), "'Enabled=false,Path=x'", 'a comma is the array operator');
    for (const value of HOSTILE) {
      const quoted = powershellQuote(value);
      if (quoted !== value) {
        // Undo the doubling: the content is the value exactly.
        assert.equal(quoted.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1'), value);
      }
    }
  });

  it('decides the shell from the default terminal shell, else the platform; unclear on Windows without one', () => {
    assert.equal(shellKindFor('/bin/bash', 'linux'), 'posix');
    assert.equal(shellKindFor('/usr/bin/zsh', 'darwin'), 'posix');
    assert.equal(shellKindFor('/usr/bin/fish', 'linux'), 'fish');
    assert.equal(shellKindFor('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'powershell');
    assert.equal(shellKindFor('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'powershell');
    assert.equal(shellKindFor('/usr/local/bin/pwsh', 'linux'), 'powershell');
    assert.equal(shellKindFor('C:\\Program Files\\Git\\bin\\bash.exe', 'win32'), 'posix');
    assert.equal(shellKindFor('C:\\WINDOWS\\System32\\cmd.exe', 'win32'), undefined);
    assert.equal(shellKindFor('', 'win32'), undefined);
    assert.equal(shellKindFor('', 'linux'), 'posix');
  });

  it('fish quoting escapes the backslash and the quote, which are escapes inside its single quotes', () => {
    assert.equal(fishQuote("it's"), "'it\\'s'");
    assert.equal(fishQuote('back\\slash\\'), "'back\\\\slash\\\\'");
    assert.equal(fishQuote('$HOME (id) *'), "'$HOME (id) *'");
    assert.equal(fishQuote('plain/word'), 'plain/word');
    // Read back as fish reads a single-quoted word: \\ and \' are the only escapes.
    for (const value of HOSTILE) {
      const quoted = fishQuote(value);
      const read = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/\\([\\'])/g, '$1') : quoted;
      assert.equal(read, value, JSON.stringify(value));
    }
  });

  it('a path or a profile that starts with - cannot become an option of the copied command', () => {
    const hostile: Connection = { profile: '--endpoint-url', region: 'eu-west-1' };
    const argv = createTaskArgv(
      { fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', paths: ['--endpoint-url', 'https://elsewhere.example', 'ok/path'], report: { enabled: false } },
      hostile,
    );
    assert.deepEqual(argv.slice(7, 9), ['--paths', '["--endpoint-url","https://elsewhere.example","ok/path"]']);
    assert.ok(argv.includes('--profile=--endpoint-url'), argv.join(' '));
    assert.equal(argv.filter((word) => word === '--endpoint-url').length, 0, 'no word of the command is a bare --endpoint-url');
    // Paths without a leading dash stay separate words, as a person would type them.
    const plain = createTaskArgv({ fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', paths: ['a-b', 'c'], report: { enabled: false } }, { region: 'eu-west-1' });
    assert.deepEqual(plain.slice(7, 10), ['--paths', 'a-b', 'c']);
  });

  const profile: Connection = { profile: 'dev team', region: 'eu-west-1' };
  const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true };

  it('create: type, paths, report, release age, then --profile, --region and the endpoint when set', () => {
    const argv = createTaskArgv(
      {
        fileSystemId: 'fs-0123456789abcdef0',
        type: 'RELEASE_DATA_FROM_FILESYSTEM',
        paths: ['scratch/a b', "it's"],
        report: { enabled: true, path: 's3://bucket/reports', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
        clientRequestToken: 'token',
        daysSinceLastAccess: 30,
      },
      profile,
    );
    assert.deepEqual(argv, [
      'aws', 'fsx', 'create-data-repository-task',
      '--file-system-id', 'fs-0123456789abcdef0',
      '--type', 'RELEASE_DATA_FROM_FILESYSTEM',
      '--paths', 'scratch/a b', "it's",
      '--report', 'Enabled=true,Path=s3://bucket/reports,Format=REPORT_CSV_20191124,Scope=FAILED_FILES_ONLY',
      '--release-configuration', 'DurationSinceLastAccess={Unit=DAYS,Value=30}',
      '--profile', 'dev team',
      '--region', 'eu-west-1',
    ]);
    assert.equal(
      quoteCommand(argv, 'posix'),
      "aws fsx create-data-repository-task --file-system-id fs-0123456789abcdef0 --type RELEASE_DATA_FROM_FILESYSTEM --paths 'scratch/a b' 'it'\\''s' --report Enabled=true,Path=s3://bucket/reports,Format=REPORT_CSV_20191124,Scope=FAILED_FILES_ONLY --release-configuration 'DurationSinceLastAccess={Unit=DAYS,Value=30}' --profile 'dev team' --region eu-west-1",
    );
  });

  it('create: the whole file system, no report, on the sandbox: no --paths, Enabled=false, --endpoint-url, no profile', () => {
    const argv = createTaskArgv({ fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', report: { enabled: false } }, { ...sandbox, profile: 'ignored' });
    assert.deepEqual(argv.slice(3), ['--file-system-id', 'fs-0123456789abcdef0', '--type', 'EXPORT_TO_REPOSITORY', '--report', 'Enabled=false', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:4599']);
  });

  it('a report path the shorthand cannot hold goes as JSON', () => {
    const argv = createTaskArgv({ fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', report: { enabled: true, path: 's3://b/with,comma and space' } }, profile);
    assert.deepEqual(JSON.parse(argv[argv.indexOf('--report') + 1]), { Enabled: true, Path: 's3://b/with,comma and space', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' });
  });

  it('cancel and describe name the task and the connection; FIPS names the FIPS endpoint', () => {
    const taskId = 'task-0123456789abcdef0';
    assert.deepEqual(cancelTaskArgv(taskId, sandbox), ['aws', 'fsx', 'cancel-data-repository-task', '--task-id', taskId, '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:4599']);
    assert.deepEqual(describeTaskArgv(taskId, { region: 'us-gov-west-1', useFipsEndpoint: true }), [
      'aws', 'fsx', 'describe-data-repository-tasks', '--task-ids', taskId, '--region', 'us-gov-west-1', '--endpoint-url', 'https://fsx-fips.us-gov-west-1.amazonaws.com',
    ]);
  });
});
