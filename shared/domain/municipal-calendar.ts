import config from '../../config/calendar.json' with { type: 'json' };
import decreesFile from '../../config/termijnenwet-decrees.json' with { type: 'json' };
import { createWorkingDayCalendar, type WorkingDayCalendar } from './working-days.ts';

/**
 * The working-day calendar of the Buurtteams (D1): the general holidays and Goede Vrijdag (computed),
 * the days of every Besluit gelijkstelling in `config/termijnenwet-decrees.json`, and the extra
 * closing days of `config/calendar.json`. Both files are the municipality's: it adds the next decree
 * (published in the Staatscourant, usually three years at a time) by editing the JSON only — the
 * calendar validates it when this module loads. Exact from 2014 on; see docs/deadlines.md.
 */
export const municipalCalendar: WorkingDayCalendar = createWorkingDayCalendar({
  decrees: decreesFile.decrees,
  extraClosingDays: config.extraClosingDays as string[],
});
