// What happens next on a case and who does it, told from one hall's point of view.
import { relationsOf } from '../../../shared/case/permissions';
import type { CaseView } from '../../../shared/case/projection';
import { hallName } from '../../../shared/halls';

/** A sentence on what happens next and who does it, from this hall's point of view. */
export function nextStepText(view: CaseView, hallId: string): string {
  const mine = relationsOf(hallId, view.halls);
  const home = hallName(view.halls.homeHallId);
  const delivery = hallName(view.halls.deliveryHallId);
  const intake = hallName(view.halls.intakeHallId);
  switch (view.state) {
    case 'received':
      return mine.includes('home')
        ? '本厅为主管厅：请开始审核。'
        : `等待主管厅（${home}）开始审核。`;
    case 'in_review':
      return mine.includes('home')
        ? '审核中：请作出通过、补正或不予办理的决定。'
        : `${home}审核中。`;
    case 'needs_correction':
      return mine.includes('intake')
        ? '主管厅要求补正：请告知申请人，收齐材料后办理补正。'
        : `等待申请人到${intake}补正。`;
    case 'approved':
      return '审核已通过。';
    case 'certificate_issued':
      return mine.includes('delivery')
        ? '证照已签发：请打印证照。'
        : `证照已签发，由${delivery}打印交付。`;
    case 'printed':
      return mine.includes('delivery')
        ? '证照已打印：请核验领取人身份后交付。'
        : `证照已打印，等待在${delivery}交付。`;
    case 'delivered':
      return '证照已交付，办件办结。';
    case 'rejected':
      return '主管厅决定不予办理，办件终止。';
    case 'withdrawn':
      return '申请人已撤回申请，办件终止。';
  }
}

