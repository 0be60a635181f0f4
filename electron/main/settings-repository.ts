// The counter's settings as the shell keeps them (electron-store in the app). The repository works
// over any Store-like backend, checks every patch with the bridge's schema, and reads a damaged or
// hand-edited file field by field, each bad field falling back to its default.
import { checkSettingsPatch, settingsFromStored, type CounterSettings } from '../../shared/bridge';
import type { Result } from '../../shared/result';

/** What the repository needs of electron-store (and of `conf`, the store it is built on). */
export interface StoreLike {
  store: Record<string, unknown>;
}

export class SettingsRepository {
  private readonly listeners = new Set<(next: CounterSettings, previous: CounterSettings) => void>();

  constructor(private readonly backend: StoreLike) {}

  get(): CounterSettings {
    return settingsFromStored(this.backend.store);
  }

  set(patch: unknown): Result<CounterSettings> {
    const checked = checkSettingsPatch(patch);
    if (!checked.ok) return checked;
    const previous = this.get();
    const next = { ...previous, ...checked.value };
    this.backend.store = { ...next };
    for (const l of this.listeners) l(next, previous);
    return { ok: true, value: next };
  }

  onChange(listener: (next: CounterSettings, previous: CounterSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
