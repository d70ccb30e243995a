'use client';

import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions/form-action';
import { quickTagCandidatesAction, tagEvidenceAction } from '@/lib/synthesis/actions';
import type { QuickTagCandidate } from '@/lib/synthesis/queries';

// The quick tagger, for the synthesis group during a live session: type a few letters of a theme, pick it
// with the keyboard or a tap, add a note and the session, tag. Without JavaScript it is a plain form with a
// select of the themes. Readers never get this module's controls: the server provides the options (and so
// the controls) only to viewers whose synthesis group it is, and the mutation checks again.

export type TaggingEventOption = {
  eventId: string | null;
  title: string;
  themes: { id: string; title: string }[];
  sessions: { id: string; label: string }[];
  defaultSessionId: string | null;
};

export type TaggerLabels = {
  search: string;
  searchHint: string;
  /** "1 theme found" */
  resultsOne: string;
  /** "{count} themes found" */
  resultsOther: string;
  noMatch: string;
  theme: string;
  chooseTheme: string;
  chosen: string;
  change: string;
  note: string;
  session: string;
  noSession: string;
  submit: string;
  pending: string;
};

type TaggingContextValue = { events: TaggingEventOption[]; labels: TaggerLabels };

const TaggingContext = createContext<TaggingContextValue | null>(null);

/** Provided once per page to the viewers who may tag; every tagger on the page reads it. */
export function TaggingProvider({ events, labels, children }: TaggingContextValue & { children: ReactNode }) {
  return <TaggingContext.Provider value={{ events, labels }}>{children}</TaggingContext.Provider>;
}

export type TagTarget = { type: 'case_study' | 'thread' | 'post'; id: string; sectionKey?: string };

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));

