import type { HandlerDeps } from '../../core/handler-deps.ts';
import { type RegistrySlice, read } from '../../core/registry.ts';
import { forecast } from './forecast.ts';

/** A read: the run happens on an in-memory copy, so the user's database never changes. */
export function forecastHandlers(deps: HandlerDeps): RegistrySlice<'insights.forecast'> {
  return {
    'insights.forecast': read((q) => forecast(deps.db, deps.settings.get(), deps.clock(), q)),
  };
}
