// The case summary shared in a call: the same data on both screens (numbers masked).
// The values are the summary as the caller's counter made it (shared/consult/summary: in Chinese,
// the same on both screens); only the labels follow the language.
import { Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryShare } from '../../../shared/consult/messages';

export function SharedSummary({ summary, by }: { summary: CaseSummaryShare; by: 'me' | 'peer' }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('consult.summary.label')}>
      <Typography.Text type="secondary">
        {by === 'me' ? t('consult.summary.mine') : t('consult.summary.theirs')}
      </Typography.Text>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'no',
            label: t('consult.summary.caseNo'),
            children: <span style={{ fontFamily: 'monospace' }}>{summary.caseNo}</span>,
          },
          { key: 'item', label: t('consult.summary.item'), children: t('consult.summary.itemValue', { name: summary.itemName, code: summary.itemCode }) },
          { key: 'state', label: t('consult.summary.state'), children: summary.state },
          {
            key: 'applicant',
            label: t('consult.summary.applicant'),
            children: t('consult.summary.applicantValue', {
              name: summary.applicant.name,
              kind: summary.applicant.kind,
              idType: summary.applicant.idType,
              id: summary.applicant.idNumberMasked,
            }),
          },
          {
            key: 'halls',
            label: t('consult.summary.halls'),
            children: `${summary.halls.intake} / ${summary.halls.home} / ${summary.halls.delivery}`,
          },
          ...(summary.promisedDays !== undefined
            ? [{ key: 'days', label: t('consult.summary.promisedDays'), children: t('consult.summary.days', { days: summary.promisedDays }) }]
            : []),
          ...summary.form.map((f, i) => ({ key: `f${i}`, label: f.label, children: f.value })),
          ...(summary.correction
            ? [{ key: 'corr', label: t('consult.summary.correction'), children: summary.correction.join(t('consult.summary.correctionSeparator')) }]
            : []),
        ]}
      />
      <List
        size="small"
        header={t('consult.summary.materials')}
        dataSource={summary.materials}
        renderItem={(m) => <List.Item>{t('consult.summary.material', { name: m.name, provided: m.provided })}</List.Item>}
      />
    </section>
  );
}
