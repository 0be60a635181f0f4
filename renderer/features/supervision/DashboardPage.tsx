// 督查 (supervision dashboard): every cross-region case on this counter against its promise, for a
// chosen period and halls; charts with their numbers beside them, each a way to its cases; print.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Progress, Radio, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, useState } from 'react';
import { SEED_HALLS, hallName } from '../../../shared/halls';
import { beijingToday, type DashboardQuery } from '../../../shared/supervision/dashboard';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { platform } from '../../platform/platform';
import { useToday } from '../cases/use-reference';
import { chartPicture, type ChartRegistry } from './charts';
import { fetchDashboard, useWorkerAnswer } from './dashboard-client';
import { DurationCard, FlowCard, OverviewCard, RectificationCard, SatisfactionCard } from './DashboardSections';
import { count } from './FigureButton';
import { DASHBOARD_PRINT_TITLE, dashboardDocument, hallsText, periodText } from './print-dashboard';
import { decodeQuery, encodeQuery } from './query-param';
import { defaultQuery, presetOf, presetPeriod, PRESETS, type Preset } from './period';

export const scopeText = (scope: 'hall' | 'region', hallId: string) =>
  scope === 'region' ? '区域督查设备：全部营业厅的办件' : `${hallName(hallId)}设备：本厅参与的办件`;

export function DashboardPage({ navigate, param }: PageProps) {
  const { device, session } = useApp();
  const { message } = App.useApp();
  const today = beijingToday(useToday());
  const decoded = decodeQuery(param, defaultQuery(today));
  const [query, setQuery] = useState<DashboardQuery>(decoded.ok ? decoded.value.query : defaultQuery(today));
  const [preset, setPreset] = useState<Preset>(() => presetOf(query, today));
  const [registry] = useState<ChartRegistry>(() => new Map());
  const key = `${encodeQuery(query)}|${today}`;
  const answer = useWorkerAnswer(key, () => fetchDashboard(query, today));
  const d = answer.value?.dashboard ?? null;
  const open = (figure: string) => navigate('supervision-list', encodeQuery(query, figure));
  const scope = scopeText(device.scope, device.hallId);

  const range = useMemo<[Dayjs, Dayjs] | null>(() => (query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null), [query.from, query.to]);

  const print = async () => {
    if (!d) return;
    const pictures = Object.fromEntries(
      (['states', 'flows', 'durations', 'ratings'] as const).flatMap((n) => {
        const src = chartPicture(registry, n);
        return src ? [[n, src]] : [];
      }),
    );
    const r = await platform().print({
      html: dashboardDocument({ dashboard: d, query, scope, madeAt: new Date().toISOString(), madeBy: session.staff.name, pictures }),
      title: `${DASHBOARD_PRINT_TITLE} ${periodText(query)}`,
    });
    if (!r.ok && r.error.code !== 'PRINT_CANCELLED') message.error(r.error.message);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            督查 · 跨区域通办
          </Typography.Title>
          <Tag color={device.scope === 'region' ? 'red' : 'gold'}>{scope}</Tag>
        </Space>
        <Button icon={<PrinterOutlined aria-hidden="true" />} onClick={() => void print()} disabled={!d}>
          打印统计表
        </Button>
      </Space>
      <Card size="small">
        <Space wrap size={16}>
          <Space wrap>
            <span id="period-label">统计期间</span>
            <Radio.Group
              aria-labelledby="period-label"
              optionType="button"
              value={preset}
              options={PRESETS}
              onChange={(e) => {
                const p = e.target.value as Preset;
                setPreset(p);
                if (p !== 'custom') setQuery((q) => ({ ...q, ...presetPeriod(p, today) }));
              }}
            />
            <DatePicker.RangePicker
              aria-label="统计期间起止日期"
              value={range}
              allowClear={false}
              onChange={(v) => {
                if (!v?.[0] || !v[1]) return;
                setPreset('custom');
                setQuery((q) => ({ ...q, from: v[0]!.format('YYYY-MM-DD'), to: v[1]!.format('YYYY-MM-DD') }));
              }}
            />
          </Space>
          <Space wrap>
            <span id="halls-label">营业厅（不选即全部）</span>
            <Checkbox.Group
              aria-labelledby="halls-label"
              value={[...query.halls]}
              options={SEED_HALLS.map((h) => ({ value: h.hallId, label: h.city }))}
              onChange={(halls) => setQuery((q) => ({ ...q, halls: halls.map(String) }))}
            />
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          办件按受理日期计入期间，凡所选营业厅为其受理、主管或交付厅即计入；评价与整改按评价日期计入被评价的营业厅。点击任一数字或图形可查看其中的办件。
        </Typography.Paragraph>
      </Card>
      {!decoded.ok ? <Alert type="warning" showIcon title={`${decoded.error.message}，已改为本年统计。`} /> : null}
      {answer.error ? <Alert type="error" showIcon title={`统计未完成：${answer.error}`} /> : null}
      {answer.progress ? (
        <Card size="small">
          <Typography.Text>正在建立本机的统计索引（首次使用时一次），已处理 {count(answer.progress.done)} / {count(answer.progress.total)} 件</Typography.Text>
          <Progress percent={answer.progress.total ? Math.floor((answer.progress.done / answer.progress.total) * 100) : 0} />
        </Card>
      ) : null}
      <div role="status" aria-label="统计状态" data-catch-up-ms={answer.value?.ms.catchUp} data-count-ms={answer.value?.ms.count}>
        {d && answer.value ? (
          <Typography.Text type="secondary">
            {answer.loading ? '正在更新…' : `已统计：本机 ${count(answer.value.cases)} 件办件，本期受理 ${count(d.total)} 件（${hallsText(query)}）`}
          </Typography.Text>
        ) : (
          <Spin description="正在统计…" />
        )}
      </div>
      {d ? (
        <>
          <OverviewCard d={d} open={open} registry={registry} />
          <FlowCard d={d} open={open} registry={registry} />
          <DurationCard d={d} open={open} registry={registry} />
          <SatisfactionCard d={d} open={open} registry={registry} />
          <RectificationCard d={d} open={open} />
        </>
      ) : null}
    </Space>
  );
}
