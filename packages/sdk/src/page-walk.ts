/** A page of a list the hub answers page by page: `next` is the cursor of the one after. */
interface CursorPage {
  readonly next: string | null;
}

/**
 * Every item of a list, newest or oldest first as the list goes, fetching page after page as
 * it is read. A hub answering the same cursor twice would page for ever, so that throws.
 */
export async function* everyItem<Query extends object, Page extends CursorPage, Item>(
  query: Query,
  listPage: (query: Query & { cursor?: string }) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[],
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listPage(cursor === undefined ? query : { ...query, cursor });
    yield* itemsOf(page);
    if (page.next === null) return;
    // The cursor moves strictly on; the same one twice would page for ever.
    if (page.next === cursor) throw new Error("the hub answered the same cursor twice");
    cursor = page.next;
  }
}
