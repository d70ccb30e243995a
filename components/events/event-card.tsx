import Link from 'next/link';
import type { EventCard } from '@/lib/events/queries';
import { formatDayRange } from '@/lib/format';

export function EventCardItem({ event, locale, countryLabel }: { event: EventCard; locale: string; countryLabel: (code: string) => string }) {
  return (
    <li className="card">
      <Link href={`/events/${event.slug}`} className="font-semibold">
        {event.title}
      </Link>
      <p className="muted">
        {formatDayRange(event.startsOn, event.endsOn, locale)}
        {event.place ? ` · ${event.place}` : ''}
        {event.countryCode ? `, ${countryLabel(event.countryCode)}` : ''}
      </p>
    </li>
  );
}
