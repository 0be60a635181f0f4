// 办理经过: every event of the case with who, where and when (Beijing time); ours not yet at the
// hub marked 待同步, those the hub refused marked 被退回 with its reason.
import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { eventLabel, hallLabel } from '../../i18n/labels';
import { beijingTime } from './format';
import { actorName, eventDetail, HUB_STAFF_ID, type TimelineEntry } from './timeline';

interface Props {
  entries: readonly TimelineEntry[];
  staffNames: ReadonlyMap<string, string>;
  fieldLabel(name: string): string;
}

const COLORS: Record<'confirmed' | 'hub' | 'pending' | 'refused', string> = {
  confirmed: '#1677ff',
  hub: '#52c41a',
  pending: '#faad14',
  refused: '#ff4d4f',
};

function color(e: TimelineEntry): string {
  if (e.status !== 'confirmed') return COLORS[e.status];
  return e.actor.staffId === HUB_STAFF_ID ? COLORS.hub : COLORS.confirmed;
}

export function CaseTimeline({ entries, staffNames, fieldLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={entries.map((e) => {
        const detail = eventDetail(e.type, e.payload, fieldLabel);
        return {
          key: e.eventId,
          color: color(e),
          content: (
            <div aria-label={t('timeline.record', { event: eventLabel(e.type) })}>
              <Space size={6}>
                <Typography.Text strong delete={e.status === 'refused'}>
                  {eventLabel(e.type)}
                </Typography.Text>
                {e.status === 'pending' ? <Tag color="gold">{t('timeline.pending')}</Tag> : null}
                {e.status === 'refused' ? <Tag color="red">{t('timeline.refused')}</Tag> : null}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {beijingTime(e.at, true)} · <span title={e.actor.staffId === HUB_STAFF_ID ? t('timeline.hubActor') : t('timeline.staffId', { id: e.actor.staffId })}>{actorName(e.actor, staffNames)}</span> · {hallLabel(e.actor.hallId)}
                </Typography.Text>
              </div>
              {detail ? <div>{detail}</div> : null}
              {e.status === 'refused' && e.reason ? (
                <Typography.Text type="danger">
                  {t('timeline.refusedReason', { message: e.reason.message, code: e.reason.code })}
                </Typography.Text>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
