/** Test pages come from the demo site's builders (samples + the mirror-damage generator). */
export { damagedParagraphs, escapeHtml, newsPage, sampleLines } from '../demo/site.ts';
