/**
 * A plain list of items, laid out as antd's `List` was (antd 6 deprecates `List` and names `Listy`, a
 * virtualised scroller, as its successor; these short lists need no virtualisation). The same props
 * as the ones this app used from `List`: `dataSource`, `renderItem`, `size`, `header`, `locale.emptyText`,
 * and `ItemList.Item` with `actions`, `ItemList.Item.Meta` with `avatar`, `title`, `description`.
 * Styles: `.cb-list*` in style.css.
 */
import { Empty } from "antd";
import { Fragment, isValidElement, type CSSProperties, type HTMLAttributes, type ReactNode } from "react";

export interface ItemListProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  dataSource: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  size?: "small" | "default" | "large";
  header?: ReactNode;
  footer?: ReactNode;
  /** Lines between items (default true). */
  split?: boolean;
  locale?: { emptyText?: ReactNode };
  "data-testid"?: string;
}

export function ItemList<T>({ dataSource, renderItem, size = "default", header, footer, split = true, locale, className, ...rest }: ItemListProps<T>) {
  const classes = ["cb-list", `cb-list-${size}`, split ? "cb-list-split" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <div className={classes} {...rest}>
      {header !== undefined && <div className="cb-list-header">{header}</div>}
      {dataSource.length === 0 ? (
        <div className="cb-list-empty"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={locale?.emptyText} /></div>
      ) : (
        <ul className="cb-list-items">
          {dataSource.map((item, i) => {
            const node = renderItem(item, i);
            return <Fragment key={isValidElement(node) && node.key !== null ? node.key : i}>{node}</Fragment>;
          })}
        </ul>
      )}
      {footer !== undefined && <div className="cb-list-footer">{footer}</div>}
    </div>
  );
}

export interface ItemProps extends HTMLAttributes<HTMLLIElement> {
  /** Controls at the end of the item, separated by thin lines. */
  actions?: ReactNode[];
  extra?: ReactNode;
  style?: CSSProperties;
  "data-testid"?: string;
}

function Item({ actions, extra, children, className, ...rest }: ItemProps) {
  return (
    <li className={["cb-list-item", className ?? ""].filter(Boolean).join(" ")} {...rest}>
      {children}
      {actions && actions.length > 0 && (
        <ul className="cb-list-item-action">
          {actions.map((a, i) => (
            <li key={isValidElement(a) && a.key !== null ? a.key : i}>
              {a}
              {i < actions.length - 1 && <em className="cb-list-item-action-split" />}
            </li>
          ))}
        </ul>
      )}
      {extra !== undefined && <div className="cb-list-item-extra">{extra}</div>}
    </li>
  );
}

function Meta({ avatar, title, description }: { avatar?: ReactNode; title?: ReactNode; description?: ReactNode }) {
  return (
    <div className="cb-list-item-meta">
      {avatar !== undefined && <div className="cb-list-item-meta-avatar">{avatar}</div>}
      <div className="cb-list-item-meta-content">
        {title !== undefined && <h4 className="cb-list-item-meta-title">{title}</h4>}
        {description !== undefined && <div className="cb-list-item-meta-description">{description}</div>}
      </div>
    </div>
  );
}

Item.Meta = Meta;
ItemList.Item = Item;
