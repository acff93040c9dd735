import type { HTMLAttributes, Key, ReactNode } from "react";
import { Card, Descriptions, Flex, Grid, Spin, Table, type TableColumnType, type TableProps } from "antd";

type ResponsiveTableProps<T> = TableProps<T> & { "data-testid"?: string };

function readValue<T>(record: T, dataIndex: TableColumnType<T>["dataIndex"]): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path: unknown[] = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>(
    (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
    record,
  );
}

function renderCell<T>(column: TableColumnType<T>, record: T, index: number): ReactNode {
  const value = readValue(record, column.dataIndex);
  return (column.render ? column.render(value, record, index) : value) as ReactNode;
}

// An empty cell reads well in a table's grid; on a card it is a label with nothing after it, so it is left out.
function isBlank(node: ReactNode): boolean {
  return node === null || node === undefined || node === "" || node === false;
}

function renderTitle<T>(column: TableColumnType<T>): ReactNode {
  return typeof column.title === "function" ? column.title({}) : column.title;
}

/**
 * antd's Table on a laptop; on a phone (below md) each row becomes a card: the first column as its title, the
 * other columns as label/value lines (empty ones left out), the `actions` column as the card's action bar. Same columns, same row
 * attributes (`data-row-key`, `onRow`), so a page states its columns once for both.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const isPhone = Grid.useBreakpoint().md === false;
  if (!isPhone) return <Table<T> {...props} />;
  const { columns = [], dataSource = [], rowKey, loading, locale, onRow } = props;
  const [first, ...rest] = columns.filter((column): column is TableColumnType<T> => !("children" in column));
  const fields = rest.filter((column) => column.key !== "actions");
  const actions = rest.find((column) => column.key === "actions");
  const keyOf = (record: T, index: number): Key =>
    typeof rowKey === "function"
      ? rowKey(record, index)
      : (((record as Record<PropertyKey, unknown>)[(rowKey ?? "key") as PropertyKey] as Key | undefined) ?? index);

  return (
    <Spin spinning={Boolean(loading)}>
      <Flex vertical gap={8} data-testid={props["data-testid"]} data-layout="cards">
        {dataSource.length === 0
          ? (locale?.emptyText as ReactNode)
          : dataSource.map((record, index) => {
              const key = keyOf(record, index);
              const rowProps = (onRow?.(record, index) ?? {}) as HTMLAttributes<HTMLDivElement>;
              return (
                <Card
                  key={key}
                  size="small"
                  data-row-key={key}
                  {...rowProps}
                  title={first ? renderCell(first, record, index) : null}
                  actions={actions ? [<div key="actions">{renderCell(actions, record, index)}</div>] : undefined}
                >
                  <Descriptions
                    size="small"
                    column={1}
                    items={fields
                      .map((column, position) => ({
                        key: String(column.key ?? position),
                        label: renderTitle(column),
                        children: renderCell(column, record, index),
                      }))
                      .filter((item) => !isBlank(item.children))}
                  />
                </Card>
              );
            })}
      </Flex>
    </Spin>
  );
}
