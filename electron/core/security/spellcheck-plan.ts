// Spell checking without the network while reading. Chromium's checker uses the system's own on
// macOS (nothing to download) and on Windows (the Windows spell checking API); on Linux it has no
// system checker and downloads Hunspell dictionaries from Google's servers the first time, so
// there it is off unless the person turns it on, knowing that. The Electron glue (main) only
// applies this plan: the window's webPreferences.spellcheck, the session's switch, and where the
// session may fetch dictionaries from.
import { APP_ORIGIN } from '../protocol/app-files';

export interface SpellcheckPlan {
  /** Spell checking in the window (webPreferences.spellcheck) and the session. */
  enabled: boolean;
  /**
   * Where the session may download dictionaries from: null leaves Chromium's own address (only
   * when the person chose spell checking on Linux); otherwise an address on the app's own origin
   * that answers nothing, so a download, if Chromium ever tried one, reaches no one.
   */
  dictionaryUrl: string | null;
  /** Whether the person chooses (Linux only): elsewhere checking costs no download and is on. */
  choosable: boolean;
}

/** Not a folder the app serves: every dictionary asked for here is "not found", offline. */
export const NO_DICTIONARIES_URL = `${APP_ORIGIN}/no-dictionaries/`;

const SYSTEM_CHECKER = new Set<NodeJS.Platform>(['darwin', 'win32']);

export function spellcheckPlan(platform: NodeJS.Platform, personTurnedOn: boolean): SpellcheckPlan {
  if (SYSTEM_CHECKER.has(platform)) return { enabled: true, dictionaryUrl: NO_DICTIONARIES_URL, choosable: false };
  return { enabled: personTurnedOn, dictionaryUrl: personTurnedOn ? null : NO_DICTIONARIES_URL, choosable: true };
}
