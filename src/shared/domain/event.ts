import { z } from 'zod';
import { id, optionalText, plannedIsoDate, requiredText } from './common.ts';

export const EventDraft = z.object({
  name: requiredText(200),
  date: plannedIsoDate,
  location: optionalText(300),
  notes: optionalText(20_000),
});
export type EventDraft = z.input<typeof EventDraft>;

export const EventPatch = EventDraft.partial().extend({ id });

export interface NetworkEvent {
  id: number;
  name: string;
  date: string;
  location: string | null;
  notes: string | null;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}
