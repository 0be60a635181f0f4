// Unified intake (线下收件). Placeholder until the intake feature lands.
import { Typography } from 'antd';
import type { PageProps } from '../../app/routes';

export function IntakePage(_props: PageProps) {
  return <Typography.Title level={3}>受理</Typography.Title>;
}
