// pg_cron 1.6 schedule grammar (vixie cron's parser, src/entry.c in citusdata/pg_cron), evaluated in
// UTC like pg_cron. Month and weekday names are not accepted because our cron._validate_schedule
// (bootstrap.sql) rejects them before a job is stored.

export type Schedule =
  | CronSchedule
  | { kind: "seconds"; seconds: number }
  /** runs once when the scheduler starts */
  | { kind: "reboot" };

export interface CronSchedule {
  kind: "cron";
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  /** `$` in the day-of-month field */
  lastDayOfMonth: boolean;
  months: ReadonlySet<number>;
  /** 0-6, Sunday = 0 (a 7 in the text is folded into 0) */
  daysOfWeek: ReadonlySet<number>;
  /** vixie cron: a field whose text starts with `*` (also `*\/2`) is "unrestricted" */
  domStar: boolean;
  dowStar: boolean;
}

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const SECONDS = /^(\d+)\s+seconds?$/i;

export function parseSchedule(text: string): Schedule {
  const trimmed = text.trim();
  if (trimmed === "@reboot") return { kind: "reboot" };
  const seconds = SECONDS.exec(trimmed);
  if (seconds) {
    const n = Number(seconds[1]);
    if (n < 1 || n > 59) throw new Error(`invalid schedule "${text}": seconds must be 1-59`);
    return { kind: "seconds", seconds: n };
  }
  const fields = (MACROS[trimmed] ?? trimmed).split(/\s+/);
  if (fields.length !== 5) {
    throw new Error(
      `invalid schedule "${text}": expected 5 fields, '@hourly'-style macro or 'N seconds'`,
    );
  }
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  try {
    const daysOfWeek = new Set([...parseField(dow, 0, 7)].map((d) => d % 7));
    return {
      kind: "cron",
      minutes: parseField(minute, 0, 59),
      hours: parseField(hour, 0, 23),
      daysOfMonth: dom === "$" ? new Set() : parseField(dom, 1, 31),
      lastDayOfMonth: dom === "$",
      months: parseField(month, 1, 12),
      daysOfWeek,
      domStar: dom.startsWith("*"),
      dowStar: dow.startsWith("*"),
    };
  } catch (error) {
    throw new Error(`invalid schedule "${text}": ${(error as Error).message}`);
  }
}

/** list = range {"," range}; range = "*" | N | N-M, and "*" or N-M may take "/step" */
function parseField(text: string, low: number, high: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(?:(\*)|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cannot read "${part}"`);
    const [, star, a, b, stepText] = match;
    // vixie cron rejects "5/10": a step needs a range to walk
    if (stepText !== undefined && !star && b === undefined) {
      throw new Error(`"${part}": a step needs * or a range`);
    }
    const from = star ? low : Number(a);
    const to = star ? high : b === undefined ? from : Number(b);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (from < low || to > high) throw new Error(`"${part}" is outside ${low}-${high}`);
    if (from > to) throw new Error(`"${part}": range runs backwards`);
    if (step < 1) throw new Error(`"${part}": step must be at least 1`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Whether a 5-field schedule fires in the minute starting at `minuteStartUtc`. */
export function isDue(schedule: Schedule, minuteStartUtc: Date): boolean {
  if (schedule.kind !== "cron") return false;
  const t = minuteStartUtc;
  if (
    !schedule.minutes.has(t.getUTCMinutes()) || !schedule.hours.has(t.getUTCHours()) ||
    !schedule.months.has(t.getUTCMonth() + 1)
  ) return false;
  const day = t.getUTCDate();
  const lastDay = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  const domMatch = schedule.daysOfMonth.has(day) || (schedule.lastDayOfMonth && day === lastDay);
  const dowMatch = schedule.daysOfWeek.has(t.getUTCDay());
  // vixie cron: when either day field is "*", both must match; when both are restricted, either
  return schedule.domStar || schedule.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}
