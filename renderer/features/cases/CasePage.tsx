// One case. Placeholder until the cases feature lands.
import { Typography } from 'antd';
import type { PageProps } from '../../app/routes';

export function CasePage({ param }: PageProps) {
  return <Typography.Title level={3}>办件 {param}</Typography.Title>;
}
