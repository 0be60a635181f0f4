// The colour of each state's tag: open work blue/orange, done green, ended without result grey/red.
import type { CaseState } from '../../../shared/case/states';

export const STATE_COLORS: Record<CaseState, string> = {
  received: 'blue',
  in_review: 'processing',
  needs_correction: 'orange',
  approved: 'green',
  certificate_issued: 'green',
  printed: 'cyan',
  delivered: 'default',
  rejected: 'red',
  withdrawn: 'default',
};
