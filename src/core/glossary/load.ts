import { GlossaryMatcher } from './matcher.ts';

let matcher: Promise<GlossaryMatcher> | undefined;

/** The glossary matcher, built on first use from the bundled data (a separate chunk in the extension). */
export function loadGlossary(): Promise<GlossaryMatcher> {
  matcher ??= import('./data.ts').then((m) => new GlossaryMatcher(m.GLOSSARY_ENTRIES));
  return matcher;
}
