import config from '../../config/calendar.json' with { type: 'json' };
import { createWorkingDayCalendar, type WorkingDayCalendar } from './working-days.ts';

/** The working-day calendar of the Buurtteams: general holidays plus configured closing days (D1). */
export const municipalCalendar: WorkingDayCalendar = createWorkingDayCalendar({
  extraClosingDays: config.extraClosingDays as string[],
});
