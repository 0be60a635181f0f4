// The shortcuts of the intake screen, always in sight. Plain elements (renderer/ui/plain.tsx): the bar
// is drawn again with the receipt, which the clerk waits for.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['F3', 'find'],
  ['Enter', 'next'],
  ['Ctrl+Enter', 'accept'],
  ['Ctrl+S', 'save'],
  ['Alt+N', 'new'],
] as const;

/** `withPrint`: the receipt is on screen, and Ctrl+P prints it. */
export const ShortcutBar = memo(function ShortcutBar({ withPrint = false }: { withPrint?: boolean }) {
  const { t } = useTranslation();
  const keys: [string, string][] = KEYS.map(([k, what]): [string, string] => [k, t(`intake.shortcut.${what}`)]);
  if (withPrint) keys.push(['Ctrl+P', t('intake.shortcut.print')]);
  return (
    <div role="note" aria-label={t('intake.shortcuts')} className="tb-small tb-secondary" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }}>
      {keys.map(([k, what]) => (
        <span key={k}>
          <kbd className="tb-kbd">{k}</kbd> {what}
        </span>
      ))}
    </div>
  );
});
