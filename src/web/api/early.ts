import type { Item, ItemFilters, Me, Page, Session } from './types';

declare global {
  interface Window {
    /** Requests index.html starts before the app loads (public/early.js). */
    __headwayEarly?: {
      session?: Promise<Session>;
      me?: Promise<Me>;
      items?: Promise<{ ws: string; page: Page<Item> }>;
    };
  }
}

/**
 * The first page of the backlog that index.html already requested, once, when it is for this
 * workspace and no filters apply; null otherwise.
 */
export async function takeEarlyFirstPage(ws: string, filters: ItemFilters): Promise<Page<Item> | null> {
  const early = window.__headwayEarly;
  const pending = early?.items;
  if (!early || !pending || Object.values(filters).some(Boolean)) return null;
  early.items = undefined;
  try {
    const { ws: id, page } = await pending;
    return id === ws ? page : null;
  } catch {
    return null;
  }
}
