// What happens next on a case and who does it, told from one hall's point of view.
import { relationsOf } from '../../../shared/case/permissions';
import type { CaseView } from '../../../shared/case/projection';
import { t } from '../../i18n';
import { hallLabel } from '../../i18n/labels';

/** A sentence on what happens next and who does it, from this hall's point of view. */
export function nextStepText(view: CaseView, hallId: string): string {
  const mine = relationsOf(hallId, view.halls);
  const home = hallLabel(view.halls.homeHallId);
  const delivery = hallLabel(view.halls.deliveryHallId);
  const intake = hallLabel(view.halls.intakeHallId);
  switch (view.state) {
    case 'received':
      return mine.includes('home')
        ? t('workflow.next.reviewHere')
        : t('workflow.next.reviewThere', { home });
    case 'in_review':
      return mine.includes('home')
        ? t('workflow.next.decideHere')
        : t('workflow.next.decideThere', { home });
    case 'needs_correction':
      return mine.includes('intake')
        ? t('workflow.next.correctHere')
        : t('workflow.next.correctThere', { intake });
    case 'approved':
      return t('workflow.next.approved');
    case 'certificate_issued':
      return mine.includes('delivery')
        ? t('workflow.next.printHere')
        : t('workflow.next.printThere', { delivery });
    case 'printed':
      return mine.includes('delivery')
        ? t('workflow.next.deliverHere')
        : t('workflow.next.deliverThere', { delivery });
    case 'delivered':
      return t('workflow.next.delivered');
    case 'rejected':
      return t('workflow.next.rejected');
    case 'withdrawn':
      return t('workflow.next.withdrawn');
  }
}

