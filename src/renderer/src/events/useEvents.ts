import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { type ApiData, useApiData } from '../api/useApiData.ts';

/** All events, newest first; small enough to load whole and filter in the renderer. */
export function useEvents(enabled = true): ApiData<NetworkEvent[]> {
  return useApiData(
    'events',
    async (api) => {
      const events = await api['events.list']({});
      return [...events].sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
    },
    ['events', 'contacts'],
    enabled,
  );
}
