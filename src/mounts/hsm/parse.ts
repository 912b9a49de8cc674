// What `lfs hsm_state FILE...` printed, paired with the files it was asked about. lfs prints
// each path as it was passed, so a file's line is found by that path as a prefix, in argument
// order, never by splitting on a colon (a name may hold ': (0x', a colon or a newline).
// The forms, with their sources: docs/ARCHITECTURE.md, "File export state (HSM)".

import type { HsmAnswer, HsmFileError, HsmFileErrorKind } from './states';

/**
 * A path as lfs prints it back: Node passes arguments as UTF-8, so a lone surrogate (a name
 * that was not valid UTF-8 on disk) becomes U+FFFD on the way out and in.
 */
export function asPrinted(path: string): string {
  return Buffer.from(path, 'utf8').toString('utf8');
}

/** After `PATH: (0x`: the mask, the words, the archive id (`archive_id:1`; the man page shows `archive_id: 1`). */
const STATE_TAIL = /([0-9a-fA-F]{1,8})\)((?: [a-z_]+)*)(?:, archive_id: ?(\d+))?\n/y;

/** strerror(3) in the C locale (the backend runs lfs with LC_ALL=C), to the kinds we act on. */
const ERROR_KINDS: ReadonlyArray<readonly [message: string, kind: HsmFileErrorKind]> = [
  ['No such file or directory', 'notFound'],
  ['Permission denied', 'permission'],
  ['Operation not permitted', 'permission'],
  ['Inappropriate ioctl for device', 'notSupported'],
  ['Operation not supported', 'notSupported'],
];

export function errorKindOf(message: string): HsmFileErrorKind {
  return ERROR_KINDS.find(([text]) => text === message)?.[1] ?? 'other';
}

/**
 * One answer per requested path, in order; undefined where lfs said nothing about the file
 * (Lustre before 2.16 stops at the first file it cannot read: the files after it are undefined).
 */
export function parseHsmState(paths: readonly string[], stdout: string, stderr: string): Array<HsmAnswer | undefined> {
  const out = new Cursor(stdout);
  const err = new Cursor(stderr);
  return paths.map((path) => {
    const printed = asPrinted(path);
    return stateLine(out, printed) ?? errorLine(err, printed, STATE_ERROR_FORMS) ?? unreadableLine(out, printed);
  });
}

/** The error lines of `lfs hsm_state` for a file (see errorLine). */
const STATE_ERROR_FORMS = { upTo215: "can't get hsm state for ", from216: ' hsm_state: get HSM state for ' };

/** Where a parser is in lfs's output (the answers come in argument order). */
export class Cursor {
  at = 0;
  constructor(readonly text: string) {}
}

function stateLine(out: Cursor, printed: string): HsmAnswer | undefined {
  const prefix = `${printed}: (0x`;
  if (!out.text.startsWith(prefix, out.at)) {
    return undefined;
  }
  STATE_TAIL.lastIndex = out.at + prefix.length;
  const match = STATE_TAIL.exec(out.text);
  if (!match) {
    return undefined;
  }
  out.at = STATE_TAIL.lastIndex;
  return { ok: true, state: { mask: parseInt(match[1], 16), archiveId: match[3] === undefined ? 0 : Number(match[3]) } };
}

/**
 * The error lines of lfs for a file, at the start of a line from the cursor on (errors come in
 * argument order): `can't get hsm state for PATH: MESSAGE` (up to 2.15) and
 * `lfs hsm_state: get HSM state for 'PATH' failed: MESSAGE` (2.16 on; `lfs` is the program's name);
 * `lfs hsm_action` says the same with `hsm action` (parseAction.ts).
 */
export function errorLine(err: Cursor, printed: string, words: { readonly upTo215: string; readonly from216: string }): { readonly ok: false; readonly error: HsmFileError } | undefined {
  const forms = [`${words.upTo215}${printed}: `, `${words.from216}'${printed}' failed: `];
  let lineStart = err.at;
  while (lineStart < err.text.length) {
    const lineEnd = endOfLine(err.text, lineStart);
    for (const form of forms) {
      const at = err.text.indexOf(form, lineStart);
      const startsLine = form.startsWith(' ') ? at > lineStart && !err.text.slice(lineStart, at).includes('\n') : at === lineStart;
      if (at >= 0 && startsLine) {
        const messageStart = at + form.length;
        const messageEnd = endOfLine(err.text, messageStart);
        err.at = Math.min(messageEnd + 1, err.text.length);
        const message = err.text.slice(messageStart, messageEnd);
        return { ok: false, error: { kind: errorKindOf(message), message } };
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** A whole line for this file in a form we do not know: said as such, so the files after it still pair. */
function unreadableLine(out: Cursor, printed: string): HsmAnswer | undefined {
  const end = out.text.indexOf('\n', out.at + printed.length);
  if (!out.text.startsWith(`${printed}: `, out.at) || end < 0) {
    return undefined;
  }
  const line = out.text.slice(out.at, end);
  out.at = end + 1;
  return { ok: false, error: { kind: 'other', message: line } };
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
