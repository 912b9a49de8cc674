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
