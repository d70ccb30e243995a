'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ComponentProps } from 'react';

const debounceMs = 300;

type Props = Omit<ComponentProps<'input'>, 'value' | 'defaultValue' | 'onChange' | 'type'> & { initialValue: string };

/**
 * The search box. Without JavaScript it is a plain field of the GET form; with it, results follow the
 * typing: a pause of 300 ms replaces the URL (other choices kept, back to page 1) and the server renders
 * the new results. Deliberately tiny: it ships on a read page.
 */
export function SearchInput({ initialValue, onKeyDown, ...props }: Props) {
  const router = useRouter();
  const urlQuery = useSearchParams().get('q') ?? '';
  const [value, setValue] = useState(initialValue);
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The last query this box put in the URL: when the URL changes to something else (a suggestion link, the
  // back button), the box follows it; when it is our own, the box keeps whatever was typed since.
  const sent = useRef(initialValue);

  useEffect(() => {
    if (urlQuery.trim() === sent.current) return;
    sent.current = urlQuery.trim();
    setValue(urlQuery);
  }, [urlQuery]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string) {
    const q = text.trim();
    if (q === sent.current) return;
    sent.current = q;
    // The current URL, not the one of this render: a facet link may have been followed meanwhile.
    const query = new URLSearchParams(window.location.search);
    if (q) query.set('q', q);
    else query.delete('q');
    query.delete('page');
    const queryString = query.toString();
    startTransition(() => router.replace(queryString ? `/search?${queryString}` : '/search', { scroll: false }));
  }

  return (
    <input
      {...props}
      type="search"
      value={value}
      onChange={(event) => {
        const text = event.target.value;
        setValue(text);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => search(text), debounceMs);
      }}
      onKeyDown={(event) => {
        // Enter submits the form as without JavaScript; a pending replace must not race that navigation.
        if (event.key === 'Enter') clearTimeout(timer.current);
        onKeyDown?.(event);
      }}
    />
  );
}
