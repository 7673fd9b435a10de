import type { FollowUp } from '../../../src/shared/domain/followup.ts';
import type { Settings } from '../../../src/shared/settings.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

/** Berlin, follow-up hour 9, Monday to Friday: explicit so results do not depend on the host. */
export const BERLIN: Partial<Settings> = {
  timeZone: 'Europe/Berlin',
  followUpHour: 9,
  workingDays: [1, 2, 3, 4, 5],
};

export function berlinApp(nowIso: string, extra: Partial<Settings> = {}): TempApp {
  return openTempApp(nowIso, { ...BERLIN, ...extra });
}

export async function openSteps(app: TempApp, contactId?: number): Promise<FollowUp[]> {
  return app.api['followups.list']({ contactId, statuses: ['pending', 'snoozed'] });
}

export async function allSteps(app: TempApp, contactId?: number): Promise<FollowUp[]> {
  return app.api['followups.list']({ contactId });
}

export const brief = (steps: FollowUp[]) => steps.map((s) => `${s.purpose}@${s.dueOn}:${s.status}`);
