import { amsterdamOffsetMinutes } from './amsterdam-time.ts';

/** DDAS's part of the day (`EnumDagdeel`) of a contact attempt (DESIGN D3). */
export const DAGDELEN = ['ochtend', 'middag', 'avond'] as const;
export type Dagdeel = (typeof DAGDELEN)[number];

/**
 * DESIGN D3: the part of the day of an instant on Amsterdam's wall clock: ochtend before 12:00,
 * middag from 12:00 until 18:00, avond from 18:00 (midnight starts the ochtend again). The hour is
 * read with Amsterdam's offset at that instant (CET or CEST), whatever the machine's time zone.
 */
export function dagdeelOf(instant: Date): Dagdeel {
  if (Number.isNaN(instant.getTime())) throw new RangeError('dagdeelOf: not a valid instant');
  const wallClock = new Date(instant.getTime() + amsterdamOffsetMinutes(instant) * 60_000);
  const hour = wallClock.getUTCHours();
  if (hour < 12) return 'ochtend';
  if (hour < 18) return 'middag';
  return 'avond';
}
