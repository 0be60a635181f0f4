// Keyboard-first intake: Enter moves to the next field (never submits), and page shortcuts.
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type=hidden]):not([type=file]):not([type=button]):not([type=submit]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The id of the control for a form path (`applicant.name` → `intake-applicant-name`). */
export function fieldId(path: string): string {
  return `intake-${path.replace(/\./g, '-')}`;
}

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** The fields Tab would reach, one stop per radio group (its checked radio, else its first). */
function fieldStops(container: HTMLElement): HTMLElement[] {
  const seenGroups = new Set<string>();
  const stops: HTMLElement[] = [];
  for (const el of container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)) {
    if (!visible(el) || el.tabIndex < 0) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (seenGroups.has(el.name)) continue;
      seenGroups.add(el.name);
      const group = container.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`);
      stops.push([...group].find((r) => r.checked) ?? el);
      continue;
    }
    stops.push(el);
  }
  return stops;
}

/** Focuses the control for a form path, or the first field inside it (a radio group). */
export function focusPath(path: string): boolean {
  const el = document.getElementById(fieldId(path));
  if (!el) return false;
  const target = el.matches(FIELD_SELECTOR) ? el : (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>(FIELD_SELECTOR));
  target?.focus();
  return !!target;
}

/**
 * Enter in a field moves to the next one, as on paper forms clerks know; Enter while an IME is
 * composing Chinese, in a text area, or on a button keeps its usual meaning.
 */
export function enterMovesToNext(e: ReactKeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  const target = e.target as HTMLElement;
  if (!(target instanceof HTMLInputElement) || !target.matches(FIELD_SELECTOR)) return;
  e.preventDefault();
  const stops = fieldStops(e.currentTarget);
  const i = stops.findIndex((s) => s === target || (target.type === 'radio' && s instanceof HTMLInputElement && s.name === target.name));
  const next = stops[i + 1];
  if (next) next.focus();
}

export interface Shortcut {
  /** `F3`, `Alt+N`, `Ctrl+Enter`, `Ctrl+S`. */
  keys: string;
  run: () => void;
  enabled?: boolean;
}

function matches(e: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const want = { ctrl: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift') };
  if ((e.ctrlKey || e.metaKey) !== want.ctrl || e.altKey !== want.alt || e.shiftKey !== want.shift) return false;
  // e.code for letters, so Alt+N works whatever the keyboard layout or IME makes of the key.
  if (/^[A-Z]$/.test(key)) return e.code === `Key${key}`;
  return e.key === key;
}

/** Page shortcuts, active while the component is mounted; a modal dialog on top takes precedence. */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ([...document.querySelectorAll<HTMLElement>('[role=dialog][aria-modal="true"]')].some(visible)) return;
      for (const s of ref.current) {
        if (s.enabled === false || !matches(e, s.keys)) continue;
        e.preventDefault();
        e.stopPropagation();
        s.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
