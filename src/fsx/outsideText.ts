// Text from outside (settings values, file and path names, FSx and S3 strings, the mount table,
// command arguments) is data, never markup: docs/ARCHITECTURE.md, "Text from outside is data".
// Every interpolation of such text into a notification, an input box's validation message, a
// MarkdownString or a Markdown document goes through one of these functions.

/** The longest piece of outside text shown inline; longer text ends with "…". */
export const OUTSIDE_TEXT_MAX = 300;

// C0 and C1 controls (tab, newline and carriage return included: a message is one line) and the
// bidirectional overrides and isolates that can make text read in another order than it runs.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// What VS Code parses in a notification or a validation message: links `[label](target)` and
// theme icons `$(name)`. A zero-width space after `]` or `$` keeps the text as it reads and
// breaks the syntax.
const MESSAGE_SYNTAX = /(\]|\$)(?=\()/g;

// Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping them all
// leaves no link, image, emphasis, HTML, code span, table cell or autolink (`https\:`, `a\.com`).
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Outside text as one line of bounded length: controls and bidi marks become spaces. */
export function oneLine(value: unknown, max = OUTSIDE_TEXT_MAX): string {
  const text = (typeof value === 'string' ? value : String(value)).replace(CONTROL_OR_BIDI, ' ');
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * Outside text for a notification (`show*Message`), an input box's validation message or a
 * quick pick's label or detail: one line, bounded, with no link and no icon VS Code would render.
 */
export function plainText(value: unknown, max = OUTSIDE_TEXT_MAX): string {
  return oneLine(value, max).replace(MESSAGE_SYNTAX, '$1\u200b');
}

/**
 * Outside text for a MarkdownString or a Markdown document: every Markdown character escaped, so
 * it renders as the characters it is. Also breaks `$(icon)` for MarkdownStrings with theme icons.
 */
export function markdownText(value: unknown, max = OUTSIDE_TEXT_MAX): string {
  return oneLine(value, max).replace(MARKDOWN_PUNCTUATION, '\\$&');
}

/**
 * Outside text as an inline Markdown code span: a fence longer than any run of back-ticks in
 * it, so nothing inside closes the span; no link or emphasis is rendered inside a code span.
 */
export function markdownCode(value: unknown, max = OUTSIDE_TEXT_MAX): string {
  const text = oneLine(value, max);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side when the text starts or ends with a back-tick (CommonMark strips one).
  const padded = text.startsWith('`') || text.endsWith('`') || text === '' ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/**
 * Outside text inside a chat tool's result, which a language model reads: one line, bounded,
 * in JSON quotes (quotes and backslashes escaped), so a task path or a Name tag reads as a value
 * the tool reports, never as words of the tool's own.
 */
export function modelText(value: unknown, max = OUTSIDE_TEXT_MAX): string {
  return JSON.stringify(oneLine(value, max));
}
