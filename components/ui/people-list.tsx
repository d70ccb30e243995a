import Link from 'next/link';

/** "Label: Name, Name" with each pseudonym linking to the member's profile. */
export function PeopleList({ label, people }: { label: string; people: { id: string; displayName: string }[] }) {
  if (!people.length) return null;
  return (
    <p className="text-sm">
      <span className="font-medium">{label}: </span>
      {people.map((person, index) => (
        <span key={person.id}>
          {index > 0 ? ', ' : ''}
          <Link href={`/members/${person.id}`}>{person.displayName}</Link>
        </span>
      ))}
    </p>
  );
}
