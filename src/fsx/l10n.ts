// The shape of `vscode.l10n` the vscode-free layers need, injected by the views, and English for
// logs and plain-Node tests. Words are literal strings in `l10n.t` calls so the l10n tools find them.

export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** English, with `{0}` placeholders filled: what `vscode.l10n.t` does without a bundle. */
export const ENGLISH: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (match, index: string) => (args[Number(index)] === undefined ? match : String(args[Number(index)]))),
};
