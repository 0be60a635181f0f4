// 督查 (supervision dashboard): every cross-region case on this counter against its promise, for a
// chosen period and halls; charts with their numbers beside them, each a way to its cases; print.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Progress, Radio, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEED_HALLS } from '../../../shared/halls';
import { beijingToday, type DashboardQuery } from '../../../shared/supervision/dashboard';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { cityLabel } from '../../i18n/labels';
import { platform } from '../../platform/platform';
import { useToday } from '../cases/use-reference';
import { durationChart, flowChart, satisfactionChart, stateChart } from './chart-options';
import { chartPicture, type ChartRegistry } from './charts';
import { fetchDashboard, useWorkerAnswer } from './dashboard-client';
import { DurationCard, FlowCard, OverviewCard, RectificationCard, SatisfactionCard } from './DashboardSections';
import { formatNumber } from '../../i18n';
import { DASHBOARD_PRINT_TITLE, dashboardDocument, periodText, scopeWords } from './print-dashboard';
import { decodeQuery, encodeQuery } from './query-param';
import { defaultQuery, hallsLabel, presetOf, presetOptions, presetPeriod, type Preset } from './period';
import { scopeLabel } from './words';

export function DashboardPage({ navigate, param }: PageProps) {
  const { device, session } = useApp();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const today = beijingToday(useToday());
  const decoded = decodeQuery(param, defaultQuery(today));
  const [query, setQuery] = useState<DashboardQuery>(decoded.ok ? decoded.value.query : defaultQuery(today));
  const [preset, setPreset] = useState<Preset>(() => presetOf(query, today));
  const [registry] = useState<ChartRegistry>(() => new Map());
  const key = `${encodeQuery(query)}|${today}`;
  const answer = useWorkerAnswer(key, () => fetchDashboard(query, today));
  const d = answer.value?.dashboard ?? null;
  const open = (figure: string) => navigate('supervision-list', encodeQuery(query, figure));
  const scope = scopeLabel(device.scope, device.hallId);

  const range = useMemo<[Dayjs, Dayjs] | null>(() => (query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null), [query.from, query.to]);

  const print = async () => {
    if (!d) return;
    // The printed statistics are Chinese whatever the screen shows, their charts' pictures too.
    const charts = { states: stateChart, flows: flowChart, durations: durationChart, ratings: satisfactionChart } as const;
    const pictures = Object.fromEntries(
      (['states', 'flows', 'durations', 'ratings'] as const).flatMap((n) => {
        const src = chartPicture(registry, n, () => charts[n](d, 'zh-CN'));
        return src ? [[n, src]] : [];
      }),
    );
    const r = await platform().print({
      html: dashboardDocument({ dashboard: d, query, scope: scopeWords(device.scope, device.hallId), madeAt: new Date().toISOString(), madeBy: session.staff.name, pictures }),
      title: `${DASHBOARD_PRINT_TITLE} ${periodText(query)}`,
    });
    if (!r.ok && r.error.code !== 'PRINT_CANCELLED') message.error(r.error.message);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('supervision.title')}
          </Typography.Title>
          <Tag color={device.scope === 'region' ? 'red' : 'gold'}>{scope}</Tag>
        </Space>
        <Button icon={<PrinterOutlined aria-hidden="true" />} onClick={() => void print()} disabled={!d}>
          {t('supervision.print')}
        </Button>
      </Space>
      <Card size="small">
        <Space wrap size={16}>
          <Space wrap>
            <span id="period-label">{t('supervision.period')}</span>
            <Radio.Group
              aria-labelledby="period-label"
              optionType="button"
              value={preset}
              options={presetOptions()}
              onChange={(e) => {
                const p = e.target.value as Preset;
                setPreset(p);
                if (p !== 'custom') setQuery((q) => ({ ...q, ...presetPeriod(p, today) }));
              }}
            />
            <DatePicker.RangePicker
              aria-label={t('supervision.periodDates')}
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
            <span id="halls-label">{t('supervision.halls')}</span>
            <Checkbox.Group
              aria-labelledby="halls-label"
              value={[...query.halls]}
              options={SEED_HALLS.map((h) => ({ value: h.hallId, label: cityLabel(h.hallId) }))}
              onChange={(halls) => setQuery((q) => ({ ...q, halls: halls.map(String) }))}
            />
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('supervision.howCounted')}
        </Typography.Paragraph>
      </Card>
      {!decoded.ok ? <Alert type="warning" showIcon title={t('supervision.badQuery', { reason: decoded.error.message })} /> : null}
      {answer.error ? <Alert type="error" showIcon title={t('supervision.failed', { reason: answer.error })} /> : null}
      {answer.progress ? (
        <Card size="small">
          <Typography.Text>{t('supervision.indexing', { done: formatNumber(answer.progress.done), total: formatNumber(answer.progress.total) })}</Typography.Text>
          <Progress percent={answer.progress.total ? Math.floor((answer.progress.done / answer.progress.total) * 100) : 0} />
        </Card>
      ) : null}
      <div role="status" aria-label={t('supervision.status')} data-catch-up-ms={answer.value?.ms.catchUp} data-count-ms={answer.value?.ms.count}>
        {d && answer.value ? (
          <Typography.Text type="secondary">
            {answer.loading ? t('supervision.updating') : t('supervision.counted', { cases: formatNumber(answer.value.cases), total: formatNumber(d.total), halls: hallsLabel(query) })}
          </Typography.Text>
        ) : (
          <Spin description={t('supervision.counting')} />
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
