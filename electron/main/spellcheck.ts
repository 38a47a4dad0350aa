// Applies the spell checking plan (core/security/spellcheck-plan.ts) to the app's session; the
// window takes plan.enabled as its webPreferences.spellcheck.
import { session } from 'electron';
import type { SpellcheckPlan } from '../core/security/spellcheck-plan';

export function applySpellcheck(plan: SpellcheckPlan): void {
  if (plan.dictionaryUrl !== null) session.defaultSession.setSpellCheckerDictionaryDownloadURL(plan.dictionaryUrl);
  session.defaultSession.setSpellCheckerEnabled(plan.enabled);
}
