import type { ComponentChildren } from "preact";

/** A column heading; numeric columns align right so digits line up. */
export type Column = string | { readonly label: string; readonly numeric: true };

/**
 * A list's table: a caption saying what is shown, one heading per column, the rows as given.
 * A column given as `false` is left out (one the operator's role may not use).
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  readonly caption: ComponentChildren;
  readonly columns: readonly (Column | false)[];
  readonly children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              if (column === false) return null;
              if (typeof column === "string") {
                return (
                  <th key={column} scope="col">
                    {column}
                  </th>
                );
              }
              return (
                <th key={column.label} scope="col" class="number">
                  {column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
