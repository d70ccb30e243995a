/**
 * The case-study template's five sections, in order. Plain data with no imports: the section editors in
 * the browser use it (through workflow.ts) without pulling database table definitions into their bundle.
 */
export const sectionKeys = ['problem', 'context', 'key_elements', 'outcomes', 'lessons'] as const;
export type SectionKey = (typeof sectionKeys)[number];
