// The shortcuts of the intake screen, always in sight.
import { useTranslation } from 'react-i18next';
import { Space, Typography } from 'antd';

const KEYS = [
  ['F3', 'find'],
  ['Enter', 'next'],
  ['Ctrl+Enter', 'accept'],
  ['Ctrl+S', 'save'],
  ['Alt+N', 'new'],
] as const;

/** `extra`: more shortcuts, each with the text of what it does. */
export function ShortcutBar({ extra }: { extra?: [string, string][] }) {
  const { t } = useTranslation();
  const keys: [string, string][] = [...KEYS.map(([k, what]): [string, string] => [k, t(`intake.shortcut.${what}`)]), ...(extra ?? [])];
  return (
    <Space wrap size={[12, 4]} aria-label={t('intake.shortcuts')} role="note">
      {keys.map(([k, what]) => (
        <Typography.Text key={k} type="secondary" style={{ fontSize: 12 }}>
          <Typography.Text keyboard>{k}</Typography.Text> {what}
        </Typography.Text>
      ))}
    </Space>
  );
}
