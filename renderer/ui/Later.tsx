// A part of a screen drawn just after the rest. Its first render draws nothing; once that is
// committed, the children render in a transition, which React slices and may interrupt, and are
// committed on their own. A screen otherwise drawn whole in one task (a case page: summary, form,
// materials, timeline) keeps each task short this way. What the clerk reads first and every
// control that takes typed keys at once (a search box, a form's first field) stay outside any
// <Later>, so nothing typed meanwhile is lost; controls reached by a click or Tab (the menu, the
// case list's filters) may come a pass later.
// `step` orders the parts: every <Later> of step 1 draws in the first pass after the screen, those
// of step 2 in the pass after that, and so on.
import { startTransition, useEffect, useState, type ReactNode } from 'react';

// `again`: in a screen kept hidden and shown again (an <Activity>, App.tsx), the part also comes a
// pass later each time it is shown again: it is taken out while hidden and drawn anew, in a task
// of its own, instead of its effects (antd's Selects measure their inputs) running in the showing's.
// `fallback`: drawn meanwhile (a light stand-in for a control that takes keys at once).
export function Later({ children, step = 1, again = false, fallback = null }: { children: ReactNode; step?: number; again?: boolean; fallback?: ReactNode }) {
  const [passes, setPasses] = useState(0);
  useEffect(() => {
    if (passes < step) startTransition(() => setPasses(passes + 1));
  }, [passes, step]);
  // Hidden (an Activity's effects are cleaned up then): back to the first pass.
  useEffect(() => (again ? () => setPasses(0) : undefined), [again]);
  return passes >= step ? children : fallback;
}
