import { damage } from '../damage/mirror-damage.ts';
import { DEMO_ARTICLE } from '../damage/demo-article.ts';

/** The built-in demo: the project's own sample article, damaged the way mirrors do. */
export function demoText(): string {
  return damage(DEMO_ARTICLE, { seed: 29, tableShare: 0.6, commaRate: 0.3 });
}
