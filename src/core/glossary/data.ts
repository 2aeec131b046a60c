/**
 * The glossary data, bundled at build time from data/glossary/*.json (one file
 * per category). Loaded through loadGlossary() so pages and commands that do
 * not need it never parse it.
 */
import administrativeDivision from '../../../data/glossary/administrative-division.json';
import lawDiscipline from '../../../data/glossary/law-discipline.json';
import legislatureCppcc from '../../../data/glossary/legislature-cppcc.json';
import meetingDocument from '../../../data/glossary/meeting-document.json';
import partyOrgan from '../../../data/glossary/party-organ.json';
import policySlogan from '../../../data/glossary/policy-slogan.json';
import position from '../../../data/glossary/position.json';
import stateOrgan from '../../../data/glossary/state-organ.json';
import strategy from '../../../data/glossary/strategy.json';
import taiwan from '../../../data/glossary/taiwan.json';
import hongKongMacao from '../../../data/glossary/hong-kong-macao.json';
import type { GlossaryEntry } from './types.ts';

/** Every entry, in category order. */
export const GLOSSARY_ENTRIES = [
  ...partyOrgan, ...stateOrgan, ...position, ...legislatureCppcc, ...meetingDocument,
  ...strategy, ...policySlogan, ...administrativeDivision, ...lawDiscipline,
  ...taiwan, ...hongKongMacao,
] as GlossaryEntry[];
