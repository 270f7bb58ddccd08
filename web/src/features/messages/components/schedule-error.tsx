import { fieldErrorSchema } from "@dm-desk/shared/contracts/api-error";
import { AlertCircle } from "lucide-react";
import { z } from "zod";
import { formatScheduleTime } from "@/features/messages/utils/schedule-time.ts";
import type { AppError } from "@/lib/errors.ts";

// The server's 4xx details: each invalid field (422 validation_failed), or where the window stands
// (409 window_closed, 422 outside_window).
const fieldErrorsSchema = z.array(fieldErrorSchema);
const windowDetailsSchema = z.object({ window_closes_at: z.string().nullable() });

/** Why the server refused the schedule, with what it says about each field or the window. */
export function ScheduleError(
  { error, now, verb }: { error: AppError; now: Date; verb: "scheduled" | "saved" },
) {
  const fields = fieldErrorsSchema.safeParse(error.details);
  const window = windowDetailsSchema.safeParse(error.details);
  const closes = window.success && window.data.window_closes_at
    ? formatScheduleTime(window.data.window_closes_at, now)
    : null;
  return (
    <div
      role="alert"
      className="flex gap-1.5 rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-[11px] text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
    >
      <AlertCircle className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
      <div className="min-w-0">
        <p className="font-medium">
          {`Not ${verb}: ${error.message}`}
          {closes && ` (the window closes ${closes}).`}
        </p>
        {fields.success && fields.data.length > 0 && (
          <ul className="mt-0.5 list-disc pl-3.5">
            {fields.data.map((field) => (
              <li key={`${field.path}:${field.message}`}>
                {field.path ? `${field.path}: ${field.message}` : field.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
