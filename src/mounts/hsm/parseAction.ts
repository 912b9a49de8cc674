// What `lfs hsm_action FILE...` printed, paired with the files asked about, as lfs.c
// (`lfs_hsm_action`) prints it: `PATH: NOOP` when nothing is in progress, else
// `PATH: ACTION STATE (N bytes moved)` for a running archive or restore and
// `PATH: ACTION STATE (from A to EOF)` / `(from A to B)` otherwise. Errors as hsm_state's, with
// `hsm action` (up to 2.15 lfs stops at the first). docs/ARCHITECTURE.md, "Acting on files (HSM)".

import type { HsmActionAnswer, HsmActionName, HsmProgressState } from './actions';
import { asPrinted, Cursor, errorKindOf, errorLine } from './parse';

const ACTION_TAIL = /(NOOP|ARCHIVE|RESTORE|RELEASE|REMOVE|CANCEL|UNKNOWN)(?: (waiting|running|done|unknown) \((?:(\d+) bytes moved|from \d+ to (?:EOF|\d+))\))?\n/y;

const ACTION_ERROR_FORMS = { upTo215: "can't get hsm action for ", from216: ' hsm_action: get hsm action for ' };

/** One answer per requested path, in order; undefined where lfs said nothing about the file. */
export function parseHsmAction(paths: readonly string[], stdout: string, stderr: string): Array<HsmActionAnswer | undefined> {
  const out = new Cursor(stdout);
  const err = new Cursor(stderr);
  return paths.map((path) => {
    const printed = asPrinted(path);
    return actionLine(out, printed) ?? errorLine(err, printed, ACTION_ERROR_FORMS);
  });
}

function actionLine(out: Cursor, printed: string): HsmActionAnswer | undefined {
  const prefix = `${printed}: `;
  if (!out.text.startsWith(prefix, out.at)) {
    return undefined;
  }
  ACTION_TAIL.lastIndex = out.at + prefix.length;
  const match = ACTION_TAIL.exec(out.text);
  if (!match) {
    return undefined;
  }
  out.at = ACTION_TAIL.lastIndex;
  const action = match[1] as HsmActionName;
  return {
    ok: true,
    current: {
      action,
      ...(match[2] ? { state: match[2] as HsmProgressState } : {}),
      ...(match[3] !== undefined ? { bytesMoved: Number(match[3]) } : {}),
    },
  };
}

/** Why an `lfs hsm_archive|hsm_release|hsm_restore` process failed, from its stderr. */
export type RequestFailure =
  /** lfs checks every file before it sends the request: this one stopped it, nothing was sent. */
  | { readonly kind: 'skip'; readonly path: string; readonly reason: 'notFound' | 'notRegular' }
  | { readonly kind: 'permission' | 'refused'; readonly detail: string };

/**
 * lfs.c (`lfs_hsm_prepare_file`, `lfs_hsm_request`): `Cannot stat PATH: MESSAGE`,
 * `error: "PATH" is not a regular file`, then `Cannot send HSM request (use of PATH): MESSAGE`.
 */
export function parseRequestFailure(paths: readonly string[], stderr: string, code: number | null): RequestFailure {
  for (const path of paths) {
    const printed = asPrinted(path);
    const stat = `Cannot stat ${printed}: `;
    const at = stderr.indexOf(stat);
    if (at >= 0 && (at === 0 || stderr[at - 1] === '\n')) {
      const message = firstLine(stderr.slice(at + stat.length));
      return message === 'No such file or directory' ? { kind: 'skip', path, reason: 'notFound' } : { kind: errorKindOf(message) === 'permission' ? 'permission' : 'refused', detail: message };
    }
    if (stderr.includes(`error: "${printed}" is not a regular file\n`)) {
      return { kind: 'skip', path, reason: 'notRegular' };
    }
  }
  const send = stderr.split('\n').find((line) => line.startsWith('Cannot send HSM request (use of '));
  if (send) {
    // strerror's words hold no '): ', a path may.
    const message = send.slice(send.lastIndexOf('): ') + 3);
    return { kind: errorKindOf(message) === 'permission' ? 'permission' : 'refused', detail: message };
  }
  return { kind: 'refused', detail: firstLine(stderr.trim()) || `lfs exited with ${code ?? 'a signal'}` };
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
