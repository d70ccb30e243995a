/** A row of small labels (key populations, topics). */
export function TagList({ labels }: { labels: string[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {labels.map((label) => (
        <li key={label} className="tag">
          {label}
        </li>
      ))}
    </ul>
  );
}
