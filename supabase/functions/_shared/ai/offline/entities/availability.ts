import * as chrono from "chrono-node";
import type { AvailabilityEntity } from "../../../../../../shared/src/contracts/message-analysis.ts";

const HOUR = 3_600_000;
/** Offers are about the coming weeks: a date further off, or in the past, is something else. */
const HORIZON_MS = 120 * 24 * HOUR;

/** A digit, or a word that chrono could read as a day or a time (English or Spanish). */
const MAY_NAME_A_TIME =
  /\d|\b(?:today|tonight|tomorrow|tmrw|tmr|yesterday|now|noon|midnight|morning|afternoon|evening|night|week|weekend|month|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|hoy|manana|pasado|tarde|noche|mediodia|semana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|next|this|in an?|half an)\b/i;

/** The UTC offset, in minutes, of `timeZone` at `at` ("America/New_York" in December: -300). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * The first date or time the contact offers ("tomorrow at 3pm", "thursday afternoon", "el lunes a
 * las 10"), resolved against the message's own time in the IMO's time zone, so that "tomorrow"
 * in a message read a day late still means the day after it was written. A date in the past or
 * months away is not an offer of availability ("since 2019", "in 2030").
 */
export function extractAvailability(
  text: string,
  messageAt: Date,
  timeZone: string,
): AvailabilityEntity | null {
  // chrono costs more than the rest of the analysis together: most DMs name no time at all
  if (!MAY_NAME_A_TIME.test(text.normalize("NFD").replace(/\p{M}+/gu, ""))) return null;
  const reference = { instant: messageAt, timezone: offsetMinutes(timeZone, messageAt) };
  const options = { forwardDate: true };
  const results = [
    ...chrono.casual.parse(text, reference, options),
    ...chrono.es.casual.parse(text, reference, options),
  ].sort((a, b) => a.index - b.index);
  for (const result of results) {
    // a bare number or a year is not an appointment ("2 hoodies", "3 years")
    const start = result.start;
    if (!start.isCertain("weekday") && !start.isCertain("day") && !start.isCertain("hour")) {
      continue;
    }
    // "call me at 5" means 5 pm: nobody offers a call before 8 in the morning
    const pm = start.isCertain("hour") && !start.isCertain("meridiem") &&
      (start.get("hour") ?? 12) < 8;
    let at = new Date(start.date().getTime() + (pm ? 12 * HOUR : 0));
    // chrono moved a bare "at 5" to tomorrow because 5 am had passed; 5 pm today has not
    const dayNamed = start.isCertain("day") || start.isCertain("weekday");
    if (pm && !dayNamed && at.getTime() - 24 * HOUR >= messageAt.getTime()) {
      at = new Date(at.getTime() - 24 * HOUR);
    }
    const ahead = at.getTime() - messageAt.getTime();
    if (ahead < -12 * HOUR || ahead > HORIZON_MS) continue;
    return {
      text: result.text.slice(0, 120),
      at: at.toISOString(),
      has_time: start.isCertain("hour"),
    };
  }
  return null;
}
