// The Back answer of a guided step, apart from the start-task flow so that the prompts (loaded at
// activation) do not pull that flow in. vscode-free.

/**
 * A symbol, not a string, so a path typed as "back" is a path; a registered one, so the bundled
 * extension and code loaded apart from it (the host tests) agree on it.
 */
export const BACK: unique symbol = Symbol.for('fsxTasks.back');
export type Back = typeof BACK;
/** A value, BACK, or undefined when the person dismissed the step (Escape). */
export type Answer<T> = T | Back | undefined;

/**
 * The validation message a text step opens with: none while the box is empty, so a step that
 * needs an answer (the days of a release) does not open in the error state before anything is
 * typed; a prefilled answer (Back, a duplicate) is checked at once. Enter on an empty box still
 * validates.
 */
export function openingMessage(step: { readonly value: string; validate(value: string): string | undefined }): string | undefined {
  return step.value.trim() === '' ? undefined : step.validate(step.value);
}
