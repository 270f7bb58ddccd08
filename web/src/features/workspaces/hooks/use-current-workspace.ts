import { useSyncExternalStore } from "react";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { useMyWorkspaces } from "@/features/workspaces/api/get-my-workspaces.ts";

export const WORKSPACE_STORAGE_KEY = "dmdesk.workspace";

// The choice lives in localStorage (so it survives reloads and the trip to Meta's consent
// screen) behind a tiny store, so the rail's switcher and the page re-render together.
const listeners = new Set<() => void>();
// Used only when storage is blocked (private mode, sandboxed iframe), so switching still works
// for this page's lifetime.
let fallbackId: string | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab switching workspace fires "storage" here.
  globalThis.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener("storage", listener);
  };
}

function readStoredId(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_STORAGE_KEY);
  } catch {
    return fallbackId;
  }
}

export function selectWorkspace(imoId: string) {
  fallbackId = imoId;
  try {
    localStorage.setItem(WORKSPACE_STORAGE_KEY, imoId);
  } catch {
    // not persisted; fallbackId still switches this tab
  }
  for (const listener of listeners) listener();
}

export function useCurrentWorkspace() {
  const query = useMyWorkspaces();
  const storedId = useSyncExternalStore(subscribe, readStoredId, () => null);
  const workspaces: MyWorkspace[] = query.data ?? [];
  // A stored id the user no longer belongs to (removed, or another person on this browser)
  // silently falls back to the first workspace.
  const workspace = workspaces.find((w) => w.imo_id === storedId) ?? workspaces[0];

  return {
    status: query.status,
    error: query.error,
    refetch: query.refetch,
    isRefetching: query.isRefetching,
    workspaces,
    workspace,
    selectWorkspace,
  };
}
