/**
 * When the cards show English (setting `newsLens.hover.english`): `auto` follows VS Code's display
 * language (English UI → English renderings on the cards), `always` and `never` override it. The
 * display language arrives in `initialize` (LSP `locale`).
 */
import type { HoverSettings } from '../protocol';

let displayLocale: string | undefined;

export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = typeof locale === 'string' ? locale : undefined;
}

export function showEnglish(settings: Pick<HoverSettings, 'english'> | undefined, locale = displayLocale): boolean {
  const mode = settings?.english ?? 'auto';
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return !locale || /^en(-|$)/i.test(locale);
}
