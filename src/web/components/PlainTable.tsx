/**
 * A plain, semantic <table> laid out as antd's small `Table` (antd's default light tokens; styles:
 * `.cb-table*` in style.css), for short read-only tables that need none of antd's sorting, paging,
 * fixed columns or virtualisation. Mounting antd's Table costs tens of milliseconds of script on a
 * first visit (issue 18.8); this one is a map over the rows.
 *
 * Columns: `title`, `render(row)`, optional `align`. Rows: `rowKey`, optional `rowProps` (data-*
 * attributes). Optional `expandable`: a disclosure button (aria-expanded, aria-controls) in a first
 * column opens a full-width row under the row, as antd's expandable rows did.
 */
import { Fragment, useId, useState, type HTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface PlainColumn<T> {
  key: string;
  title: ReactNode;
  render: (row: T, index: number) => ReactNode;
  align?: "left" | "right" | "center";
}

export interface PlainTableProps<T> {
  columns: readonly PlainColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  expandable?: { rowExpandable: (row: T) => boolean; render: (row: T) => ReactNode; label: (row: T) => string };
  "data-testid"?: string;
  /** The table's accessible name (a caption is not drawn). */
  "aria-label"?: string;
}

export function PlainTable<T>({ columns, rows, rowKey, rowProps, expandable, "data-testid": testId, "aria-label": ariaLabel }: PlainTableProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key); else next.add(key);
    return next;
  });
  const span = columns.length + (expandable ? 1 : 0);
  return (
    <div className="cb-table-wrap" data-testid={testId}>
      <table className="cb-table" aria-label={ariaLabel}>
        <thead>
          <tr>
            {expandable && <th className="cb-table-expand-cell"><span className="cb-visually-hidden">{t("light.details")}</span></th>}
            {columns.map((c) => <th key={c.key} scope="col" style={c.align ? { textAlign: c.align } : undefined}>{c.title}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const key = rowKey(r);
            const canExpand = expandable?.rowExpandable(r) ?? false;
            const isOpen = canExpand && open.has(key);
            const detailId = `${id}-${i}`;
            return (
              <Fragment key={key}>
                <tr className="cb-table-row" {...rowProps?.(r)}>
                  {expandable && (
                    <td className="cb-table-expand-cell">
                      {canExpand && (
                        <button type="button" className={`cb-table-expand${isOpen ? " cb-table-expand-open" : ""}`} aria-expanded={isOpen} aria-controls={isOpen ? detailId : undefined}
                          aria-label={`${t(isOpen ? "light.collapse" : "light.expand")}: ${expandable.label(r)}`} onClick={() => toggle(key)} />
                      )}
                    </td>
                  )}
                  {columns.map((c) => <td key={c.key} style={c.align ? { textAlign: c.align } : undefined}>{c.render(r, i)}</td>)}
                </tr>
                {isOpen && expandable && (
                  <tr className="cb-table-expanded" id={detailId}>
                    <td colSpan={span}>{expandable.render(r)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
