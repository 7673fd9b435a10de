import type { HandlerDeps } from '../core/handler-deps.ts';
import { type RegistrySlice, read } from '../core/registry.ts';
import { insightsPeople } from '../store/insights-people-store.ts';
import { insightsParams } from './insights-params.ts';
import { insightsReport } from './insights-report.ts';

export function insightsHandlers(deps: HandlerDeps): RegistrySlice<'insights.report' | 'insights.people'> {
  return {
    'insights.report': read((q) => insightsReport(deps, q)),
    'insights.people': read((q) => {
      const { measure, limit, offset, ...filters } = q;
      const found = insightsPeople(deps.db, insightsParams(deps, filters), measure, { limit, offset });
      return { ...found, offset };
    }),
  };
}
