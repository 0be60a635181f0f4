// The hall's cases. Placeholder until the cases feature lands.
import { Typography } from 'antd';
import type { PageProps } from '../../app/routes';

export function CaseListPage(_props: PageProps) {
  return <Typography.Title level={3}>办件</Typography.Title>;
}
