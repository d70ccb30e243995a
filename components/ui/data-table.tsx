import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box on phones, so the page itself never does.
 * `headers` are the column titles; rows are passed as children (<tr> elements).
 */
export function DataTable({ headers, children, caption }: { headers: ReactNode[]; children: ReactNode; caption?: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="table">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
