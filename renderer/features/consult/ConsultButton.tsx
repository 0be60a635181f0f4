// 视频会商 on a case page: calls another hall about this case (the home hall by default, or the
// intake hall when this counter is the home hall's).
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../shared/catalog/item-schema';
import type { CaseView } from '../../../shared/case/projection';
import { mayConsult } from '../../../shared/consult/messages';
import { caseSummaryShare } from '../../../shared/consult/summary';
import { useApp } from '../../app/session-context';
import { DialDialog } from './DialDialog';

export function ConsultButton({ view, item }: { view: CaseView; item?: Item | undefined }) {
  const { session } = useApp();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!mayConsult(session.staff.roles)) return null;
  const mine = session.staff.hallId;
  const { intakeHallId, homeHallId, deliveryHallId } = view.halls;
  const suggested = [homeHallId, intakeHallId, deliveryHallId].find((h) => h !== mine);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('consult.title')}</Button>
      {open ? (
        <DialDialog
          caseTarget={{
            ref: { caseId: view.caseId, caseNo: view.caseNo },
            summary: caseSummaryShare(view, item),
          }}
          suggestedHallId={suggested}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