export function QuickTagger({ target, contextEventId = null }: { target: TagTarget; contextEventId?: string | null }) {
  const context = useContext(TaggingContext);
  const [state, formAction, isPending] = useActionState(tagEvidenceAction, { status: 'idle' } as FormState);
  const [isEnhanced, setEnhanced] = useState(false);
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<QuickTagCandidate[]>([]);
  const [isSearching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [chosen, setChosen] = useState<QuickTagCandidate | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const ids = { search: useId(), list: useId(), hint: useId(), note: useId(), session: useId(), theme: useId() };

  useEffect(() => setEnhanced(true), []);

  // One request after a short pause in typing, not one per letter: phones on slow connections.
  useEffect(() => {
    const typed = query.trim();
    if (!isEnhanced || chosen || !typed) {
      setCandidates([]);
      setSearching(false);
      return;
    }
    let isCurrent = true;
    setSearching(true);
    const timer = setTimeout(async () => {
      // A dropped connection gives an empty list rather than a search that never ends.
      const result = await quickTagCandidatesAction({ query: typed }).catch(() => [] as QuickTagCandidate[]);
      if (!isCurrent) return;
      setSearching(false);
      if (Array.isArray(result)) {
        setCandidates(result);
        setSearchError('');
      } else {
        setCandidates([]);
        setSearchError(result.message);
      }
      setActiveIndex(0);
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query, chosen, isEnhanced]);

  // After a tag is saved, start again from an empty search, ready for the next one.
  const [handledState, setHandledState] = useState(state);
  if (state !== handledState) {
    setHandledState(state);
    if (state.status === 'ok') {
      setChosen(null);
      setQuery('');
    }
  }
  useEffect(() => {
    if (state.status === 'ok') searchRef.current?.focus();
  }, [state]);

  if (!context) return null;
  const { events, labels } = context;
  const eventOf = (eventId: string | null) => events.find((event) => event.eventId === eventId);
  const contextEvent = eventOf(contextEventId) ?? events[0];

  const pick = (candidate: QuickTagCandidate) => {
    setChosen(candidate);
    setCandidates([]);
    // The note is next: Enter there tags.
    requestAnimationFrame(() => noteRef.current?.focus());
  };
  const isListOpen = !chosen && candidates.length > 0;
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter never submits a half-chosen tag.
      event.preventDefault();
      if (isListOpen) pick(candidates[Math.min(activeIndex, candidates.length - 1)]!);
      return;
    }
    if (!isListOpen) return;
    if (event.key === 'ArrowDown') setActiveIndex((activeIndex + 1) % candidates.length);
    else if (event.key === 'ArrowUp') setActiveIndex((activeIndex - 1 + candidates.length) % candidates.length);
    else if (event.key === 'Escape') setCandidates([]);
    else return;
    event.preventDefault();
  };

  const chosenEvent = chosen ? eventOf(chosen.eventId) : undefined;
  const sessionOptions = isEnhanced ? (chosenEvent ? [chosenEvent] : []) : events;
  const defaultSession = isEnhanced ? (chosenEvent?.defaultSessionId ?? '') : (contextEvent?.defaultSessionId ?? '');
  const showDetails = !isEnhanced || chosen !== null;
  const hasSessions = sessionOptions.some((event) => event.sessions.length > 0);

  return (
    <form action={formAction} className="space-y-2 text-sm">
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      {target.sectionKey ? <input type="hidden" name="sectionKey" value={target.sectionKey} /> : null}
      {state.status === 'error' && state.message ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
          {state.message}
        </p>
      ) : null}

      {isEnhanced ? (
        chosen ? (
          <p className="flex flex-wrap items-baseline gap-2">
            <input type="hidden" name="themeId" value={chosen.id} />
            <span>
              {labels.chosen} <strong>{chosen.title}</strong>
              {chosenEvent?.title ? <span className="text-stone-600"> · {chosenEvent.title}</span> : null}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setChosen(null);
                requestAnimationFrame(() => searchRef.current?.focus());
              }}
            >
              {labels.change}
            </button>
          </p>
        ) : (
          <div className="relative space-y-1">
            <label htmlFor={ids.search} className="block font-medium">
              {labels.search}
            </label>
            <input
              ref={searchRef}
              id={ids.search}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={isListOpen}
              aria-controls={ids.list}
              aria-activedescendant={isListOpen ? `${ids.list}-${activeIndex}` : undefined}
              aria-describedby={ids.hint}
              value={query}
              maxLength={60}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onSearchKey}
              className="input"
            />
            <p id={ids.hint} className="text-xs text-stone-600">
              {labels.searchHint}
            </p>
            <ul id={ids.list} role="listbox" aria-label={labels.theme} hidden={!isListOpen} className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border border-stone-300 bg-white shadow">
              {candidates.map((candidate, index) => (
                <li
                  key={candidate.id}
                  id={`${ids.list}-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  // Keep the focus in the search box: a mouse press on an option must not blur it.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(candidate)}
                  className="cursor-pointer px-3 py-2 aria-selected:bg-teal-50 aria-selected:text-teal-900"
                >
                  <span className="font-medium">{candidate.title}</span>
                  {eventOf(candidate.eventId)?.title ? <span className="block text-xs text-stone-600">{eventOf(candidate.eventId)!.title}</span> : null}
                </li>
              ))}
            </ul>
            <p aria-live="polite" className="text-xs text-stone-600">
              {searchError || (isSearching || !query.trim() ? '' : candidates.length === 1 ? labels.resultsOne : candidates.length ? fill(labels.resultsOther, { count: candidates.length }) : labels.noMatch)}
            </p>
          </div>
        )
      ) : (
        <div className="space-y-1">
          <label htmlFor={ids.theme} className="block font-medium">
            {labels.theme}
          </label>
          <select id={ids.theme} name="themeId" required defaultValue="" className="input">
            <option value="">{labels.chooseTheme}</option>
            {events.map((event) => (
              <optgroup key={event.eventId ?? 'network'} label={event.title}>
                {event.themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}

      {showDetails ? (
        <>
          <div className="space-y-1">
            <label htmlFor={ids.note} className="block font-medium">
              {labels.note}
            </label>
            <input ref={noteRef} id={ids.note} name="note" type="text" maxLength={280} className="input" />
          </div>
          {hasSessions ? (
            <div className="space-y-1">
              <label htmlFor={ids.session} className="block font-medium">
                {labels.session}
              </label>
              <select id={ids.session} name="sessionId" key={`${chosen?.id ?? ''}-${defaultSession}`} defaultValue={defaultSession} className="input">
                <option value="">{labels.noSession}</option>
                {sessionOptions
                  .filter((event) => event.sessions.length > 0)
                  .map((event) => (
                    <optgroup key={event.eventId ?? 'network'} label={event.title}>
                      {event.sessions.map((session) => (
                        <option key={session.id} value={session.id}>
                          {session.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
              </select>
            </div>
          ) : null}
          <button type="submit" disabled={isPending} className="button-primary">
            {isPending ? labels.pending : labels.submit}
          </button>
        </>
      ) : null}

      {state.status === 'ok' && state.message ? (
        <p role="status" className="text-emerald-900">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/**
 * "Tag…" behind a disclosure, so a page read during a session stays calm until the facilitator needs it.
 * Nothing at all outside a TaggingProvider: readers get no control.
 */
export function TaggerDisclosure({ label, target, contextEventId = null }: { label: string; target: TagTarget; contextEventId?: string | null }) {
  if (!useContext(TaggingContext)) return null;
  return (
    <details className="no-print max-w-md text-sm">
      <summary className="link-button inline">{label}</summary>
      <div className="mt-2 rounded border border-stone-200 bg-stone-50 p-3">
        <QuickTagger target={target} contextEventId={contextEventId} />
      </div>
    </details>
  );
}
