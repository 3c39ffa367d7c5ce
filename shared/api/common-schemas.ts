import * as z from 'zod';
import { isCalendarDate } from '../domain/amsterdam-time.ts';
import { normalisePostcode } from '../domain/wijken.ts';
import './zod-dutch.ts'; // Dutch validation messages

/** DESIGN I3: Dutch postcode, stored as `1234AB`. */
export const postcodeSchema = z
  .string({ error: 'Postcode ontbreekt.' })
  .refine((value) => /^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(value), {
    error: 'Ongeldige postcode: verwacht vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
    params: { code: 'invalid-postcode' },
  })
  .transform(normalisePostcode)
  .meta({ example: '3561AB' });

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is rejected). */
export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, {
    error: 'Ongeldige datum: gebruik JJJJ-MM-DD met een bestaande datum.',
    params: { code: 'invalid-date' },
  })
  .meta({ format: 'date', example: '1971-02-03' });

export const dateTimeSchema = z.iso
  .datetime({
    offset: true,
    error: 'Ongeldig tijdstip: gebruik ISO 8601 met tijdzone, bijvoorbeeld 2026-11-20T22:15:00+01:00.',
  })
  .meta({ example: '2026-11-20T22:15:00+01:00' });

export const personSchema = z.object(
  {
    initials: z.string().trim().max(20).optional(),
    prefix: z.string().trim().max(20).optional(),
    surname: z
      .string({ error: 'Achternaam ontbreekt.' })
      .trim()
      .min(1, { error: 'Achternaam ontbreekt.' })
      .max(200),
    birthDate: calendarDateSchema.optional(),
  },
  { error: 'Persoonsgegevens (person) ontbreken.' },
);

export const addressSchema = z.object(
  {
    postcode: postcodeSchema,
    houseNumber: z
      .number({ error: 'Huisnummer moet een positief geheel getal zijn.' })
      .int({ error: 'Huisnummer moet een positief geheel getal zijn.' })
      .positive({ error: 'Huisnummer moet een positief geheel getal zijn.' }),
    houseNumberSuffix: z.string().trim().max(10).optional(),
    street: z.string().trim().max(200).optional(),
    city: z.string().trim().max(100).optional(),
  },
  { error: 'Adres (address) ontbreekt.' },
);

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation-failed' }),
      message: z.string().meta({ example: 'De invoer is niet geldig.' }),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
