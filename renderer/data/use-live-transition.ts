// A Dexie live query whose answers are drawn in a transition. dexie-react-hooks' useLiveQuery sets
// its state from the query's promise, outside any event: React draws that update in the default
// lane, in one task it does not slice. For a screen that draws much from its answer (the case list's
// window of rows, a case page once its case arrives), that task ran to 50–80 ms while a new counter
// downloads its cases, every time the download changed the rows. In a transition React renders in
// slices the page can interrupt, and a key pressed meanwhile is handled first.
//
// Like useLiveQuery, it is undefined until the first answer, keeps the last answer shown while the
// query runs again (for changed data or changed deps), and throws a failed query's error in render,
// for the nearest error boundary.
import { liveQuery } from 'dexie';
import { startTransition, useEffect, useState, type DependencyList } from 'react';

type Answer<T> = { value: T } | { error: unknown };

export function useLiveQueryInTransition<T>(querier: () => T | Promise<T>, deps: DependencyList): T | undefined {
  const [answer, setAnswer] = useState<Answer<T> | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => startTransition(() => setAnswer({ value })),
      error: (error: unknown) => startTransition(() => setAnswer({ error })),
    });
    return () => subscription.unsubscribe();
    // The caller's deps say when the query is another one, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if (answer && 'error' in answer) throw answer.error;
  return answer?.value;
}
