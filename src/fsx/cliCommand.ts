// "Copy as AWS CLI Command": the `aws fsx ...` command that does what the extension would do (start
// a task as confirmed, cancel one, describe one), with the connection's --profile, --region and
// endpoint, quoted for the person's shell. Copied, never run. Pure and vscode-free: the commands
// (commands/cliCommands.ts), the start flow's confirmation and the tests build it the same way.
//
// Every value is outside text (paths, a profile name, an endpoint), so each argument is quoted as
// one literal word: POSIX single quotes (nothing is special inside them but the quote itself) or
// PowerShell single quotes (likewise; PowerShell also reads the typographic quotes ‘ ’ ‚ ‛ as
// quotes, so those are doubled too).
import { Connection, CreateTaskInput, REPORT_FORMAT, REPORT_SCOPE } from './types';

export type ShellKind = 'posix' | 'fish' | 'powershell';

/** An argument a POSIX shell reads unquoted as itself (zsh expands a leading `=`). */
const PLAIN_ARGUMENT = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/** One argument for sh, bash, zsh (and fish for these characters): a literal word whatever it holds. */
export function posixQuote(argument: string): string {
  if (PLAIN_ARGUMENT.test(argument)) {
    return argument;
  }
  // Inside '...' nothing is special ($, `, \, newlines): a ' closes it, so it is written '\''.
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/**
 * One argument for fish: inside its single quotes `\\` and `\'` are escapes (sh has none), so
 * both are escaped; everything else, newlines included, stays literal.
 */
export function fishQuote(argument: string): string {
  if (PLAIN_ARGUMENT.test(argument)) {
    return argument;
  }
  return `'${argument.replace(/[\\']/g, '\\$&')}'`;
}

/** PowerShell reads `,` as its array operator and a leading `@` or `-` as syntax of its own: fewer words go bare. */
const POWERSHELL_PLAIN = /^(?:--[a-z][a-z-]*|[A-Za-z0-9_%+=:./][A-Za-z0-9_%+=:./-]*)$/;

/** One argument for PowerShell: a verbatim (single-quoted) string. */
export function powershellQuote(argument: string): string {
  if (POWERSHELL_PLAIN.test(argument)) {
    return argument;
  }
  return `'${argument.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

const QUOTERS: Record<ShellKind, (argument: string) => string> = { posix: posixQuote, fish: fishQuote, powershell: powershellQuote };

export function quoteCommand(argv: readonly string[], shell: ShellKind): string {
  return argv.map(QUOTERS[shell]).join(' ');
}

/**
 * Which shell a command is quoted for: from the terminal's default shell (`vscode.env.shell`),
 * else the platform; undefined when that does not say (cmd.exe, an unknown shell on Windows):
 * then both are offered.
 */
export function shellKindFor(shell: string, platform: string): ShellKind | undefined {
  const name = shell.split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '') ?? '';
  if (name === 'pwsh' || name === 'powershell') {
    return 'powershell';
  }
  if (name === 'fish') {
    return 'fish';
  }
  if (/^(sh|bash|zsh|dash|ksh|ash)$/.test(name)) {
    return 'posix';
  }
  if (name === '') {
    return platform === 'win32' ? undefined : 'posix';
  }
  return platform === 'win32' ? undefined : 'posix';
}

/**
 * `--name value`, or `--name=value` when the value starts with `-`: the AWS CLI would read such a
 * value as an option of its own (a profile named `--endpoint-url`, say).
 */
function option(name: string, value: string): string[] {
  return value.startsWith('-') ? [`${name}=${value}`] : [name, value];
}

/** The connection's options: the named profile, the region, the endpoint when one is set. */
export function connectionArguments(connection: Connection): string[] {
  const args: string[] = [];
  // The sandbox takes any credentials: its connection names no profile.
  if (connection.profile !== undefined && !connection.sandbox) {
    args.push(...option('--profile', connection.profile));
  }
  args.push(...option('--region', connection.region));
  const endpoint = connection.endpoint ?? (connection.useFipsEndpoint ? `https://fsx-fips.${connection.region}.amazonaws.com` : undefined);
  if (endpoint !== undefined) {
    args.push(...option('--endpoint-url', endpoint));
  }
  return args;
}

/**
 * `--paths` as separate words, or as one JSON list when a path starts with `-`: a path is outside
 * text (a teammate's task duplicated), and paths `--endpoint-url` `https://elsewhere` would
 * otherwise send the person's signed request somewhere else.
 */
function pathArguments(paths: readonly string[]): string[] {
  return paths.some((path) => path.startsWith('-')) ? ['--paths', JSON.stringify(paths)] : ['--paths', ...paths];
}

/** A shorthand value the CLI reads as one string: no separator, quote or bracket of its syntax. */
const SHORTHAND_SAFE = /^[^,=\s"'\\[\]{}]+$/;

/** The argv of `aws fsx create-data-repository-task` for a confirmed request (the token left to the CLI). */
export function createTaskArgv(input: CreateTaskInput, connection: Connection): string[] {
  const args = ['aws', 'fsx', 'create-data-repository-task', '--file-system-id', input.fileSystemId, '--type', input.type];
  if (input.paths && input.paths.length > 0) {
    args.push(...pathArguments(input.paths));
  }
  const report = input.report;
  if (report?.enabled && report.path !== undefined) {
    const format = report.format ?? REPORT_FORMAT;
    const scope = report.scope ?? REPORT_SCOPE;
    // Shorthand when the path allows it (it reads the same in every shell); JSON otherwise.
    args.push(
      '--report',
      SHORTHAND_SAFE.test(report.path) ? `Enabled=true,Path=${report.path},Format=${format},Scope=${scope}` : JSON.stringify({ Enabled: true, Path: report.path, Format: format, Scope: scope }),
    );
  } else {
    args.push('--report', 'Enabled=false');
  }
  if (input.type === 'RELEASE_DATA_FROM_FILESYSTEM') {
    args.push('--release-configuration', `DurationSinceLastAccess={Unit=DAYS,Value=${input.daysSinceLastAccess ?? 0}}`);
  }
  return [...args, ...connectionArguments(connection)];
}

export function cancelTaskArgv(taskId: string, connection: Connection): string[] {
  return ['aws', 'fsx', 'cancel-data-repository-task', ...option('--task-id', taskId), ...connectionArguments(connection)];
}

export function describeTaskArgv(taskId: string, connection: Connection): string[] {
  return ['aws', 'fsx', 'describe-data-repository-tasks', ...option('--task-ids', taskId), ...connectionArguments(connection)];
}
