// Where the rating is offered: after the receipt (on the intake screen) and after the handover (on
// the case page, where the screen also opens by itself right after this clerk hands over). The
// clerk's words follow the language; the applicant's screen (RatingScreen) stays Chinese.
import { LikeOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/case/projection';
import { hallName } from '../../../shared/halls';
import type { RatingLevel, RatingStage } from '../../../shared/protocol/events';
import { canRate } from '../../../shared/supervision/feedback';
import { useApp } from '../../app/session-context';
import { db } from '../../data/db';
import { useCalendar } from '../cases/use-reference';
import { principalOf } from '../workflow/act';
import { useActor } from '../workflow/use-actor';
import { ratingPayload } from './rating-payload';
import { RatingScreen } from './RatingScreen';

function RateOffer({ view, stage, autoOpen = false }: { view: CaseView; stage: RatingStage; autoOpen?: boolean }) {
  const { session, device } = useApp();
  const { t } = useTranslation();
  const actor = useActor();
  const calendar = useCalendar();
  const [open, setOpen] = useState(autoOpen);
  const given = (view.ratings ?? []).find((r) => r.stage === stage);
  const may = canRate(view, principalOf(session, device), stage);
  if (given && !open) {
    return (
      <Typography.Text type="secondary">
        {t('rateOffer.given', { stage: t(`ratingStage.${stage}`), level: t(`ratingLevel.${given.level}`) })}
      </Typography.Text>
    );
  }
  if (!may && !open) return null;
  const submit = (level: RatingLevel, comment: string) => actor.act(view, 'rating.submitted', ratingPayload(stage, level, comment, calendar, new Date()));
  return (
    <>
      <Button icon={<LikeOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>
        {t('rateOffer.ask', { stage: t(`ratingStage.${stage}`) })}
      </Button>
      {open ? (
        <RatingScreen
          stage={stage}
          hallName={hallName(device.hallId) /* the applicant's screen names the hall in Chinese */}
          caseNo={view.caseNo}
          itemName={view.itemName ?? view.itemCode}
          submit={submit}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/** On the receipt: the case just accepted, found by its number in the local store. */
export function RateAfterReceipt({ caseNo }: { caseNo: string }) {
  const view = useLiveQuery(async () => (await db().cases.where('caseNo').equals(caseNo).first())?.view, [caseNo]);
  return view ? <RateOffer view={view} stage="receipt" /> : null;
}

/** On the case page: offered once the certificate is handed over here, opened at once by the clerk who did it. */
export function RateAfterHandover({ view }: { view: CaseView }) {
  const { session } = useApp();
  const before = useRef(view.state);
  const [justHanded, setJustHanded] = useState(false);
  useEffect(() => {
    const last = view.history[view.history.length - 1];
    if (before.current === 'printed' && view.state === 'delivered' && last?.type === 'case.delivered' && last.actor.staffId === session.staff.staffId) setJustHanded(true);
    before.current = view.state;
  }, [view, session.staff.staffId]);
  if (view.state !== 'delivered') return null;
  return <RateOffer key={String(justHanded)} view={view} stage="handover" autoOpen={justHanded} />;
}
