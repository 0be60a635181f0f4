// The shortcuts of the intake screen, always in sight.
import { Space, Typography } from 'antd';

const KEYS: [string, string][] = [
  ['F3', '查找事项'],
  ['Enter', '下一项'],
  ['Ctrl+Enter', '受理'],
  ['Ctrl+S', '保存草稿'],
  ['Alt+N', '新建收件'],
];

export function ShortcutBar({ extra }: { extra?: [string, string][] }) {
  return (
    <Space wrap size={[12, 4]} aria-label="快捷键" role="note">
      {[...KEYS, ...(extra ?? [])].map(([k, what]) => (
        <Typography.Text key={k} type="secondary" style={{ fontSize: 12 }}>
          <Typography.Text keyboard>{k}</Typography.Text> {what}
        </Typography.Text>
      ))}
    </Space>
  );
}
