import type { KeyboardEvent } from 'react';

/**
 * The intake desk's keyboard: Ctrl+Enter (Cmd+Enter) submits; Enter alone never does, so a
 * half-typed call is not registered by a stray key. Enter still picks an option in a select,
 * cascader or autocomplete (they handle it on their own input first) and adds a line in a text
 * area; only the browser's implicit form submission from a single-line field is stopped.
 * F2 accepts the intake suggestion (one key that no input method types).
 */
export function intakeKeys(submit: () => void, accept?: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'F2' && accept) {
      e.preventDefault();
      accept();
      return;
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    if (e.target instanceof HTMLInputElement) e.preventDefault();
  };
}
