// Sign in with AWS SSO runs the AWS CLI by argument vector from the home folder, for a profile of
// the AWS config files only. A fake `aws` first on the extension host's PATH records how it was
// started; a name that could carry a command, or one the config files do not list, starts nothing.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { ScriptedPrompts } from './helpers';
import { useOwnEmulator } from './ownEmulator';

describe('AWS SSO sign-in', function () {
  this.timeout(60_000);
  const own = useOwnEmulator();
  let bin = '';
  let record = '';
  let savedPath: string | undefined;
  let prompts: ScriptedPrompts;

  before(() => {
    own.writeConfig(
      [
        '[profile dev-sso]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Developer', 'region = us-east-1',
        '[profile dev-fail]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Developer', 'region = us-east-1',
        '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
      ].join('\n'),
    );
    bin = join(own.dir(), 'bin');
    record = join(own.dir(), 'aws-run.json');
    mkdirSync(bin);
    const fake = join(bin, 'aws');
    writeFileSync(
      fake,
      [
        `#!${process.execPath}`,
        `require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));`,
        `console.log('Then enter the code:\\nABCD-EFGH');`,
        `process.exit(process.argv.includes('dev-fail') ? 2 : 0);`,
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    savedPath = process.env.PATH;
    process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;
  });
  beforeEach(() => {
    rmSync(record, { force: true });
    prompts = new ScriptedPrompts();
    own.api().setPrompts(prompts);
  });
  afterEach(() => {
    assert.deepEqual(prompts.unexpected, [], 'no unexpected prompt');
    for (const terminal of vscode.window.terminals.filter((candidate) => candidate.name.startsWith('AWS SSO sign-in'))) {
      terminal.dispose();
    }
  });
  after(() => {
    process.env.PATH = savedPath;
  });

  it('refuses a control character, a quote, a semicolon, an option or an unknown profile: a message, no terminal, no task, no process', async () => {
    const refused: unknown[] = ['dev\u0003rm -rf x', "dev-sso'", 'dev-sso;id', 'dev sso', '--endpoint-url', 'dev-ghost', { profile: 'dev-sso`id`', region: 'us-east-1' }, 42, undefined];
    for (const arg of refused) {
      prompts = new ScriptedPrompts();
      own.api().setPrompts(prompts);
      const terminals = vscode.window.terminals.length;
      const tasks = vscode.tasks.taskExecutions.length;
      await vscode.commands.executeCommand('fsxTasks.ssoLogin', arg);
      const what = JSON.stringify(arg) ?? String(arg);
      assert.equal(prompts.messages.length, 1, `${what}: ${prompts.messages.map((message) => message.text).join(' | ')}`);
      const [message] = prompts.messages;
      assert.equal(message.severity, 'error', what);
      assert.match(message.text, /^(Not signing in|Sign in with AWS SSO needs a profile)/, what);
      assert.ok(![...message.text].some((character) => character < ' '), `${what}: no control character in the message`);
      if (typeof arg === 'string' && arg !== 'dev-ghost') {
        assert.ok(!message.text.includes(arg), `${what}: the message does not repeat a refused name`);
      }
      assert.equal(vscode.window.terminals.length, terminals, `${what}: no terminal`);
      assert.equal(vscode.tasks.taskExecutions.length, tasks, `${what}: no task`);
      assert.equal(existsSync(record), false, `${what}: the AWS CLI was not started`);
    }
    assert.match(prompts.messages[0]?.text ?? '', /none was given/);
  });

  it('says which well-formed profile is unknown, and how to add it', async () => {
    await vscode.commands.executeCommand('fsxTasks.ssoLogin', 'dev-ghost');
    assert.deepEqual(
      prompts.messages.map((message) => message.text),
      ['Not signing in: profile dev-ghost is not in your AWS config or credentials file. Add it (for example with aws configure sso), then try again.'],
    );
    assert.equal(existsSync(record), false);
  });

  it('runs aws sso login --profile <name> by argument vector, from the home folder, in a terminal of its own; success refreshes', async () => {
    await vscode.commands.executeCommand('fsxTasks.ssoLogin', 'dev-sso');
    const run = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; cwd: string };
    assert.deepEqual(run.argv, ['sso', 'login', '--profile', 'dev-sso']);
    assert.equal(realpathSync(run.cwd), realpathSync(homedir()), 'started in the home folder, not the workspace');
    assert.ok(
      vscode.window.terminals.some((terminal) => terminal.name === 'AWS SSO sign-in: dev-sso'),
      vscode.window.terminals.map((terminal) => terminal.name).join(', '),
    );
    assert.deepEqual(
      prompts.messages.map((message) => [message.severity, message.text]),
      [['info', 'Signed in with AWS SSO for profile dev-sso; the FSx view is refreshed.']],
    );
  });

  it('says so when the AWS CLI fails, with its exit code', async () => {
    await vscode.commands.executeCommand('fsxTasks.ssoLogin', 'dev-fail');
    assert.deepEqual((JSON.parse(readFileSync(record, 'utf8')) as { argv: string[] }).argv, ['sso', 'login', '--profile', 'dev-fail']);
    assert.deepEqual(
      prompts.messages.map((message) => [message.severity, message.text, message.actions]),
      [['error', 'AWS SSO sign-in for profile dev-fail failed (exit code 2); the terminal shows what the AWS CLI said.', ['Show Terminal']]],
    );
  });

  it('says how to install the AWS CLI when aws is not on the PATH, and opens no terminal', async () => {
    const empty = join(own.dir(), 'empty-bin');
    mkdirSync(empty, { recursive: true });
    const path = process.env.PATH;
    process.env.PATH = empty;
    try {
      const terminals = vscode.window.terminals.length;
      await vscode.commands.executeCommand('fsxTasks.ssoLogin', 'dev-sso');
      assert.deepEqual(
        prompts.messages.map((message) => [message.severity, message.text, message.actions]),
        [['error', 'The AWS CLI (aws) was not found on the PATH. Install AWS CLI version 2, then try again.', ['Install the AWS CLI']]],
      );
      assert.equal(vscode.window.terminals.length, terminals);
    } finally {
      process.env.PATH = path;
    }
  });
});
