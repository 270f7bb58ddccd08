import { LEAD_SOURCES, LEAD_STATUSES } from "@dm-desk/shared/schemas/enums";
import type { RecruitingLead } from "@dm-desk/shared/schemas/recruiting-lead";
import { MessagesSquare, UsersRound } from "lucide-react";
import { Link } from "react-router";
import { InlineError } from "@/components/ui/inline-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { paths } from "@/config/paths.ts";
import { useLeads } from "@/features/leads/api/get-leads.ts";
import { useUpdateLead } from "@/features/leads/api/update-lead.ts";
import { useLeadFilters } from "@/features/leads/hooks/use-lead-filters.ts";
import { LEAD_SOURCE_LABELS, LEAD_STATUS_LABELS } from "@/features/leads/utils/lead-labels.ts";

const date = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  year: "numeric",
});

/**
 * The IMO's leads, newest first, with where each came from; the server filters and pages them.
 * Any member moves a lead along the pipeline from its row (RLS lets every member update leads).
 * Under `sm` each row is a card: the table's elements are laid out as blocks and grids, with
 * explicit roles because some browsers drop a table's semantics once its display changes.
 */
export function LeadsTable({ imoId }: { imoId: string }) {
  const { filters, setFilter } = useLeadFilters();
  const query = useLeads(imoId, filters);
  const leads = query.data?.pages.flatMap((page) => page.leads) ?? [];

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <FilterSelect
          label="Source"
          value={filters.source ?? ""}
          onChange={(value) => setFilter("source", value)}
          options={[
            { value: "", label: "All sources" },
            ...LEAD_SOURCES.map((value) => ({ value, label: LEAD_SOURCE_LABELS[value] })),
          ]}
        />
        <FilterSelect
          label="Status"
          value={filters.status ?? ""}
          onChange={(value) => setFilter("status", value)}
          options={[
            { value: "", label: "All statuses" },
            ...LEAD_STATUSES.map((value) => ({ value, label: LEAD_STATUS_LABELS[value] })),
          ]}
        />
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {query.status === "pending" && <LeadsSkeleton />}
        {query.status === "error" && (
          <InlineError
            className="m-4"
            message={`Couldn't load leads. ${query.error.message}`}
            onRetry={() => void query.refetch()}
          />
        )}
        {query.status === "success" && !leads.length && (
          <div className="flex flex-col items-center gap-2 p-8 text-center">
            <UsersRound className="size-6 text-zinc-400" aria-hidden="true" />
            <p className="text-xs text-zinc-500">
              {filters.status || filters.source
                ? "No leads match these filters."
                : "No leads yet. Create one from a conversation in Messages."}
            </p>
          </div>
        )}
        {leads.length > 0 && (
          <table role="table" className="w-full text-left text-xs max-sm:block">
            <caption className="sr-only">Leads</caption>
            <thead
              role="rowgroup"
              className="sticky top-0 bg-zinc-50 text-[10px] tracking-wide text-zinc-500 uppercase max-sm:sr-only dark:bg-zinc-900"
            >
              <tr role="row">
                <th role="columnheader" scope="col" className="px-4 py-1.5 font-medium">Name</th>
                <th role="columnheader" scope="col" className="px-2 py-1.5 font-medium">
                  Source
                </th>
                <th role="columnheader" scope="col" className="px-2 py-1.5 font-medium">
                  Status
                </th>
                <th
                  role="columnheader"
                  scope="col"
                  className="hidden px-2 py-1.5 font-medium md:table-cell"
                >
                  Contact
                </th>
                <th
                  role="columnheader"
                  scope="col"
                  className="hidden px-2 py-1.5 font-medium sm:table-cell"
                >
                  Created
                </th>
                <th role="columnheader" scope="col" className="px-2 py-1.5 font-medium">
                  <span className="sr-only">Conversation</span>
                </th>
              </tr>
            </thead>
            <tbody
              role="rowgroup"
              className="divide-y divide-zinc-100 max-sm:block dark:divide-zinc-800"
            >
              {leads.map((lead) => <LeadRow key={lead.id} imoId={imoId} lead={lead} />)}
            </tbody>
          </table>
        )}
        {query.hasNextPage && (
          <div className="flex justify-center p-2">
            <button
              type="button"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
              className="h-6 rounded-md px-2 text-[11px] text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              {query.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

// Under `sm` a row is a card: name and status, then source and date, then contact details and
// the way to the conversation.
const CARD_CELL = "max-sm:block max-sm:p-0";

function LeadRow({ imoId, lead }: { imoId: string; lead: RecruitingLead }) {
  return (
    <tr
      role="row"
      aria-label={lead.full_name}
      className="text-zinc-800 max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:items-center max-sm:gap-x-3 max-sm:gap-y-1 max-sm:px-4 max-sm:py-2.5 dark:text-zinc-200"
    >
      <td role="cell" className={`px-4 py-1.5 ${CARD_CELL} max-sm:col-start-1 max-sm:row-start-1`}>
        <div className="font-medium break-words">{lead.full_name}</div>
        {lead.instagram_username && (
          <div className="text-[10px] text-zinc-500">{`@${lead.instagram_username}`}</div>
        )}
      </td>
      <td role="cell" className={`px-2 py-1.5 ${CARD_CELL} max-sm:col-start-1 max-sm:row-start-2`}>
        <span className="rounded bg-zinc-100 px-1 py-0.5 text-[10px] font-medium whitespace-nowrap dark:bg-zinc-800">
          {LEAD_SOURCE_LABELS[lead.lead_source]}
        </span>
      </td>
      <td role="cell" className={`px-2 py-1.5 ${CARD_CELL} max-sm:col-start-2 max-sm:row-start-1`}>
        <LeadStatusSelect imoId={imoId} lead={lead} />
      </td>
      <td
        role="cell"
        className={`hidden px-2 py-1.5 text-[11px] text-zinc-600 md:table-cell dark:text-zinc-400 ${CARD_CELL} max-sm:col-start-1 max-sm:row-start-3`}
      >
        {lead.email && <span className="[overflow-wrap:anywhere]">{lead.email}</span>}
        {lead.email && lead.phone && " · "}
        {lead.phone && <span className="whitespace-nowrap">{lead.phone}</span>}
      </td>
      <td
        role="cell"
        className={`hidden px-2 py-1.5 text-[11px] text-zinc-500 sm:table-cell ${CARD_CELL} max-sm:col-start-2 max-sm:row-start-2 max-sm:text-right`}
      >
        {date.format(new Date(lead.created_at))}
      </td>
      <td
        role="cell"
        className={`px-2 py-1.5 text-right ${CARD_CELL} max-sm:col-start-2 max-sm:row-start-3`}
      >
        {lead.conversation_id && (
          <Link
            to={paths.app.messages.getHref({
              conversationId: lead.conversation_id,
              search: lead.instagram_username,
            })}
            className="inline-flex h-6 items-center gap-1 rounded-md px-1.5 text-[11px] font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
          >
            <MessagesSquare className="size-3" aria-hidden="true" />
            Conversation
          </Link>
        )}
      </td>
    </tr>
  );
}

/** The lead's place in the pipeline; a change shows at once and is put back if refused. */
function LeadStatusSelect({ imoId, lead }: { imoId: string; lead: RecruitingLead }) {
  const updateLead = useUpdateLead(imoId);
  return (
    <select
      aria-label={`Status of ${lead.full_name}`}
      value={lead.status}
      // the options are exactly LEAD_STATUSES
      onChange={(event) => {
        const status = LEAD_STATUSES[event.target.selectedIndex];
        if (status && status !== lead.status) updateLead.mutate({ id: lead.id, status });
      }}
      className={SELECT_CLASS}
    >
      {LEAD_STATUSES.map((status) => (
        <option key={status} value={status}>{LEAD_STATUS_LABELS[status]}</option>
      ))}
    </select>
  );
}

function LeadsSkeleton() {
  return (
    <div role="status" aria-label="Loading leads" className="space-y-2 p-4">
      {Array.from({ length: 6 }, (_, index) => <Skeleton key={index} className="h-6 w-full" />)}
    </div>
  );
}

const SELECT_CLASS =
  "h-7 rounded-md border border-zinc-200 bg-white px-1.5 text-xs text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100";

type FilterSelectProps<Value extends string> = {
  label: string;
  value: Value | "";
  options: { value: Value | ""; label: string }[];
  onChange: (value: Value | "") => void;
};

function FilterSelect<Value extends string>(
  { label, value, options, onChange }: FilterSelectProps<Value>,
) {
  return (
    <label className="flex items-center gap-1 text-[11px] text-zinc-600 dark:text-zinc-400">
      {label}
      <select
        value={value}
        // the options are exactly these values
        onChange={(event) => onChange(options[event.target.selectedIndex]?.value ?? "")}
        className={SELECT_CLASS}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </label>
  );
}
